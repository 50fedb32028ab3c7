"""Tables of the border check: reported lost, stolen and revoked documents, and checks made.

Defined on the registry's one `metadata`; migration `0002_border` creates exactly these.
"""

from __future__ import annotations

from sqlalchemy import Column, Date, DateTime, Index, String, Table, Text

from rmis.registry.tables import metadata

# After INTERPOL's Stolen and Lost Travel Documents records: number, issuing state, type,
# status, reporting authority and date. A cleared alert stays, with who cleared it and why.
document_alerts = Table(
    "document_alerts",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("issuing_state", String(3), nullable=False),
    Column("document_type", String(2), nullable=False),
    Column("number", String(32), nullable=False),
    Column("status", String(16), nullable=False),
    Column("reporting_authority", String(3), nullable=False),
    Column("reported_on", Date, nullable=False),
    Column("source", String(40), nullable=False),
    Column("note", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(100), nullable=False),
    Column("cleared_at", DateTime(timezone=True), nullable=True),
    Column("cleared_by", String(100), nullable=False),
    Column("clear_reason", Text, nullable=False),
    Index("ix_document_alerts_number", "number", "issuing_state"),
)

# Each check answered at a post, kept until a person confirms the decision on it.
border_checks = Table(
    "border_checks",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("authority", String(3), nullable=False),
    Column("border_post", String(32), nullable=False),
    Column("direction", String(5), nullable=False),
    Column("person_key", String(40), nullable=False),
    Column("officer", String(100), nullable=False),
    Column("verdict", String(5), nullable=False),
    Column("crossing", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("decision", String(8), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("decided_by", String(100), nullable=False),
    Column("decision_note", Text, nullable=False),
    Index("ix_border_checks_person", "person_key", "at"),
)
