"""The check's registry reads in one pipeline and its writes by group commit (PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from conftest import crossing
from rmis.border import AlertReport, CheckWriter, StoredCheck, report_alerts
from rmis.border.alerts import find_alerts
from rmis.border.facts import CHECKED_COLUMNS, HISTORY, read_facts
from rmis.border.signals import PresentedDocument
from rmis.errors import StorageError
from rmis.ingest import fields_record, ingest_records
from rmis.model import AuditEntry, Principal, Role
from rmis.registry import Registry, crossings_of_person, list_audit, open_registry, verify_audit
from rmis.registry.border_tables import border_checks

pytestmark = pytest.mark.postgres
ADMIN = Principal("TJK", "admin", Role.ADMIN, "tests")


@pytest.fixture
def pg_registry(postgres_url: str) -> Iterator[Registry]:
    registry = open_registry(postgres_url)
    yield registry
    registry.dispose()


def presented(number: str, issuer: str = "TJK") -> PresentedDocument:
    return PresentedDocument(
        "P", issuer, number, "RAKHMONOV", "DZHAMSHED", "TJK", dt.date(1990, 1, 2), "M", None
    )


def test_reads_at_once_equal_the_reads_one_by_one(pg_registry: Registry) -> None:
    records = [
        crossing(m, at=f"2023-0{m}-12T06:35:00+05:00", direction=d, document_number="400000001")
        for m, d in ((1, "exit"), (2, "exit"))
    ]
    raw = [fields_record(i, json.dumps(r), r) for i, r in enumerate(records, 1)]
    ingest_records(pg_registry, raw, ADMIN, "tests", node_authority="TJK")
    report = AlertReport.model_validate({
        "issuing_state": "TJK", "number": "4000-00001", "status": "lost",
        "reporting_authority": "TJK", "reported_on": "2024-01-02",
    })  # fmt: skip
    with pg_registry.unit_of_work() as conn:
        report_alerts(conn, ADMIN, [report])
    doc = presented("400000001")
    with pg_registry.unit_of_work() as conn:
        facts = read_facts(conn, doc)
    with pg_registry.reader() as conn:
        alerts = find_alerts(conn, doc.document_number, doc.issuing_state)
        history = crossings_of_person(conn, doc.person_key, HISTORY)
    assert len(facts.crossings) == 2 and len(facts.alerts) == 1
    assert facts.crossings == [{k: c[k] for k in CHECKED_COLUMNS} for c in history]
    assert facts.alerts == alerts
    assert facts.registered_to == doc.person_key
    assert facts.watchlist_seen == 0
    with pg_registry.unit_of_work() as conn:
        unknown = read_facts(conn, presented("999999999"))
    assert (unknown.alerts, unknown.crossings, unknown.registered_to) == ([], [], None)


def stored(n: int, check_id: str | None = None) -> tuple[StoredCheck, AuditEntry]:
    at = dt.datetime(2024, 6, 1, 12, tzinfo=dt.UTC)
    check_id = check_id or f"00000000-0000-7000-8000-{n:012d}"
    check = StoredCheck(check_id, at, "TJK", "TJK-DYU", "exit", f"TJK:{n:09d}", "officer",
                        "clear", "{}", json.dumps({"check_id": check_id}))  # fmt: skip
    entry = AuditEntry(at, "TJK", "officer", "officer", "border.check", f"person:TJK:{n:09d}",
                       "border check", {"check_id": check_id})  # fmt: skip
    return check, entry


def test_checks_written_from_many_threads_are_each_stored_and_chained(
    pg_registry: Registry,
) -> None:
    writer = CheckWriter(pg_registry.engine)
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def check_many(worker: int) -> None:
        start.wait()
        for i in range(20):
            try:
                writer.write(*stored(worker * 100 + i))
            except BaseException as e:  # reported below
                errors.append(e)

    threads = [threading.Thread(target=check_many, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with pg_registry.reader() as conn:
        ids = set(conn.execute(select(border_checks.c.id)).scalars())
        assert verify_audit(conn).entries == 160
        audited = {e["detail"] for e in list_audit(conn, limit=500)}
    assert len(ids) == 160
    assert {json.loads(d)["check_id"] for d in audited} == ids


def test_a_check_that_cannot_be_stored_fails_alone_and_leaves_no_audit_entry(
    pg_registry: Registry,
) -> None:
    writer = CheckWriter(pg_registry.engine)
    writer.write(*stored(1))  # the chain's head is written with the first entry
    outcomes: dict[int, BaseException | None] = {}
    done = threading.Semaphore(0)
    batch = [stored(n) for n in range(2, 12)]
    batch.insert(5, stored(99, check_id=batch[2][0].check_id))  # the same id twice

    for n, (check, entry) in enumerate(batch):

        def settle(error: BaseException | None, n: int = n) -> None:
            outcomes[n] = error
            done.release()

        writer.submit(check, entry, settle)
    for _ in batch:
        assert done.acquire(timeout=30)
    failed = [n for n, error in outcomes.items() if error is not None]
    assert len(failed) == 1
    assert isinstance(outcomes[failed[0]], StorageError)
    with pg_registry.reader() as conn:
        assert verify_audit(conn).entries == 11
        assert len(list(conn.execute(select(border_checks.c.id)))) == 11


def test_a_check_on_a_connection_the_server_dropped_is_answered_on_a_fresh_one(
    pg_registry: Registry, postgres_url: str
) -> None:
    from sqlalchemy import create_engine, text

    from rmis.border import BorderCheckRequest, run_check
    from rmis.border.facts import check_engine
    from rmis.config import Settings
    from rmis.documents import build_mrz
    from rmis.node import Node

    node = Node(Settings(authority="RUS", database_url=postgres_url, demo=True), pg_registry)
    officer = Principal("RUS", "officer", Role.OFFICER, "border check")
    mrz = build_mrz(
        "TD3", issuing_state="TJK", document_number="401234567", surname="RAKHMONOV",
        given_names="DZHAMSHED", nationality="TJK", birth_date=dt.date(1990, 1, 2), sex="M",
        expiry_date=dt.date(2030, 1, 1),
    )  # fmt: skip
    request = BorderCheckRequest.model_validate(
        {
            "mrz": list(mrz),
            "border_post": "RUS-DME",
            "direction": "entry",
            "at": "2024-04-01T10:00:00+03:00",
            "grounds": "visa-free",
        }  # fmt: skip
    )
    for checks in (1, 2, 3):
        assert run_check(node, officer, request)["verdict"] == "clear"
        engine = check_engine(pg_registry)  # the pooled connections the reads and writes used
        with engine.connect() as first, engine.connect() as second:
            pids = [c.exec_driver_sql("SELECT pg_backend_pid()").scalar() for c in (first, second)]
        admin = create_engine(postgres_url)
        with admin.begin() as conn:
            for pid in pids:
                conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        admin.dispose()
        with pg_registry.reader() as conn:
            assert verify_audit(conn).entries == checks


def test_the_writer_writes_again_on_a_fresh_connection_when_the_server_dropped_its_own(
    pg_registry: Registry, postgres_url: str
) -> None:
    from sqlalchemy import create_engine, text

    from rmis.border.facts import check_engine

    engine = check_engine(pg_registry)
    writer = CheckWriter(engine)
    writer.write(*stored(1))
    writer.write(*stored(2))  # the chain's head is known: the pipelined write
    with engine.connect() as conn:
        pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
    admin = create_engine(postgres_url)
    with admin.begin() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
    admin.dispose()
    writer.write(*stored(3))
    with pg_registry.reader() as conn:
        assert verify_audit(conn).entries == 3
