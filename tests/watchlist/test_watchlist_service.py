"""Stored watchlists, screening and hit review on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from rmis.errors import AccessDenied, Conflict, NotFound
from rmis.model import PersonRecord, Principal, Role
from rmis.names import PersonName
from rmis.registry import Registry, list_audit
from rmis.screening import WatchlistEntry
from rmis.watchlist import service, store

LIAISON = Principal("TJK", "liaison-1", Role.LIAISON, "watchlist upkeep")
OFFICER = Principal("TJK", "officer-1", Role.OFFICER, "border check")
ANALYST = Principal("TJK", "analyst-1", Role.ANALYST, "reports")


def _entry(birth: str = "1990-01-02", entry_id: str = "ATC-1") -> WatchlistEntry:
    names = (PersonName("Раҳмонов", "Ҷамшед"), PersonName("Rahmon", "Jamshed"))
    return WatchlistEntry(entry_id, names, birth, "M", "TJK", ("401234567",), "ATC", "test", "ATC")


def _traveller(**changes: str) -> PersonRecord:
    fields = {
        "record_id": "RUS/1",
        "source": "RUS",
        "surname": "РАХМОНОВ",
        "given_name": "ДЖАМШЕД",
        "patronymic": "РАХИМОВИЧ",
        "sex": "M",
        "birth_date": "1990-01-02",
        "nationality": "TJK",
        "document_number": "409999999",
    } | changes
    return PersonRecord(**fields)


def test_entries_are_versioned_with_their_history(registry: Registry) -> None:
    assert service.put_entry(registry, LIAISON, _entry()).version == 1
    assert service.load_entries(registry, LIAISON, [_entry()]) == {
        "added": 0, "updated": 0, "unchanged": 1,
    }  # fmt: skip
    assert service.put_entry(registry, LIAISON, _entry("1990")).version == 2
    service.remove_entry(registry, LIAISON, "ATC-1")
    entry, history = service.entry_with_history(registry, LIAISON, "ATC-1")
    assert entry is None
    assert [(h["version"], h["change"]) for h in history] == [
        (1, "added"), (2, "updated"), (3, "removed"),
    ]  # fmt: skip
    with pytest.raises(NotFound):
        service.remove_entry(registry, LIAISON, "ATC-1")
    assert service.list_entries(registry, LIAISON)[0] == 0


def test_screening_stores_hits_and_follows_every_change(registry: Registry) -> None:
    service.put_entry(registry, LIAISON, _entry())
    hits = service.screen_person(registry, OFFICER, _traveller())
    assert [(h.hit.entry_id, h.hit.decision.value) for h in hits] == [("ATC-1", "alert")]
    service.remove_entry(registry, LIAISON, "ATC-1")
    assert service.screen_person(registry, OFFICER, _traveller()) == []
    with registry.unit_of_work() as conn:  # another process writes an entry
        store.put_entry(conn, _entry(entry_id="ATC-2"), "elsewhere", hits[0].screened_at)
    assert [h.hit.entry_id for h in service.screen_person(registry, OFFICER, _traveller())] == [
        "ATC-2"
    ]


def test_a_dismissed_pair_is_not_raised_again_until_data_change(registry: Registry) -> None:
    service.put_entry(registry, LIAISON, _entry())
    (hit,) = service.screen_person(registry, OFFICER, _traveller(birth_date="1990"))
    reviewed = service.review_hit(registry, LIAISON, hit.hit_id, "dismissed", "another man")
    assert reviewed.status == "dismissed"
    with pytest.raises(Conflict):
        service.review_hit(registry, LIAISON, hit.hit_id, "confirmed", "changed my mind")
    assert service.screen_person(registry, OFFICER, _traveller(birth_date="1990")) == []
    assert service.screen_person(registry, OFFICER, _traveller(birth_date="1990-01-02"))
    service.put_entry(registry, LIAISON, _entry("1990-01"))
    assert service.screen_person(registry, OFFICER, _traveller(birth_date="1990"))


def test_roles_and_audit(registry: Registry) -> None:
    with pytest.raises(AccessDenied):
        service.put_entry(registry, OFFICER, _entry())
    with pytest.raises(AccessDenied):
        service.screen_person(registry, ANALYST, _traveller())
    service.put_entry(registry, LIAISON, _entry())
    (hit,) = service.screen_person(registry, OFFICER, _traveller())
    with pytest.raises(AccessDenied):
        service.review_hit(registry, OFFICER, hit.hit_id, "confirmed", "it is him")
    service.review_hit(registry, LIAISON, hit.hit_id, "confirmed", "it is him")
    with registry.reader() as conn:
        actions = [e["action"] for e in list_audit(conn, limit=100)]
    assert {"watchlist.added", "screening.screen", "hits.confirmed"} <= set(actions)
