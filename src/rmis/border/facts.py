"""What a border check reads from the registry and what it writes back, in few round trips.

On PostgreSQL the reads (alerts, the traveller's crossings, the document's registered holder,
how far the watchlist has changed) and their commit go out in one pipeline: one round trip,
not five. Elsewhere the same statements run one by one through SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

import psycopg
from psycopg.rows import dict_row, namedtuple_row
from sqlalchemy import Connection, Dialect, Engine, bindparam, create_engine, event, func, select
from sqlalchemy.sql import ClauseElement

from rmis.border.alerts import DocumentAlert, alert_of, document_number_key, find_alerts
from rmis.border.signals import PresentedDocument
from rmis.errors import StorageError
from rmis.model import AuditEntry
from rmis.registry import Registry, append_audit, crossings_of_person
from rmis.registry.border_tables import border_checks, document_alerts
from rmis.registry.tables import crossings, documents
from rmis.registry.watchlist_tables import watchlist_versions

HISTORY = 200
"""Crossings of the traveller read for a check: enough for every window the rules use."""


@dataclass(frozen=True, slots=True)
class RegistryFacts:
    """What the registry knows of the presented document, read in the check's transaction.

    `watchlist_seen` is the newest watchlist history id when it was read with the facts
    (None when not), so the screening index catches up without asking again.
    """

    alerts: list[DocumentAlert]
    crossings: list[dict[str, Any]]
    registered_to: str | None
    watchlist_seen: int | None = None


class ConnectionLost(StorageError):
    """The pooled connection was found broken (the server restarted or dropped it); the
    check or write is tried once more on a fresh connection before this reaches a caller."""


_CHECK_ENGINES: weakref.WeakKeyDictionary[Registry, Engine] = weakref.WeakKeyDictionary()
_CHECK_ENGINES_LOCK = threading.Lock()


def check_engine(registry: Registry) -> Engine:
    """A pool on the registry's PostgreSQL database for the checks' reads and writes.

    The registry's own pool pings every connection it hands out, a round trip of its own;
    this one does not, and a check that finds its connection broken (`ConnectionLost`)
    is answered on a fresh one. It is disposed with the registry's engine.
    """
    with _CHECK_ENGINES_LOCK:
        engine = _CHECK_ENGINES.get(registry)
        if engine is None:
            engine = create_engine(registry.engine.url)
            _CHECK_ENGINES[registry] = engine
            event.listen(registry.engine, "engine_disposed", lambda _: engine.dispose())
            weakref.finalize(registry, engine.dispose)
        return engine


@contextmanager
def check_connection(registry: Registry) -> Iterator[Connection]:
    """A connection in one transaction for a check (committed on success)."""
    if registry.dialect != "postgresql":
        with registry.unit_of_work() as conn:
            yield conn
        return
    with check_engine(registry).begin() as conn:
        yield conn


def read_facts(conn: Connection, doc: PresentedDocument) -> RegistryFacts:
    """The facts of `doc`: in one round trip on PostgreSQL, statement by statement elsewhere."""
    if conn.dialect.name == "postgresql" and doc.issuing_state:
        return _read_pipelined(conn, doc)
    registered = conn.execute(
        select(documents.c.person_key).where(
            documents.c.issuer == doc.issuing_state, documents.c.number == doc.document_number
        )
    ).scalar()
    return RegistryFacts(
        find_alerts(conn, doc.document_number, doc.issuing_state),
        crossings_of_person(conn, doc.person_key, HISTORY),
        registered,
    )


@dataclass(frozen=True, slots=True)
class Compiled:
    """A statement compiled once: its SQL text and the parameters it carries."""

    sql: str
    params: dict[str, Any]

    def bound(self, **values: Any) -> dict[str, Any]:
        return {**self.params, **values}


def _compiled(statement: ClauseElement, dialect: Dialect) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    return Compiled(str(compiled), dict(compiled.params))


@cache
def _read_statements(dialect: Dialect) -> tuple[Compiled, Compiled, Compiled, Compiled]:
    alerts = (
        select(document_alerts)
        .where(
            document_alerts.c.number == bindparam("number"),
            document_alerts.c.issuing_state == bindparam("issuer"),
            document_alerts.c.cleared_at.is_(None),
        )
        .order_by(document_alerts.c.reported_on.desc())
    )
    history = (
        select(crossings)
        .where(crossings.c.person_key == bindparam("person_key"))
        .order_by(crossings.c.at.desc())
        .limit(HISTORY)
    )
    holder = select(documents.c.person_key).where(
        documents.c.issuer == bindparam("issuer"), documents.c.number == bindparam("number")
    )
    newest = select(func.max(watchlist_versions.c.id))
    return tuple(_compiled(s, dialect) for s in (alerts, history, holder, newest))  # type: ignore[return-value]


def _read_pipelined(conn: Connection, doc: PresentedDocument) -> RegistryFacts:
    alerts_sql, history_sql, holder_sql, newest_sql = _read_statements(conn.dialect)
    issuer, number = doc.issuing_state, doc.document_number
    driver = _driver(conn)
    try:
        with driver.pipeline():
            alerts = driver.cursor(row_factory=namedtuple_row)
            key = document_number_key(number)
            alerts.execute(alerts_sql.sql, alerts_sql.bound(number=key, issuer=issuer))
            history = driver.cursor(row_factory=dict_row)
            history.execute(history_sql.sql, history_sql.bound(person_key=doc.person_key))
            holder = driver.cursor()
            holder.execute(holder_sql.sql, holder_sql.bound(issuer=issuer, number=number))
            newest = driver.cursor()
            newest.execute(newest_sql.sql, newest_sql.params)
            # the reads need no transaction open after them: a check writes in another
            driver.commit()
            alert_rows, history_rows = alerts.fetchall(), history.fetchall()
            registered, seen = holder.fetchone(), newest.fetchone()
    except psycopg.OperationalError as e:
        if driver.broken:
            conn.invalidate(e)
            conn.engine.dispose()  # its other pooled connections are likely broken too
            raise ConnectionLost(str(e)) from e
        raise StorageError(f"reading the registry for a border check failed: {e}") from e
    except psycopg.Error as e:
        raise StorageError(f"reading the registry for a border check failed: {e}") from e
    return RegistryFacts(
        [alert_of(row) for row in alert_rows],
        [_crossing_dict(row) for row in history_rows],
        registered[0] if registered else None,
        int(seen[0] or 0) if seen else 0,
    )


def _crossing_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A crossing as `rmis.registry.crossings_of_person` gives it."""
    row.pop("id", None)
    at = row["at"]
    row["at"] = (at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at).isoformat()
    row["local_date"] = row["local_date"].isoformat()
    expiry = row["document_expiry"]
    row["document_expiry"] = expiry.isoformat() if expiry else ""
    return row


