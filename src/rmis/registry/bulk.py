"""The bulk write path: a batch of crossings into crossings, persons and documents.

PostgreSQL: the batch goes first into a temporary table by COPY, then three
`INSERT ... SELECT ... ON CONFLICT DO NOTHING` statements merge it into crossings, persons and
documents. SQLite, which runs in this process: `INSERT ... ON CONFLICT DO NOTHING` by
`executemany` straight into the three tables. The conflict rule on `(authority, event_id)` makes
every batch idempotent, so a batch cut off by a crash and written again stores each record once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateTable

from rmis.model import Crossing, person_key
from rmis.registry.tables import (
    CROSSING_COLUMNS,
    crossings,
    documents,
    persons,
    staged_crossings,
)

CrossingRow = tuple[Any, ...]
RowBuilder = Callable[[Crossing, str], CrossingRow]


def _sqlite_instant(at: dt.datetime) -> str:
    # SQLAlchemy's SQLite DateTime reads the leading "YYYY-MM-DD HH:MM:SS[.ffffff]" (UTC)
    return str(at.astimezone(dt.UTC))


def _utc(at: dt.datetime) -> dt.datetime:
    return at.astimezone(dt.UTC)


def _same_day(day: dt.date) -> dt.date:
    return day


def crossing_row(
    c: Crossing,
    source: str,
    instant: Callable[[dt.datetime], Any] = _utc,
    day: Callable[[dt.date], Any] = _same_day,
) -> CrossingRow:
    """A crossing in CROSSING_COLUMNS order, instants and days in the driver's form."""
    f = c.__dict__  # the validated fields; read directly, this runs once per stored record
    at, expiry = f["at"], f["document_expiry"]
    return (
        f["authority"],
        f["event_id"],
        f["border_post"],
        f["direction"],  # StrEnum members are str: drivers take them as they are
        instant(at),
        day(at.date()),
        f["from_country"],
        f["to_country"],
        f["surname"],
        f["given_name"],
        f["patronymic"],
        f["sex"],
        f["birth_date"],
        f["nationality"],
        f["document_type"],
        f["document_number"],
        f["document_issuer"] or "",
        day(expiry) if expiry else None,
        f["purpose"],
        f["grounds"],
        person_key(f["nationality"], f["document_number"]),
        source,
    )


def sqlite_row(c: Crossing, source: str) -> CrossingRow:
    """A crossing as SQLite's DB-API stores it (text instants and days)."""
    return crossing_row(c, source, _sqlite_instant, dt.date.isoformat)


def row_builder(dialect: str) -> RowBuilder:
    """The row form the bulk path of `dialect` writes."""
    return crossing_row if dialect == "postgresql" else sqlite_row


def write_crossings(conn: Connection, rows: Sequence[CrossingRow]) -> int:
    """Store a batch of crossing rows; returns how many were new (the rest were duplicates)."""
    if not rows:
        return 0
    if conn.dialect.name == "sqlite":
        return _write_sqlite(conn, rows)
    conn.execute(CreateTable(staged_crossings, if_not_exists=True))
    _stage(conn, rows)
    stored = _merge(conn)
    conn.execute(staged_crossings.delete())
    return stored


_COLUMN = {name: i for i, name in enumerate(CROSSING_COLUMNS)}
_PERSON = tuple(_COLUMN[n] for n in ("person_key", "nationality", "document_number"))
_DOCUMENT = tuple(
    _COLUMN[n]
    for n in (
        "document_issuer",
        "document_number",
        "document_type",
        "document_expiry",
        "person_key",
    )
)
_SQLITE_CROSSINGS = (
    f"INSERT INTO crossings ({', '.join(CROSSING_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(CROSSING_COLUMNS))}) ON CONFLICT DO NOTHING"
)
_SQLITE_PERSONS = (
    "INSERT INTO persons (person_key, nationality, document_number) VALUES (?, ?, ?) "
    "ON CONFLICT DO NOTHING"
)
_SQLITE_DOCUMENTS = (
    "INSERT INTO documents (issuer, number, document_type, expiry, person_key) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"
)


def _write_sqlite(conn: Connection, rows: Sequence[CrossingRow]) -> int:
    """SQLite runs in this process: rows go straight into their tables, no staging needed.

    Each person and document goes in once per batch (the first row of it wins, as the first
    stored wins across batches); the conflict rules keep every statement idempotent.
    """
    raw = conn.connection.driver_connection
    assert raw is not None
    pk, nationality, number = _PERSON
    issuer, _number, kind, expiry, _pk = _DOCUMENT
    # reversed: of several rows with one key, the first is written last and so kept
    persons = {r[pk]: (r[pk], r[nationality], r[number]) for r in reversed(rows)}
    documents = {
        (r[issuer], r[number]): (r[issuer], r[number], r[kind], r[expiry], r[pk])
        for r in reversed(rows)
    }
    cursor = raw.cursor()
    try:
        cursor.executemany(_SQLITE_CROSSINGS, rows)
        stored = cursor.rowcount
        cursor.executemany(_SQLITE_PERSONS, persons.values())
        cursor.executemany(_SQLITE_DOCUMENTS, documents.values())
    finally:
        cursor.close()
    return int(stored)


def _stage(conn: Connection, rows: Sequence[CrossingRow]) -> None:
    raw = conn.connection.driver_connection
    assert raw is not None
    columns = ", ".join(CROSSING_COLUMNS)
    if conn.dialect.name == "postgresql":
        with raw.cursor() as cur, cur.copy(f"COPY staged_crossings ({columns}) FROM STDIN") as cp:
            for row in rows:
                cp.write_row(row)
        return
    marks = ", ".join("?" * len(CROSSING_COLUMNS))
    cursor = raw.cursor()
    cursor.executemany(f"INSERT INTO staged_crossings ({columns}) VALUES ({marks})", rows)
    cursor.close()


def _insert(conn: Connection, table: Any) -> Any:
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return insert(table)


def _merge(conn: Connection) -> int:
    staged = staged_crossings.c
    # `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint
    into_crossings = (
        _insert(conn, crossings)
        .from_select(CROSSING_COLUMNS, select(*[staged[n] for n in CROSSING_COLUMNS]).where(true()))
        .on_conflict_do_nothing()
        .execution_options(preserve_rowcount=True)
    )
    stored = int(conn.execute(into_crossings).rowcount)
    person_rows = (
        select(staged.person_key, staged.nationality, staged.document_number)
        .where(true())
        .distinct()
    )
    conn.execute(
        _insert(conn, persons)
        .from_select(["person_key", "nationality", "document_number"], person_rows)
        .on_conflict_do_nothing()
    )
    # any one row per document will do: the first stored wins on conflict, and DISTINCT is
    # far cheaper than grouping with aggregates
    document_rows = (
        select(
            staged.document_issuer,
            staged.document_number,
            staged.document_type,
            staged.document_expiry,
            staged.person_key,
        )
        .where(true())
        .distinct()
    )
    conn.execute(
        _insert(conn, documents)
        .from_select(["issuer", "number", "document_type", "expiry", "person_key"], document_rows)
        .on_conflict_do_nothing()
    )
    return stored
