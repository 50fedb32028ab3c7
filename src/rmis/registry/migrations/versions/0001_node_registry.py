"""The node registry: crossings, persons, documents, quarantine, users and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

row_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _str(name: str, size: int, nullable: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "crossings",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        _str("authority", 3),
        _str("event_id", 64),
        _str("border_post", 32),
        _str("direction", 5),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("local_date", sa.Date, nullable=False),
        _str("from_country", 3),
        _str("to_country", 3),
        _str("surname", 200),
        _str("given_name", 200),
        _str("patronymic", 200),
        _str("sex", 1),
        _str("birth_date", 10),
        _str("nationality", 3),
        _str("document_type", 2),
        _str("document_number", 32),
        _str("document_issuer", 3),
        sa.Column("document_expiry", sa.Date, nullable=True),
        _str("purpose", 10),
        _str("grounds", 24),
        _str("person_key", 40),
        _str("source", 300),
        sa.UniqueConstraint("authority", "event_id", name="uq_crossings_event"),
    )
    op.create_index("ix_crossings_person", "crossings", ["person_key", "at"])
    op.create_index("ix_crossings_flow", "crossings", ["authority", "direction", "local_date"])
    op.create_table(
        "persons",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        sa.Column("person_key", sa.String(40), nullable=False, unique=True),
        _str("nationality", 3),
        _str("document_number", 32),
    )
    op.create_table(
        "documents",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        _str("issuer", 3),
        _str("number", 32),
        _str("document_type", 2),
        sa.Column("expiry", sa.Date, nullable=True),
        _str("person_key", 40),
        sa.UniqueConstraint("issuer", "number", name="uq_documents_number"),
    )
    op.create_index("ix_documents_person_key", "documents", ["person_key"])
    op.create_table(
        "quarantine",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
        _str("authority", 3),
        _str("source", 300),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("fields", sa.Text, nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        _str("status", 10),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.Text, nullable=False),
    )
    op.create_index("ix_quarantine_status", "quarantine", ["status"])
    op.create_table(
        "users",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        _str("role", 10),
        _str("authority", 3),
        sa.Column("key_prefix", sa.String(16), nullable=False, unique=True),
        _str("key_hash", 64),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", row_id, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        _str("authority", 3),
        _str("user", 100),
        _str("role", 10),
        _str("action", 40),
        _str("subject", 300),
        _str("purpose", 200),
        sa.Column("detail", sa.Text, nullable=False),
        _str("prev_hash", 64),
        _str("hash", 64),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger, nullable=False),
        _str("hash", 64),
    )


def downgrade() -> None:
    for table in ("audit_head", "audit_log", "users", "quarantine", "documents", "persons"):
        op.drop_table(table)
    op.drop_table("crossings")