def _driver(conn: Connection) -> psycopg.Connection[Any]:
    driver = conn.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    return driver


@dataclass(frozen=True, slots=True)
class StoredCheck:
    """The row of a check as stored (answer and crossing already as JSON text)."""

    check_id: str
    at: dt.datetime
    authority: str
    border_post: str
    direction: str
    person_key: str
    officer: str
    verdict: str
    crossing: str
    answer: str

    def values(self) -> dict[str, Any]:
        return {
            "id": self.check_id, "at": self.at, "authority": self.authority,
            "border_post": self.border_post, "direction": self.direction,
            "person_key": self.person_key, "officer": self.officer, "verdict": self.verdict,
            "crossing": self.crossing, "answer": self.answer, "decision": "",
            "decided_at": None, "decided_by": "", "decision_note": "",
        }  # fmt: skip


@cache
def insert_check_statement(dialect: Dialect) -> Compiled:
    """The insert of a stored check as SQL text for `dialect`, with `StoredCheck.values()`."""
    columns: dict[str, Any] = {c.name: bindparam(c.name) for c in border_checks.columns}
    return _compiled(border_checks.insert().values(columns), dialect)


def write_check(conn: Connection, check: StoredCheck, entry: AuditEntry) -> None:
    """Store `check` with its audit `entry` in the caller's transaction, one by one.

    On PostgreSQL the border check hands both to `rmis.border.writer` instead, which writes
    many checks per commit.
    """
    conn.execute(border_checks.insert().values(check.values()))
    append_audit(conn, entry)
