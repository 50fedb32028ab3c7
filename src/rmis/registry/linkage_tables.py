"""Tables of identity resolution: linked persons, which crossing belongs to whom, the links
between identities with their class, reviews of links, and the saved linkage models.

Defined on the registry's one `metadata`; migration `0005_linkage` creates exactly these.
A record is a crossing (`authority/event_id`); an identity is the records written identically
(`rmis.linkage.identity_key`); links join identities, persons gather them.
"""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Float, Index, Integer, String, Table, Text

from rmis.registry.tables import RowId, metadata

# A person found by linkage; the id is a UUIDv7, kept while the person keeps records.
linked_persons = Table(
    "linked_persons",
    metadata,
    Column("person_id", String(36), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Each linked crossing's identity and person.
person_records = Table(
    "person_records",
    metadata,
    Column("authority", String(3), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("identity_key", String(32), nullable=False),
    Column("person_id", String(36), nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
    Index("ix_person_records_person", "person_id"),
    Index("ix_person_records_identity", "identity_key"),
)

# A scored pair of identities (left < right) and its class: white, yellow, red or green.
identity_links = Table(
    "identity_links",
    metadata,
    Column("left_key", String(32), primary_key=True),
    Column("right_key", String(32), primary_key=True),
    Column("probability", Float, nullable=False),
    Column("link_class", String(6), nullable=False),
    Column("model_version", Integer, nullable=False),
    Column("linked_at", DateTime(timezone=True), nullable=False),
    Index("ix_identity_links_class", "link_class"),
    Index("ix_identity_links_right", "right_key"),
)

# A person's decision on a link: `green` (different people) or `white` (one person). The
# newest review of a pair decides, in this run and every later one.
link_reviews = Table(
    "link_reviews",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("left_key", String(32), nullable=False),
    Column("right_key", String(32), nullable=False),
    Column("decision", String(6), nullable=False),
    Column("reason", Text, nullable=False),
    Column("by", String(128), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_link_reviews_pair", "left_key", "right_key"),
)

# Trained models (Splink's JSON), newest version in use.
linkage_models = Table(
    "linkage_models",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("model", Text, nullable=False),
    Column("trained_at", DateTime(timezone=True), nullable=False),
    Column("identities", Integer, nullable=False),
)
