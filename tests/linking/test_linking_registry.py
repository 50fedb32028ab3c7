"""Identity resolution in the registry, on SQLite and PostgreSQL: new crossings linked
incrementally equal a full re-link, reviews are stored, audited and respected by later runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pytest
from sqlalchemy import select
from test_linking_records import background, hard_pairs

from conftest import crossing
from rmis.errors import AccessDenied, Conflict, NotFound
from rmis.ingest import fields_record, ingest_records
from rmis.linking import link_records, store
from rmis.linking.registry import link_new_records, relink_all, review_link
from rmis.model import Principal, Role, system_principal
from rmis.registry import Registry, list_audit
from rmis.registry.linkage_tables import linked_persons, person_records

FIELDS = ("surname", "given_name", "patronymic", "sex", "birth_date", "nationality",
          "document_number")  # fmt: skip
OPERATOR = system_principal("TJK", "linkage test")
LIAISON = Principal("TJK", "liaison-1", Role.LIAISON, "resolving identities")


def person_crossings(records: Iterable[dict[str, str]], start: int) -> list[dict[str, str]]:
    """TJK exits of the person records, one crossing each, events numbered from `start`."""
    out = []
    for n, record in enumerate(records, start):
        fields = {k: record[k] for k in FIELDS}
        out.append(crossing(n, **fields))
    return out


def ingest(registry: Registry, items: list[dict[str, str]]) -> None:
    raw = (fields_record(i, json.dumps(x), x) for i, x in enumerate(items, 1))
    summary = ingest_records(registry, raw, OPERATOR, "test", node_authority="TJK")
    assert summary.stored == len(items), summary.as_dict()


@pytest.fixture(scope="module")
def people() -> list[dict[str, str]]:
    """Background people and the hard pairs, as crossings; event `TJK-1000xxxx` is row xxxx."""
    return person_crossings([*background(), *hard_pairs()], 10_000_000)


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return link_records([*background(), *hard_pairs()]).model


def with_model(registry: Registry, model: dict[str, Any]) -> None:
    import datetime as dt

    with registry.unit_of_work() as conn:
        store.save_model(conn, model, 1, dt.datetime.now(dt.UTC))


def partition(registry: Registry) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with registry.reader() as conn:
        for row in conn.execute(select(person_records)):
            groups.setdefault(row.person_id, set()).add(row.event_id)
    return {frozenset(g) for g in groups.values()}


def person_of(registry: Registry, people: list[dict[str, str]], record_id: str) -> str | None:
    n = next(i for i, r in enumerate(hard_pairs()) if r["record_id"] == record_id)
    event = people[len(people) - len(hard_pairs()) + n]["event_id"]
    with registry.reader() as conn:
        return store.person_of_record(conn, "TJK", event)


def test_incremental_linking_equals_a_full_relink(
    registry: Registry, people: list[dict[str, str]], model: dict[str, Any]
) -> None:
    with_model(registry, model)
    ingest(registry, people[::2])
    first = link_new_records(registry, OPERATOR)
    assert first.records == len(people[::2]) and not first.trained
    ingest(registry, people[1::2])
    second = link_new_records(registry, OPERATOR)
    assert second.records == len(people[1::2])
    assert link_new_records(registry, OPERATOR).records == 0
    incremental = partition(registry)
    with registry.reader() as conn:
        ids_before = set(conn.execute(select(linked_persons.c.person_id)).scalars())
    full = relink_all(registry, OPERATOR)
    assert full.records == len(people)
    assert partition(registry) == incremental
    with registry.reader() as conn:
        assert set(conn.execute(select(linked_persons.c.person_id)).scalars()) == ids_before
        assert store.count_persons(conn)["persons"] == full.persons == len(incremental)
    assert person_of(registry, people, "H1") == person_of(registry, people, "H2")
    assert person_of(registry, people, "T1") != person_of(registry, people, "T2")
    assert person_of(registry, people, "F1") != person_of(registry, people, "F2")


def test_a_green_review_is_stored_audited_and_never_merged_again(
    registry: Registry, people: list[dict[str, str]], model: dict[str, Any]
) -> None:
    with_model(registry, model)
    ingest(registry, people[:-3])
    link_new_records(registry, OPERATOR)
    h1, h2 = (f"TJK/{people[len(people) - len(hard_pairs()) + n]['event_id']}" for n in (0, 1))
    assert person_of(registry, people, "H1") == person_of(registry, people, "H2")
    with pytest.raises(AccessDenied):
        review_link(registry, OPERATOR, h1, h2, "green", "checked the passports")
    reviewed = review_link(registry, LIAISON, h1, h2, "green", "two people: checked in person")
    assert reviewed["link_class"] == "green"
    assert reviewed["reviews"][0]["by"] == "liaison-1"
    assert person_of(registry, people, "H1") != person_of(registry, people, "H2")
    ingest(registry, people[-3:])
    link_new_records(registry, OPERATOR)
    assert person_of(registry, people, "H1") != person_of(registry, people, "H2")
    relink_all(registry, OPERATOR)
    assert person_of(registry, people, "H1") != person_of(registry, people, "H2")
    with registry.reader() as conn:
        actions = [e["action"] for e in list_audit(conn, limit=50)]
        assert "links.green" in actions and "persons.relink" in actions
        assert store.list_links(conn, "green")[0]["link_class"] == "green"
    with pytest.raises(NotFound):
        review_link(registry, LIAISON, h1, "TJK/no-such-event", "white", "same")
    again = review_link(registry, LIAISON, h2, h1, "white", "the same man after all")
    assert [r["decision"] for r in again["reviews"]] == ["green", "white"]
    assert person_of(registry, people, "H1") == person_of(registry, people, "H2")


@pytest.mark.parametrize("registry_url", ["sqlite"], indirect=True)
def test_linking_trains_and_saves_a_model_when_there_is_none(
    registry: Registry, people: list[dict[str, str]]
) -> None:
    ingest(registry, people)
    run = link_new_records(registry, OPERATOR)
    assert run.trained and run.model_version == 1
    assert run.links["white"] > 0
    with registry.reader() as conn:
        saved = store.latest_model(conn)
    assert saved is not None and saved.model["comparisons"]
    assert person_of(registry, people, "H1") == person_of(registry, people, "H2")


def test_a_link_run_overtaken_by_another_stores_nothing_and_says_why(
    registry: Registry, people: list[dict[str, str]], model: dict[str, Any]
) -> None:
    ingest(registry, people[:40])
    with_model(registry, model)
    overtaken: list[str] = []

    def step(message: str) -> None:
        # the other run reads, scores and stores while this one is about to store
        if message == "storing persons" and not overtaken:
            overtaken.append(message)
            link_new_records(registry, OPERATOR)

    with pytest.raises(Conflict, match="another link run"):
        link_new_records(registry, OPERATOR, step=step)
    with registry.reader() as conn:
        stored = conn.execute(select(person_records.c.event_id)).scalars().all()
    assert len(stored) == len(set(stored)) == 40
    assert link_new_records(registry, OPERATOR).records == 0
