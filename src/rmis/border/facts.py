"""What a border check reads from the registry and what it writes back, in few round trips.

On PostgreSQL the reads (whether an alert stands, the traveller's crossings, the document's
registered holder, how far the watchlist has changed) are one statement outside a
transaction: one round trip and one result, not five. Elsewhere the same reads run one by
one through SQLAlchemy.
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
from psycopg.rows import namedtuple_row
from sqlalchemy import Connection, Dialect, Engine, bindparam, create_engine, event, select
from sqlalchemy.sql import ClauseElement

from rmis.border.alerts import DocumentAlert, alert_of, document_number_key, find_alerts
from rmis.border.signals import PresentedDocument
from rmis.errors import StorageError
from rmis.model import AuditEntry
from rmis.registry import Registry, append_audit, crossings_of_person
from rmis.registry.border_tables import border_checks, document_alerts
from rmis.registry.tables import documents

HISTORY = 200
"""Crossings of the traveller read for a check: enough for every window the rules use."""


@dataclass(frozen=True, slots=True)
class RegistryFacts:
    """What the registry knows of the presented document, read when the check begins.

    `crossings` are the traveller's, newest first, as `rmis.registry.crossings_of_person`
    gives them (on PostgreSQL with only the `CHECKED_COLUMNS`, the ones a check uses).
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
        return _read_at_once(conn, doc)
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


FACTS_SQL = """
SELECT one.registered, one.seen, one.alerted,
  c.at, c.border_post, c.direction, c.local_date, c.grounds, c.birth_date, c.sex
FROM (
  SELECT (SELECT person_key FROM documents WHERE issuer = %(issuer)s AND number = %(number)s
          LIMIT 1) AS registered,
    (SELECT max(id) FROM watchlist_versions) AS seen,
    EXISTS (SELECT 1 FROM document_alerts WHERE number = %(key)s
            AND issuing_state = %(issuer)s AND cleared_at IS NULL) AS alerted
) AS one
LEFT JOIN LATERAL (
  SELECT at, border_post, direction, local_date, grounds, birth_date, sex FROM crossings
  WHERE person_key = %(person_key)s ORDER BY at DESC LIMIT %(history)s
) AS c ON true
ORDER BY c.at DESC
"""
"""The facts of a check in one statement, one row per crossing read (at least one row): the
document's registered holder, the newest watchlist history id, whether an alert stands, and
the columns of the traveller's crossings the check uses."""

CHECKED_COLUMNS = ("at", "border_post", "direction", "local_date", "grounds", "birth_date", "sex")


def _read_at_once(conn: Connection, doc: PresentedDocument) -> RegistryFacts:
    """One statement in one round trip, outside a transaction (the reads need none: a check
    writes in another); PostgreSQL prepares it on each connection after a few checks."""
    issuer, number = doc.issuing_state, doc.document_number
    key = document_number_key(number)
    params = {"issuer": issuer, "number": number, "key": key, "person_key": doc.person_key,
              "history": HISTORY}  # fmt: skip
    driver = _driver(conn)
    try:
        with autocommitted(driver):
            rows = driver.execute(FACTS_SQL, params).fetchall()
            alerts = _alerts(conn, driver, key, issuer) if rows[0][2] else []
    except psycopg.OperationalError as e:
        if driver.broken:
            conn.invalidate(e)
            conn.engine.dispose()  # its other pooled connections are likely broken too
            raise ConnectionLost(str(e)) from e
        raise StorageError(f"reading the registry for a border check failed: {e}") from e
    except psycopg.Error as e:
        raise StorageError(f"reading the registry for a border check failed: {e}") from e
    registered, seen = rows[0][0], rows[0][1]
    history = [_crossing_of(row) for row in rows if row[3] is not None]
    return RegistryFacts(alerts, history, registered, int(seen or 0))


def _alerts(
    conn: Connection, driver: psycopg.Connection[Any], key: str, issuer: str
) -> list[DocumentAlert]:
    """The standing alerts on a document (read only when the facts say there are some)."""
    statement = _alerts_statement(conn.dialect)
    cursor = driver.cursor(row_factory=namedtuple_row)
    rows = cursor.execute(statement.sql, statement.bound(number=key, issuer=issuer))
    return [alert_of(row) for row in rows]


@cache
def _alerts_statement(dialect: Dialect) -> Compiled:
    alerts = (
        select(document_alerts)
        .where(
            document_alerts.c.number == bindparam("number"),
            document_alerts.c.issuing_state == bindparam("issuer"),
            document_alerts.c.cleared_at.is_(None),
        )
        .order_by(document_alerts.c.reported_on.desc())
    )
    return _compiled(alerts, dialect)


def _crossing_of(row: tuple[Any, ...]) -> dict[str, Any]:
    """A crossing with the columns a check uses, as `rmis.registry.crossings_of_person` gives
    them (times and days as ISO 8601 text)."""
    crossing = dict(zip(CHECKED_COLUMNS, row[3:], strict=True))
    at = crossing["at"]
    crossing["at"] = (at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at).isoformat()
    crossing["local_date"] = crossing["local_date"].isoformat()
    return crossing


@contextmanager
def autocommitted(driver: psycopg.Connection[Any]) -> Iterator[None]:
    """Statements run each in its own transaction, with no BEGIN or COMMIT sent, unless a
    transaction is open already (then they run in it)."""
    if driver.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        yield
        return
    driver.autocommit = True
    try:
        yield
    finally:
        driver.autocommit = False


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


def write_check(conn: Connection, check: StoredCheck, entry: AuditEntry) -> None:
    """Store `check` with its audit `entry` in the caller's transaction, one by one.

    On PostgreSQL the border check hands both to `rmis.border.writer` instead, which writes
    many checks per commit.
    """
    conn.execute(border_checks.insert().values(check.values()))
    append_audit(conn, entry)
