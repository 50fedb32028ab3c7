"""Serving the API: the environment's node as a factory, the worker pool, the stored answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient

from rmis.api import node_app
from rmis.config import get_settings
from rmis.documents import build_mrz
from rmis.model import Role
from rmis.registry import add_user


@pytest.fixture
def environment_node(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("RMIS_AUTHORITY", "RUS")
    monkeypatch.setenv("RMIS_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RMIS_DEMO", "1")
    monkeypatch.setenv("RMIS_API_THREADS", "3")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def _check_body() -> dict[str, Any]:
    """A check of a Tajik passport at an entry post of RUS."""
    mrz = build_mrz(
        "TD3", issuing_state="TJK", document_number="401234567", surname="RAKHMONOV",
        given_names="DZHAMSHED", nationality="TJK", birth_date=dt.date(1990, 1, 2), sex="M",
        expiry_date=dt.date(2030, 1, 1),
    )  # fmt: skip
    return {"mrz": list(mrz), "border_post": "RUS-DME", "direction": "entry"}


def test_node_app_serves_the_node_the_environment_names_with_its_worker_threads(
    environment_node: None,
) -> None:
    app = node_app()
    with TestClient(app) as client:
        assert client.get("/v1/health").json()["authority"] == "RUS"
        tokens = client.portal.call(  # type: ignore[union-attr]
            lambda: anyio.to_thread.current_default_thread_limiter().total_tokens
        )
    assert tokens == 3


def test_the_answer_sent_is_the_answer_stored(environment_node: None) -> None:
    app = node_app()
    with app.state.node.registry.unit_of_work() as conn:
        key = add_user(conn, "officer-rus", Role.OFFICER, "RUS")[1]
    headers = {"X-API-Key": key, "X-Purpose": "border check"}
    body = _check_body() | {"at": "2024-04-01T10:00:00+03:00", "grounds": "visa-free"}
    with TestClient(app) as client:
        sent = client.post("/v1/border-checks", json=body, headers=headers)
        assert sent.status_code == 200
        assert sent.headers["content-type"] == "application/json"
        stored = client.get(f"/v1/border-checks/{sent.json()['check_id']}", headers=headers)
    assert stored.json() == {**sent.json(), "decision": None}
    unauthenticated = TestClient(app).post("/v1/border-checks", json=body)
    assert unauthenticated.status_code == 401
    invalid = TestClient(app).post(
        "/v1/border-checks", json={"border_post": "RUS-DME"}, headers=headers
    )
    assert invalid.status_code == 422
    assert {p["field"] for p in invalid.json()["problems"]} == {"body.direction"}


class FailingScreener:
    """A screener that breaks, as an unexpected fault would."""

    def screen(self, *args: object, **kwargs: object) -> dict[str, object]:
        raise RuntimeError("screening broke")


def test_a_check_that_fails_unexpectedly_is_a_problem_and_the_error_reaches_the_server(
    environment_node: None,
) -> None:
    app = node_app()
    with app.state.node.registry.unit_of_work() as conn:
        key = add_user(conn, "officer-rus", Role.OFFICER, "RUS")[1]
    app.state.screener = FailingScreener()
    headers = {"X-API-Key": key, "X-Purpose": "border check"}
    body = _check_body()
    answered = TestClient(app, raise_server_exceptions=False).post(
        "/v1/border-checks", json=body, headers=headers
    )
    assert answered.status_code == 500
    assert answered.headers["content-type"] == "application/problem+json"
    assert answered.json()["instance"] == "/v1/border-checks"
    with pytest.raises(RuntimeError, match="screening broke"):
        TestClient(app).post("/v1/border-checks", json=body, headers=headers)
    # another path is FastAPI's to route (here: redirected without its trailing slash)
    other = TestClient(app, follow_redirects=False)
    assert other.post("/v1/border-checks/", json=body, headers=headers).status_code == 307


def test_a_middleware_a_deployment_adds_sees_the_check_too(environment_node: None) -> None:
    from starlette.middleware.base import BaseHTTPMiddleware

    app = node_app()
    seen: list[str] = []

    async def note_path(request: object, call_next: object) -> object:
        seen.append(request.url.path)  # type: ignore[attr-defined]
        return await call_next(request)  # type: ignore[operator]

    app.add_middleware(BaseHTTPMiddleware, dispatch=note_path)
    with app.state.node.registry.unit_of_work() as conn:
        key = add_user(conn, "officer-rus", Role.OFFICER, "RUS")[1]
    headers = {"X-API-Key": key, "X-Purpose": "border check"}
    body = _check_body()
    with TestClient(app) as client:
        assert client.post("/v1/border-checks", json=body, headers=headers).status_code == 200
    assert seen == ["/v1/border-checks"]


def test_a_process_builds_the_watchlist_index_and_freezes_it_before_its_first_request(
    environment_node: None,
) -> None:
    import gc

    from rmis.names import PersonName
    from rmis.screening import WatchlistEntry
    from rmis.watchlist import service, store

    app = node_app()
    registry = app.state.node.registry
    names = (PersonName("Раҳмонов", "Ҷамшед"),)
    entry = WatchlistEntry(
        "ATC-1", names, "1990-01-02", "M", "TJK", ("401234567",), "ATC", "t", "ATC"
    )
    with registry.unit_of_work() as conn:
        store.put_entry(conn, entry, "liaison-1", dt.datetime.now(dt.UTC))
    assert registry not in service._INDEXES
    with TestClient(app):
        assert len(service._INDEXES[registry].index) == 1
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
