"""Tables of watchlists and screening: entries with their versions, hits and their reviews.

Defined on the registry's one `metadata`; migration `0003_watchlists` creates exactly these.
Names are kept as written (a JSON list of [surname, given name, patronymic]).
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, String, Table, Text

from rmis.registry.tables import RowId, metadata

# The current state of each entry; a removed entry stays, marked, with its history.
watchlist_entries = Table(
    "watchlist_entries",
    metadata,
    Column("entry_id", String(64), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("names", Text, nullable=False),
    Column("birth_date", String(10), nullable=False),
    Column("sex", String(1), nullable=False),
    Column("nationality", String(3), nullable=False),
    Column("documents", Text, nullable=False),
    Column("list_name", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("listed_by", String(64), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(128), nullable=False),
    Column("removed_at", DateTime(timezone=True), nullable=True),
)

# Every version of every entry, as it was written and by whom: the entry's history.
watchlist_versions = Table(
    "watchlist_versions",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("entry_id", String(64), nullable=False),
    Column("version", Integer, nullable=False),
    Column("change", String(8), nullable=False),
    Column("content", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(128), nullable=False),
    Index("ix_watchlist_versions_entry", "entry_id", "version", unique=True),
)

# A hit: a screened person who may be a listed person, with the evidence, until reviewed.
screening_hits = Table(
    "screening_hits",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("query_id", String(128), nullable=False),
    Column("person_fingerprint", String(64), nullable=False),
    Column("person", Text, nullable=False),
    Column("entry_id", String(64), nullable=False),
    Column("entry_version", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("decision", String(6), nullable=False),
    Column("explanation", Text, nullable=False),
    Column("status", String(10), nullable=False),
    Column("screened_at", DateTime(timezone=True), nullable=False),
    Column("screened_by", String(128), nullable=False),
    Index("ix_screening_hits_status", "status", "screened_at"),
    Index("ix_screening_hits_pair", "person_fingerprint", "entry_id"),
)

# A liaison's decision on a hit. A dismissal holds for the same person data and entry version.
hit_reviews = Table(
    "hit_reviews",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("hit_id", String(36), nullable=False),
    Column("outcome", String(10), nullable=False),
    Column("reason", Text, nullable=False),
    Column("person_fingerprint", String(64), nullable=False),
    Column("entry_id", String(64), nullable=False),
    Column("entry_version", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by", String(128), nullable=False),
    Index("ix_hit_reviews_pair", "person_fingerprint", "entry_id", "entry_version"),
)
