"""The registry's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

Names are kept as written (any script); derived forms live elsewhere. Migrations in
`migrations/versions` create exactly these tables (a test compares them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# SQLite only gives an auto-incrementing rowid to INTEGER PRIMARY KEY columns.
RowId = BigInteger().with_variant(Integer(), "sqlite")

TRAVELLER_COLUMNS = (
    ("surname", 200),
    ("given_name", 200),
    ("patronymic", 200),
)


def _crossing_columns() -> list[Column[Any]]:
    return [
        Column("authority", String(3), nullable=False),
        Column("event_id", String(64), nullable=False),
        Column("border_post", String(32), nullable=False),
        Column("direction", String(5), nullable=False),
        Column("at", DateTime(timezone=True), nullable=False),
        Column("local_date", Date, nullable=False),
        Column("from_country", String(3), nullable=False),
        Column("to_country", String(3), nullable=False),
        *[Column(name, String(size), nullable=False) for name, size in TRAVELLER_COLUMNS],
        Column("sex", String(1), nullable=False),
        Column("birth_date", String(10), nullable=False),
        Column("nationality", String(3), nullable=False),
        Column("document_type", String(2), nullable=False),
        Column("document_number", String(32), nullable=False),
        Column("document_issuer", String(3), nullable=False),
        Column("document_expiry", Date, nullable=True),
        Column("purpose", String(10), nullable=False),
        Column("grounds", String(24), nullable=False),
        Column("person_key", String(40), nullable=False),
        Column("source", String(300), nullable=False),
    ]


crossings = Table(
    "crossings",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    *_crossing_columns(),
    UniqueConstraint("authority", "event_id", name="uq_crossings_event"),
    Index("ix_crossings_person", "person_key", "at"),
    Index("ix_crossings_flow", "authority", "direction", "local_date"),
    # each person's crossings in order, with what pairing them into trips reads (overstays)
    Index(
        "ix_crossings_trips",
        "authority",
        "person_key",
        "at",
        "id",
        postgresql_include=["direction", "local_date", "nationality", "grounds"],
    ),
)

# Bulk ingest writes a batch here first (COPY on PostgreSQL), then merges it in set-based SQL.
staged_metadata = MetaData()
staged_crossings = Table(
    "staged_crossings", staged_metadata, *_crossing_columns(), prefixes=["TEMPORARY"]
)

CROSSING_COLUMNS: tuple[str, ...] = tuple(c.name for c in staged_crossings.columns)

persons = Table(
    "persons",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("person_key", String(40), nullable=False, unique=True),
    Column("nationality", String(3), nullable=False),
    Column("document_number", String(32), nullable=False),
)

documents = Table(
    "documents",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("issuer", String(3), nullable=False),
    Column("number", String(32), nullable=False),
    Column("document_type", String(2), nullable=False),
    Column("expiry", Date, nullable=True),
    Column("person_key", String(40), nullable=False, index=True),
    UniqueConstraint("issuer", "number", name="uq_documents_number"),
)

# secondary indexes a large load may drop and rebuild (see Registry.deferred_indexes): those of
# crossings, and documents' by person; the unique ones stay, as loading relies on them
DEFERRABLE_INDEXES = tuple(
    i
    for table in (crossings, documents)
    for i in sorted(table.indexes, key=lambda i: str(i.name))
    if not i.unique
)

quarantine = Table(
    "quarantine",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("fingerprint", String(64), nullable=False, unique=True),
    Column("authority", String(3), nullable=False),
    Column("source", String(300), nullable=False),
    Column("line", Integer, nullable=False),
    Column("raw", Text, nullable=False),
    Column("fields", Text, nullable=False),
    Column("problems", Text, nullable=False),
    Column("status", String(10), nullable=False, index=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("resolution", Text, nullable=False, default=""),
)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("role", String(10), nullable=False),
    Column("authority", String(3), nullable=False),
    Column("key_prefix", String(16), nullable=False, unique=True),
    Column("key_hash", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", RowId, primary_key=True, autoincrement=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("authority", String(3), nullable=False),
    Column("user", String(100), nullable=False),
    Column("role", String(10), nullable=False),
    Column("action", String(40), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("purpose", String(200), nullable=False),
    Column("detail", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# One row: the chain's head, so that deleting the newest entries is detected too.
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
)
