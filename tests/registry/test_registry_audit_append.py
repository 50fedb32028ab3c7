"""Appending to the audit chain: the one-statement append on PostgreSQL keeps the chain."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import text

from rmis.model import AuditEntry
from rmis.registry import Registry, append_audit, verify_audit
from rmis.registry.audit import GENESIS, entry_hash, hashed_text_around_seq


def entry(i: int, detail: dict[str, object] | None = None) -> AuditEntry:
    return AuditEntry(
        dt.datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=dt.UTC),
        "RUS",
        "офицер",
        "officer",
        "border.check",
        f"person:TJK:{i:09d}",
        "border check",
        detail if detail is not None else {"i": i},
    )


@pytest.mark.parametrize(
    "detail",
    [{}, {"seq": 0, "nested": {"seq": [1, 2]}}, {"name": "Раҳмонов\u2028", "note": 'a"b\\c'}],
)
def test_the_text_around_the_number_is_the_text_the_hash_covers(detail: dict[str, object]) -> None:
    import hashlib

    before, after = hashed_text_around_seq(entry(7, detail))
    for seq in (1, 42, 10**12):
        text_ = GENESIS + before + str(seq) + after
        expected = entry_hash(seq, entry(7, detail), GENESIS)
        assert hashlib.sha256(text_.encode()).hexdigest() == expected
        assert json.loads(before + str(seq) + after)["seq"] == seq


def test_appends_number_and_chain_entries_in_order(registry: Registry) -> None:
    with registry.unit_of_work() as conn:
        seqs = [append_audit(conn, entry(i, {"Раҳмонов": i, "seq": -1})) for i in range(4)]
    assert seqs == [1, 2, 3, 4]
    with registry.reader() as conn:
        assert verify_audit(conn).entries == 4
        rows = conn.execute(text("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq")).all()
    assert rows[0].prev_hash == GENESIS
    assert [r.prev_hash for r in rows[1:]] == [r.hash for r in rows[:-1]]


def test_a_rolled_back_append_leaves_no_gap(registry: Registry) -> None:
    with registry.unit_of_work() as conn:
        append_audit(conn, entry(1))
    with pytest.raises(RuntimeError), registry.unit_of_work() as conn:
        append_audit(conn, entry(2))
        raise RuntimeError("the action failed")
    with registry.unit_of_work() as conn:
        assert append_audit(conn, entry(3)) == 2
    with registry.reader() as conn:
        assert verify_audit(conn).entries == 2


@pytest.mark.postgres
def test_concurrent_appends_on_postgres_keep_one_unbroken_chain(postgres_url: str) -> None:
    from rmis.registry import open_registry

    registry = open_registry(postgres_url)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def append_many(worker: int) -> None:
        try:
            start.wait()  # the first appends of an empty chain all at once
            for i in range(25):
                with registry.unit_of_work() as conn:
                    append_audit(conn, entry(worker * 100 + i))
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=append_many, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with registry.reader() as conn:
        assert verify_audit(conn).entries == 200
    registry.dispose()


@pytest.mark.postgres
def test_a_missing_head_row_fails_the_append_on_postgres(postgres_url: str) -> None:
    from sqlalchemy.exc import IntegrityError

    from rmis.registry import open_registry

    registry = open_registry(postgres_url)
    for i in (1, 2):  # the second append is the one-statement one
        with registry.unit_of_work() as conn:
            append_audit(conn, entry(i))
    with registry.unit_of_work() as conn:
        conn.execute(text("DELETE FROM audit_head"))
    with pytest.raises(IntegrityError), registry.unit_of_work() as conn:
        append_audit(conn, entry(3))
    registry.dispose()
