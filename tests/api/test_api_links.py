"""Linked persons and link reviews over HTTP, on SQLite and PostgreSQL (audited)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rmis.api import create_app
from rmis.linking import link_records
from rmis.linking.registry import link_new_records
from rmis.model import Role
from rmis.node import Node
from rmis.registry import add_user, list_audit

sys.path.insert(0, str(Path(__file__).parent.parent / "linking"))
from test_linking_records import background, hard_pairs  # noqa: E402
from test_linking_registry import OPERATOR, ingest, person_crossings, with_model  # noqa: E402


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return link_records([*background(), *hard_pairs()]).model


@pytest.fixture
def people(node: Node, model: dict[str, Any]) -> list[dict[str, str]]:
    """The synthetic background and the hard pairs, stored and linked."""
    items = person_crossings([*background(), *hard_pairs()], 30_000_000)
    with_model(node.registry, model)
    ingest(node.registry, items)
    link_new_records(node.registry, OPERATOR)
    return items


@pytest.fixture
def client(node: Node) -> Iterator[TestClient]:
    with TestClient(create_app(node.settings, node)) as c:
        yield c


@pytest.fixture
def keys(node: Node) -> dict[str, str]:
    with node.registry.unit_of_work() as conn:
        return {role.value: add_user(conn, f"{role.value}-tjk", role, "TJK")[1] for role in Role}


def auth(key: str, purpose: str = "identity review") -> dict[str, str]:
    return {"X-API-Key": key, "X-Purpose": purpose}


def hard(people: list[dict[str, str]], record_id: str) -> str:
    n = next(i for i, r in enumerate(hard_pairs()) if r["record_id"] == record_id)
    return f"TJK/{people[len(people) - len(hard_pairs()) + n]['event_id']}"


def test_a_linked_person_shows_records_and_links_and_is_audited(
    node: Node, client: TestClient, keys: dict[str, str], people: list[dict[str, str]]
) -> None:
    event = hard(people, "H1").removeprefix("TJK/")
    by_document = client.get("/v1/persons/TJK:401122334", headers=auth(keys["officer"]))
    assert by_document.status_code == 200, by_document.text
    [person_id] = by_document.json()["linked_persons"]
    person = client.get(f"/v1/persons/{person_id}", headers=auth(keys["liaison"])).json()
    assert person["person_id"] == person_id and person["records"] >= 3
    assert event in {c["event_id"] for c in person["crossings"]}
    assert {k["link_class"] for k in person["links"]} >= {"white"}
    assert client.get(f"/v1/persons/{person_id}", headers=auth(keys["analyst"])).status_code == 403
    missing = client.get("/v1/persons/0190f0a0-0000-7000-8000-00000000dead",
                         headers=auth(keys["officer"]))  # fmt: skip
    assert missing.status_code == 404
    with node.registry.reader() as conn:
        assert list_audit(conn, subject=f"person:{person_id}")[0]["purpose"] == "identity review"


def test_links_are_listed_and_reviewed_green_for_good(
    node: Node, client: TestClient, keys: dict[str, str], people: list[dict[str, str]]
) -> None:
    yellow = client.get("/v1/links?class=yellow", headers=auth(keys["officer"]))
    assert yellow.status_code == 200 and isinstance(yellow.json()["links"], list)
    assert client.get("/v1/links", headers={"X-API-Key": keys["officer"]}).status_code == 403
    assert client.get("/v1/links", headers=auth(keys["analyst"])).status_code == 403
    whites = client.get("/v1/links?class=white&limit=1000", headers=auth(keys["liaison"]))
    h1, h2 = hard(people, "H1"), hard(people, "H2")
    pair = next(
        x for x in whites.json()["links"]
        if {r["record_id"] for r in x["left_records"] + x["right_records"]} >= {h1, h2}
    )  # fmt: skip
    path = f"/v1/links/{pair['left']}/{pair['right']}/review"
    empty = client.post(
        path, json={"decision": "green", "reason": ""}, headers=auth(keys["officer"])
    )
    assert empty.status_code == 422
    body = {"decision": "green", "reason": "two men: seen at the post"}
    reviewed = client.post(path, json=body, headers=auth(keys["officer"]))
    assert reviewed.status_code == 200, reviewed.text
    assert reviewed.json()["link_class"] == "green"
    assert client.post(path, json=body, headers=auth(keys["admin"])).status_code == 403
    greens = client.get("/v1/links?class=green", headers=auth(keys["liaison"])).json()["links"]
    assert [(x["left"], x["right"]) for x in greens] == [(pair["left"], pair["right"])]
    with node.registry.reader() as conn:
        entry = list_audit(conn, subject=f"link:{pair['left']}:{pair['right']}")[0]
        assert entry["action"] == "links.green" and entry["user"] == "officer-tjk"
