"""The screening API: watchlist upkeep, one-record screening, hit review, roles."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from rmis.api import create_app
from rmis.model import Role
from rmis.node import Node
from rmis.registry import add_user

ENTRY = {
    "entry_id": "ATC-7",
    "names": [{"surname": "Раҳмонов", "given_name": "Ҷамшед"}, {"surname": "Rahmon"}],
    "birth_date": "1990-01-02",
    "sex": "M",
    "nationality": "TJK",
    "documents": ["401234567"],
    "list_name": "ATC",
    "reason": "test",
}
TRAVELLER = {
    "record_id": "RUS/9",
    "source": "RUS",
    "surname": "RAKHMONOV",
    "given_name": "DZHAMSHED",
    "sex": "M",
    "birth_date": "1990",
    "nationality": "TJK",
    "document_number": "409999999",
}


@pytest.fixture
def client(node: Node) -> Iterator[TestClient]:
    with TestClient(create_app(node.settings, node)) as c:
        yield c


@pytest.fixture
def keys(node: Node) -> dict[str, str]:
    with node.registry.unit_of_work() as conn:
        return {role.value: add_user(conn, f"{role.value}-s", role, "TJK")[1] for role in Role}


def auth(key: str) -> dict[str, str]:
    return {"X-API-Key": key, "X-Purpose": "counter-terrorism"}


def test_a_liaison_keeps_the_list_and_reviews_what_officers_screen(
    client: TestClient, keys: dict[str, str]
) -> None:
    liaison, officer = auth(keys["liaison"]), auth(keys["officer"])
    assert client.post("/v1/watchlist/entries", json=ENTRY, headers=officer).status_code == 403
    created = client.post("/v1/watchlist/entries", json=ENTRY, headers=liaison)
    assert created.status_code == 201 and created.json()["version"] == 1
    screened = client.post("/v1/screenings", json=TRAVELLER, headers=officer).json()
    (hit,) = screened["hits"]
    assert hit["decision"] == "review" and hit["entry_id"] == "ATC-7"
    assert "nationality agrees (not scored)" in hit["explanation"]
    assert client.get("/v1/hits", headers=officer).status_code == 403
    assert [h["hit_id"] for h in client.get("/v1/hits", headers=liaison).json()["hits"]] == [
        hit["hit_id"]
    ]
    review = {"outcome": "dismissed", "reason": "born 1984 per passport scan"}
    reviewed = client.post(f"/v1/hits/{hit['hit_id']}/review", json=review, headers=liaison)
    assert reviewed.json()["status"] == "dismissed"
    again = client.post("/v1/screenings", json=TRAVELLER, headers=officer).json()
    assert again["hits"] == []


def test_entries_are_updated_listed_and_removed(client: TestClient, keys: dict[str, str]) -> None:
    liaison = auth(keys["liaison"])
    client.post("/v1/watchlist/load", json=[ENTRY], headers=liaison)
    changed = {k: v for k, v in ENTRY.items() if k != "entry_id"} | {"birth_date": "1990"}
    assert (
        client.put("/v1/watchlist/entries/ATC-7", json=changed, headers=liaison).json()["version"]
        == 2
    )
    assert client.get("/v1/watchlist/entries", headers=liaison).json()["total"] == 1
    assert client.delete("/v1/watchlist/entries/ATC-7", headers=liaison).json()["removed"]
    shown = client.get("/v1/watchlist/entries/ATC-7", headers=liaison).json()
    assert shown["entry"] is None and len(shown["history"]) == 3
    missing = client.delete("/v1/watchlist/entries/NONE", headers=liaison)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    bad = client.post(
        "/v1/watchlist/entries", json=ENTRY | {"birth_date": "2.1.90"}, headers=liaison
    )
    assert bad.status_code == 422
