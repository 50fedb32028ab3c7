"""The node's HTTP API: authentication, access by role and authority, problem+json."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from conftest import crossing
from rmis.api import create_app
from rmis.model import Role
from rmis.node import Node
from rmis.registry import add_user, list_audit


@pytest.fixture
def client(node: Node) -> Iterator[TestClient]:
    with TestClient(create_app(node.settings, node)) as c:
        yield c


@pytest.fixture
def keys(node: Node) -> dict[str, str]:
    out = {}
    with node.registry.unit_of_work() as conn:
        for role in Role:
            out[role.value] = add_user(conn, f"{role.value}-tjk", role, "TJK")[1]
        out["officer-rus"] = add_user(conn, "officer-rus", Role.OFFICER, "RUS")[1]
    return out


def auth(key: str, purpose: str = "border check") -> dict[str, str]:
    return {"X-API-Key": key, "X-Purpose": purpose}


def test_errors_are_problem_json_with_one_shape(client: TestClient) -> None:
    response = client.get("/v1/stats/departures?year=2023")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert set(body) == {"type", "title", "status", "detail", "instance"}
    assert body["status"] == 401 and body["instance"] == "/v1/stats/departures"


def test_a_batch_is_stored_and_bad_records_come_back_with_problems(
    client: TestClient, keys: dict[str, str]
) -> None:
    batch = [crossing(1), crossing(2, to_country="XYZ", sex="?"), crossing(3)]
    response = client.post("/v1/crossings", json=batch, headers=auth(keys["officer"]))
    assert response.status_code == 200
    body = response.json()
    assert {k: body[k] for k in ("read", "stored", "duplicate", "quarantined")} == {
        "read": 3,
        "stored": 2,
        "duplicate": 0,
        "quarantined": 1,
    }
    assert body["held"][0]["line"] == 2
    assert {p["field"] for p in body["held"][0]["problems"]} == {"to_country", "sex"}
    again = client.post("/v1/crossings", json=crossing(1), headers=auth(keys["officer"])).json()
    assert again["duplicate"] == 1 and again["stored"] == 0


def test_an_analyst_cannot_read_person_level_records(
    client: TestClient, keys: dict[str, str]
) -> None:
    client.post("/v1/crossings", json=crossing(1), headers=auth(keys["officer"]))
    response = client.get("/v1/persons/TJK:400000001", headers=auth(keys["analyst"]))
    assert response.status_code == 403
    assert "analyst" in response.json()["detail"]
    response = client.get("/v1/crossings/TJK/TJK-00000001", headers=auth(keys["analyst"]))
    assert response.status_code == 403


def test_an_officer_of_tjk_cannot_read_rus_records(
    node: Node, client: TestClient, keys: dict[str, str]
) -> None:
    client.post("/v1/crossings", json=crossing(1), headers=auth(keys["officer"]))
    response = client.get("/v1/persons/TJK:400000001", headers=auth(keys["officer-rus"]))
    assert response.status_code == 403
    assert "RUS may not read TJK" in response.json()["detail"]
    response = client.get("/v1/crossings/RUS/RUS-1", headers=auth(keys["officer"]))
    assert response.status_code == 403


def test_person_reads_need_a_purpose_and_are_audited(
    node: Node, client: TestClient, keys: dict[str, str]
) -> None:
    client.post("/v1/crossings", json=crossing(1), headers=auth(keys["officer"]))
    refused = client.get("/v1/persons/TJK:400000001", headers={"X-API-Key": keys["officer"]})
    assert refused.status_code == 403 and "purpose" in refused.json()["detail"]
    person = client.get("/v1/persons/TJK:400000001", headers=auth(keys["officer"])).json()
    assert person["crossings"][0]["surname"] == "Раҳмонов"
    assert person["documents"][0]["number"] == "400000001"
    with node.registry.reader() as conn:
        entry = list_audit(conn, limit=1)[0]
    assert entry["action"] == "person.read" and entry["user"] == "officer-tjk"
    assert entry["subject"] == "person:TJK:400000001" and entry["purpose"] == "border check"


def test_bearer_tokens_stand_for_the_user(client: TestClient, keys: dict[str, str]) -> None:
    token = client.post("/v1/tokens", headers=auth(keys["analyst"])).json()["access_token"]
    ok = client.get("/v1/stats/departures?year=2023", headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 200
    forged = client.get("/v1/stats/departures?year=2023", headers={"Authorization": "Bearer x.y.z"})
    assert forged.status_code == 401


def test_admins_manage_users_and_revoked_keys_stop_working(
    client: TestClient, keys: dict[str, str]
) -> None:
    created = client.post(
        "/v1/users",
        json={"name": "farrukh", "role": "officer", "authority": "TJK"},
        headers=auth(keys["admin"]),
    )
    assert created.status_code == 201
    new_key = created.json()["api_key"]
    assert client.get("/v1/users", headers=auth(keys["officer"])).status_code == 403
    client.delete("/v1/users/farrukh", headers=auth(keys["admin"]))
    response = client.post("/v1/crossings", json=crossing(1), headers=auth(new_key))
    assert response.status_code == 401 and "revoked" in response.json()["detail"]


def test_quarantine_can_be_listed_inspected_and_repaired(
    client: TestClient, keys: dict[str, str]
) -> None:
    client.post("/v1/crossings", json=crossing(1, surname=""), headers=auth(keys["officer"]))
    listing = client.get("/v1/quarantine", headers=auth(keys["admin"])).json()
    assert listing["total"] == 1
    record_id = listing["records"][0]["id"]
    shown = client.get(f"/v1/quarantine/{record_id}", headers=auth(keys["admin"])).json()
    assert shown["fields"]["surname"] == ""
    fixed = client.post(
        f"/v1/quarantine/{record_id}/retry",
        json={"corrections": {"surname": "Rahmon"}},
        headers=auth(keys["admin"]),
    ).json()
    assert fixed["status"] == "stored"
    assert client.get("/v1/quarantine", headers=auth(keys["officer"])).status_code == 403


def test_invalid_query_parameters_are_problem_json(
    client: TestClient, keys: dict[str, str]
) -> None:
    response = client.get("/v1/stats/departures?year=abc", headers=auth(keys["analyst"]))
    assert response.status_code == 422
    assert response.json()["problems"][0]["field"] == "query.year"


def test_the_audit_chain_can_be_verified_over_http(
    client: TestClient, keys: dict[str, str]
) -> None:
    client.post("/v1/crossings", json=crossing(1), headers=auth(keys["officer"]))
    body = client.get("/v1/audit/verify", headers=auth(keys["admin"])).json()
    assert body["valid"] is True and body["entries"] >= 1


def test_a_year_outside_the_plausible_years_is_refused_by_name(
    client: TestClient, keys: dict[str, str]
) -> None:
    for year in (1899, 2201):
        response = client.get(f"/v1/stats/departures?year={year}", headers=auth(keys["analyst"]))
        assert response.status_code == 422
        assert "year" in response.text
