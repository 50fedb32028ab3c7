"""The bulk write path: a batch of crossings into crossings, persons and documents.

Each person and document goes in once per batch. SQLite, which runs in this process: three
`INSERT ... ON CONFLICT DO NOTHING` by `executemany`, straight into the tables, many rows to a
statement. PostgreSQL: the batch goes into a temporary table by COPY, then three
`INSERT ... SELECT ... ON CONFLICT DO NOTHING` merge it into crossings, persons and documents.
The unique `(authority, event_id)` makes every batch idempotent, so a batch cut off by a crash
and written again stores each record once.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from itertools import chain
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.schema import CreateTable

from rmis.model import Crossing, person_key
from rmis.registry.tables import CROSSING_COLUMNS, staged_crossings

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
    raw = conn.connection.driver_connection
    assert raw is not None
    if conn.dialect.name == "sqlite":
        persons, documents = _persons_and_documents(rows)
        cursor = raw.cursor()
        try:
            stored = _insert_sqlite(cursor, _SQLITE_CROSSINGS, rows)
            _insert_sqlite(cursor, _SQLITE_PERSONS, persons)
            _insert_sqlite(cursor, _SQLITE_DOCUMENTS, documents)
        finally:
            cursor.close()
        return stored
    return _merge_staged(conn, raw, rows)


# rows per INSERT statement on SQLite: each execution of a statement opens a cursor on the table
# and on each of its indexes, which costs about as much as binding a row's values, so a batch
# is written many rows to a statement (within SQLite's limit on bound values)
SQLITE_ROWS_PER_STATEMENT = 64


def _insert_sqlite(cursor: Any, insert: tuple[str, int], rows: Sequence[tuple[Any, ...]]) -> int:
    """`INSERT ... VALUES (..), (..), ... ON CONFLICT DO NOTHING` of `rows` in order, many to
    a statement; returns how many were inserted."""
    head, width = insert
    limit = cursor.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    per = max(1, min(SQLITE_ROWS_PER_STATEMENT, limit // width))
    whole = len(rows) - len(rows) % per
    one = f"({', '.join('?' * width)})"
    stored = 0
    if whole:
        many = [tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)]
        cursor.executemany(f"{head} {', '.join([one] * per)} ON CONFLICT DO NOTHING", many)
        stored += int(cursor.rowcount)
    if whole < len(rows):
        cursor.executemany(f"{head} {one} ON CONFLICT DO NOTHING", rows[whole:])
        stored += int(cursor.rowcount)
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
# (the statement up to VALUES, the values a row binds)
_SQLITE_CROSSINGS = (
    f"INSERT INTO crossings ({', '.join(CROSSING_COLUMNS)}) VALUES",
    len(CROSSING_COLUMNS),
)
_SQLITE_PERSONS = ("INSERT INTO persons (person_key, nationality, document_number) VALUES", 3)
_SQLITE_DOCUMENTS = (
    "INSERT INTO documents (issuer, number, document_type, expiry, person_key) VALUES",
    5,
)
_POSTGRES_CROSSINGS = (
    f"INSERT INTO crossings ({', '.join(CROSSING_COLUMNS)}) "
    f"SELECT {', '.join(CROSSING_COLUMNS)} FROM staged_crossings ON CONFLICT DO NOTHING"
)
_POSTGRES_PERSONS = (
    "INSERT INTO persons (person_key, nationality, document_number) "
    "SELECT DISTINCT person_key, nationality, document_number FROM staged_crossings "
    "ON CONFLICT DO NOTHING"
)
# any one row per document will do: the first stored wins on conflict, and DISTINCT is far
# cheaper than grouping with aggregates
_POSTGRES_DOCUMENTS = (
    "INSERT INTO documents (issuer, number, document_type, expiry, person_key) "
    "SELECT DISTINCT document_issuer, document_number, document_type, document_expiry, "
    "person_key FROM staged_crossings ON CONFLICT DO NOTHING"
)


def _persons_and_documents(
    rows: Sequence[CrossingRow],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Each person and each document of the batch once: the first row of it, as the first
    stored wins across batches."""
    pk, nationality, number = _PERSON
    issuer, _number, kind, expiry, _pk = _DOCUMENT
    # reversed: of several rows with one key, the first is written last and so kept
    first_of_person = {r[pk]: r for r in reversed(rows)}
    first_of_document = {(r[issuer], r[number]): r for r in reversed(rows)}
    persons = [(r[pk], r[nationality], r[number]) for r in first_of_person.values()]
    documents = [
        (r[issuer], r[number], r[kind], _day_text(r[expiry]), r[pk])
        for r in first_of_document.values()
    ]
    return persons, documents


def _day_text(day: Any) -> Any:
    return day.isoformat() if isinstance(day, dt.date) else day


def _copy(raw: Any, table: str, rows: Sequence[CrossingRow]) -> None:
    columns = ", ".join(CROSSING_COLUMNS)
    with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as cp:
        for row in rows:
            cp.write_row(row)


def _merge_staged(conn: Connection, raw: Any, rows: Sequence[CrossingRow]) -> int:
    """COPY the batch into a temporary table, then merge it into the three tables."""
    conn.execute(CreateTable(staged_crossings, if_not_exists=True))
    _copy(raw, "staged_crossings", rows)
    stored = int(raw.execute(_POSTGRES_CROSSINGS).rowcount)
    raw.execute(_POSTGRES_PERSONS)
    raw.execute(_POSTGRES_DOCUMENTS)
    # TRUNCATE, not DELETE: deleted rows would stay in the table for every later batch to scan
    raw.execute("TRUNCATE staged_crossings")
    return stored
