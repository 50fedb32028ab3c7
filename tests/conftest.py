"""Shared fixtures: real registries on SQLite and PostgreSQL, one schema per test."""

from __future__ import annotations

import csv
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from rmis.config import Settings
from rmis.model import CROSSING_FIELDS
from rmis.node import Node
from rmis.registry import Registry, open_registry

POSTGRES_URL = os.environ.get(
    "RMIS_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_SERVICES = os.environ.get("RMIS_TEST_REQUIRE_SERVICES") == "1"


def _postgres_reachable() -> str:
    try:
        engine = create_engine(POSTGRES_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return ""
    except Exception as e:  # any failure to connect means: not reachable
        return str(e).splitlines()[0]


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The PostgreSQL URL; skips (or fails when services are required) if it is down."""
    problem = _postgres_reachable()
    if problem:
        if REQUIRE_SERVICES:
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is required but unreachable: {problem}")
        pytest.skip(f"PostgreSQL unreachable: {problem}")
    return POSTGRES_URL


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh schema of its own for one test, dropped afterwards."""
    schema = f"rmis_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{postgres_server}?options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def registry_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A registry URL on each engine: store contract tests run on both."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'registry.sqlite'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture
def registry(registry_url: str) -> Iterator[Registry]:
    reg = open_registry(registry_url)
    yield reg
    reg.dispose()


@pytest.fixture
def node_settings(tmp_path: Path, registry_url: str) -> Settings:
    return Settings(authority="TJK", data_dir=tmp_path, database_url=registry_url, demo=True)


@pytest.fixture
def node(node_settings: Settings, registry: Registry) -> Node:
    return Node(node_settings, registry)


def crossing(n: int = 1, **overrides: str) -> dict[str, str]:
    """A valid TJK exit record; `n` varies the event and the traveller."""
    base = {
        "event_id": f"TJK-{n:08d}",
        "authority": "TJK",
        "border_post": "TJK-DYU",
        "direction": "exit",
        "at": "2023-04-12T06:35:00+05:00",
        "from_country": "TJK",
        "to_country": "RUS",
        "surname": "Раҳмонов",
        "given_name": "Ҷамшед",
        "patronymic": "",
        "sex": "M",
        "birth_date": "1990-01-02",
        "nationality": "TJK",
        "document_type": "P",
        "document_number": f"4{n:08d}",
        "document_issuer": "TJK",
        "document_expiry": "2030-01-01",
        "purpose": "work",
        "grounds": "",
    }
    base.update(overrides)
    return base


def write_csv(path: Path, records: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(CROSSING_FIELDS))
        writer.writeheader()
        writer.writerows(records)
    return path
