"""The border check: lost, stolen and revoked documents, and the checks made at posts.

Revision ID: 0002_border
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0002_border"
down_revision = "0001"
branch_labels = None
depends_on = None


def _str(name: str, size: int) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=False)


def _instant(name: str, nullable: bool = False) -> sa.Column[dt.datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "document_alerts",
        sa.Column("id", sa.String(36), primary_key=True),
        _str("issuing_state", 3),
        _str("document_type", 2),
        _str("number", 32),
        _str("status", 16),
        _str("reporting_authority", 3),
        sa.Column("reported_on", sa.Date, nullable=False),
        _str("source", 40),
        sa.Column("note", sa.Text, nullable=False),
        _instant("created_at"),
        _str("created_by", 100),
        _instant("cleared_at", nullable=True),
        _str("cleared_by", 100),
        sa.Column("clear_reason", sa.Text, nullable=False),
    )
    op.create_index("ix_document_alerts_number", "document_alerts", ["number", "issuing_state"])
    op.create_table(
        "border_checks",
        sa.Column("id", sa.String(36), primary_key=True),
        _instant("at"),
        _str("authority", 3),
        _str("border_post", 32),
        _str("direction", 5),
        _str("person_key", 40),
        _str("officer", 100),
        _str("verdict", 5),
        sa.Column("crossing", sa.Text, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        _str("decision", 8),
        _instant("decided_at", nullable=True),
        _str("decided_by", 100),
        sa.Column("decision_note", sa.Text, nullable=False),
    )
    op.create_index("ix_border_checks_person", "border_checks", ["person_key", "at"])


def downgrade() -> None:
    op.drop_table("border_checks")
    op.drop_table("document_alerts")
