"""Store contract tests: each runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import inspect, text

from conftest import crossing
from rmis.errors import AuditChainBroken, Conflict, NotAuthenticated
from rmis.model import AuditEntry, Crossing, Problem, Role, validate_crossing
from rmis.registry import (
    HeldRecord,
    Registry,
    add_user,
    append_audit,
    authenticate_key,
    count_quarantined,
    count_rows,
    get_crossing,
    get_person,
    hold_records,
    open_registry,
    revoke_user,
    row_builder,
    verify_audit,
    write_crossings,
)
from rmis.registry.tables import metadata


def rows(registry: Registry, numbers: range) -> list[tuple[object, ...]]:
    build = row_builder(registry.dialect)
    out = []
    for n in numbers:
        c = validate_crossing(crossing(n))
        assert isinstance(c, Crossing)
        out.append(build(c, "test"))
    return out


def test_migrations_create_exactly_the_declared_tables(registry: Registry) -> None:
    inspector = inspect(registry.engine)
    tables = set(inspector.get_table_names()) - {"alembic_version"}
    assert tables == set(metadata.tables)
    for name, table in metadata.tables.items():
        columns = {c["name"] for c in inspector.get_columns(name)}
        assert columns == {c.name for c in table.columns}, name


def test_migrating_twice_changes_nothing(registry: Registry) -> None:
    registry.migrate()
    registry.migrate()


def test_bulk_write_is_idempotent_by_authority_and_event(registry: Registry) -> None:
    with registry.unit_of_work() as conn:
        assert write_crossings(conn, rows(registry, range(1, 101))) == 100
    with registry.unit_of_work() as conn:
        assert write_crossings(conn, rows(registry, range(51, 151))) == 50
    with registry.reader() as conn:
        assert count_rows(conn) == {"crossings": 150, "persons": 150, "documents": 150}
        stored = get_crossing(conn, "TJK", "TJK-00000007")
    assert stored["surname"] == "Раҳмонов"
    assert stored["at"] == "2023-04-12T01:35:00+00:00"
    assert stored["local_date"] == "2023-04-12"


def test_a_failed_batch_leaves_nothing_behind(registry: Registry) -> None:
    with pytest.raises(RuntimeError), registry.unit_of_work() as conn:
        write_crossings(conn, rows(registry, range(1, 11)))
        raise RuntimeError("crash mid-batch")
    with registry.reader() as conn:
        assert count_rows(conn)["crossings"] == 0


def test_quarantine_holds_a_bad_record_once(registry: Registry) -> None:
    held = [HeldRecord("f.csv", 3, "raw,line", [Problem("at", "bad")], {"at": "x"})]
    with registry.unit_of_work() as conn:
        assert hold_records(conn, "TJK", held) == 1
        assert hold_records(conn, "TJK", held) == 0
        assert count_quarantined(conn) == 1


def test_api_keys_are_hashed_and_revocable(registry: Registry) -> None:
    with registry.unit_of_work() as conn:
        user, key = add_user(conn, "aziz", Role.OFFICER, "TJK")
        stored = conn.execute(text("SELECT key_hash FROM users")).scalar_one()
        assert key not in stored and user.key_prefix in key
        assert authenticate_key(conn, key).name == "aziz"
        with pytest.raises(Conflict):
            add_user(conn, "aziz", Role.ANALYST, "TJK")
    with registry.unit_of_work() as conn:
        revoke_user(conn, "aziz")
        with pytest.raises(NotAuthenticated, match="revoked"):
            authenticate_key(conn, key)
        with pytest.raises(NotAuthenticated):
            authenticate_key(conn, key[:-2] + "xx")


def audit_some(registry: Registry, count: int) -> None:
    import datetime as dt

    with registry.unit_of_work() as conn:
        for i in range(count):
            entry = AuditEntry(
                dt.datetime.now(dt.UTC), "TJK", "aziz", "officer", "person.read", f"p:{i}", "check"
            )
            append_audit(conn, entry)


def test_the_audit_chain_verifies(registry: Registry) -> None:
    audit_some(registry, 5)
    with registry.reader() as conn:
        assert verify_audit(conn).entries == 5


def test_an_edited_audit_entry_is_named(registry: Registry) -> None:
    audit_some(registry, 5)
    with registry.unit_of_work() as conn:
        conn.execute(text("UPDATE audit_log SET purpose = 'curiosity' WHERE seq = 3"))
    with registry.reader() as conn, pytest.raises(AuditChainBroken, match="entry 3") as e:
        verify_audit(conn)
    assert e.value.seq == 3


def test_deleted_audit_entries_are_detected(registry: Registry) -> None:
    audit_some(registry, 5)
    with registry.unit_of_work() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 2"))
    with registry.reader() as conn, pytest.raises(AuditChainBroken, match="missing") as e:
        verify_audit(conn)
    assert e.value.seq == 2


def test_deleting_the_newest_audit_entry_is_detected(registry: Registry) -> None:
    audit_some(registry, 3)
    with registry.unit_of_work() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = 3"))
    with registry.reader() as conn, pytest.raises(AuditChainBroken, match="deleted"):
        verify_audit(conn)


def test_a_batch_repeating_an_event_stores_it_once_and_the_first_wins(
    registry: Registry,
) -> None:
    batch = rows(registry, range(1, 6))
    later = rows(registry, range(3, 4))[0]
    changed = (*later[:8], "Later", *later[9:])  # same event, another surname
    with registry.unit_of_work() as conn:
        assert write_crossings(conn, [*batch, changed, batch[0]]) == 5
    with registry.reader() as conn:
        assert count_rows(conn) == {"crossings": 5, "persons": 5, "documents": 5}
        assert get_crossing(conn, "TJK", "TJK-00000003")["surname"] == "Раҳмонов"


def test_repeats_within_and_across_multi_row_statements_store_once_and_the_first_wins(
    registry: Registry,
) -> None:
    """SQLite writes many rows to a statement: a repeat in the same statement, in a later one
    and in the short last one each lose to the first."""
    batch = rows(registry, range(1, 141))
    repeats = [(*batch[n - 1][:8], f"Repeat{n}", *batch[n - 1][9:]) for n in (2, 70, 140)]
    # at 10 (the first statement), at 100 (the second) and at the end (the short last one)
    mixed = [*batch[:9], repeats[0], *batch[9:99], repeats[1], *batch[99:], repeats[2]]
    with registry.unit_of_work() as conn:
        assert write_crossings(conn, mixed) == 140
    with registry.reader() as conn:
        assert count_rows(conn) == {"crossings": 140, "persons": 140, "documents": 140}
        for n in (2, 70, 140):
            assert get_crossing(conn, "TJK", f"TJK-{n:08d}")["surname"] == "Раҳмонов"


def test_rows_in_text_form_store_what_rows_in_driver_form_do(registry: Registry) -> None:
    """Ingest hands the bulk path text instants and days (SQLite's form) on both engines."""
    text_rows = [row_builder("sqlite")(validate_crossing(crossing(n)), "t") for n in (1, 2)]  # type: ignore[arg-type]
    with registry.unit_of_work() as conn:
        write_crossings(conn, text_rows)
        write_crossings(conn, rows(registry, range(3, 4)))
    with registry.reader() as conn:
        stored = [get_crossing(conn, "TJK", f"TJK-0000000{n}") for n in (1, 3)]
        person = get_person(conn, "TJK:400000001")
    for s in stored:
        assert (s["at"], s["local_date"], s["document_expiry"]) == (
            "2023-04-12T01:35:00+00:00",
            "2023-04-12",
            "2030-01-01",
        )
    assert person["documents"][0]["expiry"] == "2030-01-01"


@pytest.mark.postgres
def test_an_event_stored_by_another_writer_meanwhile_is_skipped(postgres_url: str) -> None:
    """Another transaction storing one of the batch's events meanwhile: the batch waits for it
    and stores only the rest."""
    registry = open_registry(postgres_url)
    first, both = rows(registry, range(1, 2)), rows(registry, range(1, 3))
    outcome: list[int] = []
    try:
        with registry.unit_of_work() as other:
            assert write_crossings(other, first) == 1

            def write_batch() -> None:
                with registry.unit_of_work() as conn:
                    outcome.append(write_crossings(conn, both))

            writer = threading.Thread(target=write_batch)
            writer.start()
            time.sleep(1.0)  # the batch now waits on the uncommitted event
        writer.join(30)
        assert outcome == [1]
        with registry.reader() as conn:
            assert count_rows(conn) == {"crossings": 2, "persons": 2, "documents": 2}
    finally:
        registry.dispose()
