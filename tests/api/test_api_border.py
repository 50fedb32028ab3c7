"""The border check over HTTP: verdicts with reasons, lost/stolen hits, decisions, overstays."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from rmis.api import create_app
from rmis.config import Settings
from rmis.documents import build_mrz
from rmis.model import Role
from rmis.node import Node
from rmis.registry import Registry, add_user, get_person, list_audit

SPECIMEN = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


@pytest.fixture
def rus_node(tmp_path, registry: Registry) -> Node:  # type: ignore[no-untyped-def]
    settings = Settings(authority="RUS", data_dir=tmp_path, database_url=registry.url, demo=True)
    return Node(settings, registry)


@pytest.fixture
def client(rus_node: Node) -> Iterator[TestClient]:
    with TestClient(create_app(rus_node.settings, rus_node)) as c:
        yield c


@pytest.fixture
def keys(rus_node: Node) -> dict[str, str]:
    with rus_node.registry.unit_of_work() as conn:
        return {role.value: add_user(conn, f"{role.value}-rus", role, "RUS")[1] for role in Role}


def auth(key: str) -> dict[str, str]:
    return {"X-API-Key": key, "X-Purpose": "border check"}


def tajik_mrz(number: str = "401234567") -> list[str]:
    import datetime as dt

    return list(
        build_mrz(
            "TD3",
            issuing_state="TJK",
            document_number=number,
            surname="RAKHMONOV",
            given_names="DZHAMSHED",
            nationality="TJK",
            birth_date=dt.date(1990, 1, 2),
            sex="M",
            expiry_date=dt.date(2030, 1, 1),
        )
    )


def check(client: TestClient, key: str, **fields: object) -> dict:  # type: ignore[type-arg]
    body = {
        "mrz": tajik_mrz(),
        "border_post": "RUS-DME",
        "direction": "entry",
        "at": "2024-04-01T10:00:00+03:00",
        "grounds": "visa-free",
        **fields,
    }
    response = client.post("/v1/border-checks", json=body, headers=auth(key))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_a_clean_entry_is_clear_and_says_screening_was_not_run(
    client: TestClient, keys: dict[str, str]
) -> None:
    answer = check(client, keys["officer"])
    assert answer["verdict"] == "clear" and answer["reasons"] == []
    assert answer["screening"] == {
        "status": "not_run",
        "reason": "no watchlist entries on this node: not screened",
    }
    assert answer["document"]["status"] == "valid"
    assert answer["lost_stolen"]["status"] == "clear"
    assert answer["stay"]["days_used"] == 1 and answer["stay"]["days_remaining"] == 89
    assert answer["traveller"]["person_key"] == "TJK:401234567"


def test_an_expired_specimen_and_a_stolen_document_are_referred(
    client: TestClient, keys: dict[str, str]
) -> None:
    expired = check(client, keys["officer"], mrz=SPECIMEN, other_country="UTO")
    assert expired["verdict"] == "refer"
    assert expired["document"]["status"] == "expired"
    assert "expired on 2012-04-15" in expired["reasons"]
    alert = {
        "issuing_state": "TJK",
        "number": "401234567",
        "status": "stolen",
        "reporting_authority": "TJK",
        "reported_on": "2024-03-01",
        "document_type": "P",
    }
    response = client.post("/v1/document-alerts", json=alert, headers=auth(keys["liaison"]))
    assert response.status_code == 200 and response.json()["created"] == 1
    again = client.post("/v1/document-alerts", json=[alert], headers=auth(keys["liaison"]))
    assert again.json()["already_reported"] == 1
    answer = check(client, keys["officer"])
    assert answer["verdict"] == "refer"
    assert answer["lost_stolen"]["status"] == "hit"
    assert answer["reasons"] == ["reported stolen by TJK on 2024-03-01 (national)"]
    alert_id = answer["lost_stolen"]["alerts"][0]["id"]
    cleared = client.request(
        "DELETE",
        f"/v1/document-alerts/{alert_id}",
        json={"reason": "found by its holder"},
        headers=auth(keys["liaison"]),
    )
    assert cleared.status_code == 200 and cleared.json()["active"] is False
    assert check(client, keys["officer"])["verdict"] == "clear"


def test_officers_may_not_report_alerts_and_analysts_may_not_check(
    client: TestClient, keys: dict[str, str]
) -> None:
    alert = {
        "issuing_state": "TJK",
        "number": "1",
        "status": "lost",
        "reporting_authority": "TJK",
        "reported_on": "2024-03-01",
    }
    assert (
        client.post("/v1/document-alerts", json=alert, headers=auth(keys["officer"])).status_code
        == 403
    )
    body = {"mrz": SPECIMEN, "border_post": "RUS-DME", "direction": "entry"}
    assert (
        client.post("/v1/border-checks", json=body, headers=auth(keys["analyst"])).status_code
        == 403
    )
    bad = client.post(
        "/v1/document-alerts", json={**alert, "status": "misplaced"}, headers=auth(keys["admin"])
    )
    assert bad.status_code == 422 and bad.json()["problems"][0]["field"] == "0.status"


def test_admitting_records_the_crossing_and_a_refusal_needs_grounds(
    client: TestClient, keys: dict[str, str], rus_node: Node
) -> None:
    answer = check(client, keys["officer"])
    url = f"/v1/border-checks/{answer['check_id']}/decision"
    refused = client.post(url, json={"decision": "refuse"}, headers=auth(keys["officer"]))
    assert refused.status_code == 422
    admitted = client.post(url, json={"decision": "admit"}, headers=auth(keys["officer"]))
    assert admitted.status_code == 200, admitted.text
    assert admitted.json()["crossing"]["stored"] == 1
    twice = client.post(url, json={"decision": "admit"}, headers=auth(keys["officer"]))
    assert twice.status_code == 409
    with rus_node.registry.reader() as conn:
        assert get_person(conn, "TJK:401234567")["documents"][0]["number"] == "401234567"
        actions = [e["action"] for e in list_audit(conn, 20)]
    assert "border.check" in actions and "border.decide" in actions
    stored = client.get(f"/v1/border-checks/{answer['check_id']}", headers=auth(keys["officer"]))
    assert stored.json()["decision"]["decision"] == "admit"
    # a later exit sees the trip; the same document at another post an hour later is flagged
    exit_check = check(
        client,
        keys["officer"],
        direction="exit",
        border_post="RUS-OVB",
        at="2024-04-01T11:00:00+03:00",
    )
    assert exit_check["last_trips"] == [{"entry": "2024-04-01", "exit": None}]
    assert exit_check["falsification"]["status"] == "signals"
    assert exit_check["verdict"] == "refer"


def test_typed_data_differing_from_the_mrz_is_a_signal(
    client: TestClient, keys: dict[str, str]
) -> None:
    typed = {"surname": "Раҳмонов", "given_names": "Ҷамшед", "birth_date": "1990-01-02"}
    same = check(client, keys["officer"], document=typed)
    assert same["falsification"]["status"] == "none"
    other = check(client, keys["officer"], document={**typed, "birth_date": "1991-01-02"})
    assert other["falsification"]["reasons"] == [
        "birth_date: the MRZ reads '1990-01-02', the post typed '1991-01-02'"
    ]


def test_overstays_endpoint_lists_those_past_their_stay(
    client: TestClient, keys: dict[str, str]
) -> None:
    answer = check(client, keys["officer"], at="2024-01-01T10:00:00+03:00")
    url = f"/v1/border-checks/{answer['check_id']}/decision"
    client.post(url, json={"decision": "admit"}, headers=auth(keys["officer"]))
    response = client.get("/v1/overstays?on=2024-03-31", headers=auth(keys["officer"]))
    assert response.status_code == 200
    assert [p["person_key"] for p in response.json()["persons"]] == ["TJK:401234567"]
    assert (
        client.get("/v1/overstays?on=2024-03-30", headers=auth(keys["officer"])).json()["persons"]
        == []
    )
    assert (
        client.get("/v1/overstays?on=2024-03-31", headers=auth(keys["analyst"])).status_code == 403
    )


WATCHLIST = [
    {
        "entry_id": "ATC-7",
        "names": [{"surname": "Раҳмонов", "given_name": "Ҷамшед"}],
        "birth_date": "1990-01-02",
        "sex": "M",
        "nationality": "TJK",
        "list_name": "ATC",
        "reason": "test",
    },
    {
        "entry_id": "ATC-8",
        "names": [{"surname": "Каримов", "given_name": "Бахтиёр"}],
        "birth_date": "1985-03-04",
        "nationality": "UZB",
        "list_name": "ATC",
        "reason": "test",
    },
]


def namesake_mrz() -> list[str]:
    import datetime as dt

    return list(
        build_mrz(
            "TD3",
            issuing_state="TJK",
            document_number="407654321",
            surname="RAKHMONOV",
            given_names="DZHAMSHED",
            nationality="TJK",
            birth_date=dt.date(1971, 8, 19),
            sex="M",
            expiry_date=dt.date(2030, 1, 1),
        )
    )


def test_a_listed_traveller_is_referred_with_the_hit_and_a_namesake_is_not(
    client: TestClient, keys: dict[str, str]
) -> None:
    for entry in WATCHLIST:
        created = client.post("/v1/watchlist/entries", json=entry, headers=auth(keys["liaison"]))
        assert created.status_code == 201, created.text
    listed = check(client, keys["officer"])
    assert listed["verdict"] == "refer"
    screening = listed["screening"]
    assert screening["status"] == "hit" and screening["entries"] == 2
    [hit] = screening["hits"]
    assert hit["entry_id"] == "ATC-7" and hit["decision"] == "alert" and hit["score"] > 0.9
    assert hit["explanation"]
    assert any(r.startswith("watchlist hit: alert on entry ATC-7") for r in listed["reasons"])
    stored = client.get("/v1/hits", headers=auth(keys["liaison"])).json()["hits"]
    assert [h["hit_id"] for h in stored] == [hit["hit_id"]]
    namesake = check(client, keys["officer"], mrz=namesake_mrz())
    assert namesake["screening"] == {"status": "clear", "reasons": [], "entries": 2, "hits": []}
    assert namesake["verdict"] == "clear", namesake["reasons"]


def test_a_review_hit_refers_the_traveller_with_its_reason(
    client: TestClient, keys: dict[str, str]
) -> None:
    entry = {**WATCHLIST[0], "entry_id": "ATC-9", "birth_date": "1990"}
    assert client.post(
        "/v1/watchlist/entries", json=entry, headers=auth(keys["liaison"])
    ).is_success
    answer = check(client, keys["officer"])
    assert answer["screening"]["status"] == "possible"
    assert [h["decision"] for h in answer["screening"]["hits"]] == ["review"]
    assert answer["verdict"] == "refer"
    assert any(r.startswith("watchlist possible: review on entry ATC-9") for r in answer["reasons"])
