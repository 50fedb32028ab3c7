"""Watchlists and screening: entries, their versions, hits and hit reviews.

Revision ID: 0003_watchlists
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0003_watchlists"
down_revision = "0001"
branch_labels = None
depends_on = None

row_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _str(name: str, size: int) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=False)


def _at(name: str, nullable: bool = False) -> sa.Column[dt.datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _text(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.Text, nullable=False)


def upgrade() -> None:
    op.create_table(
        "watchlist_entries",
        sa.Column("entry_id", sa.String(64), primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        _text("names"),
        _str("birth_date", 10),
        _str("sex", 1),
        _str("nationality", 3),
        _text("documents"),
        _str("list_name", 64),
        _text("reason"),
        _str("listed_by", 64),
        _at("updated_at"),
        _str("updated_by", 128),
        _at("removed_at", nullable=True),
    )
    op.create_table(
        "watchlist_versions",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        _str("entry_id", 64),
        sa.Column("version", sa.Integer, nullable=False),
        _str("change", 8),
        _text("content"),
        _at("at"),
        _str("by", 128),
    )
    op.create_index(
        "ix_watchlist_versions_entry", "watchlist_versions", ["entry_id", "version"], unique=True
    )
    op.create_table(
        "screening_hits",
        sa.Column("id", sa.String(36), primary_key=True),
        _str("query_id", 128),
        _str("person_fingerprint", 64),
        _text("person"),
        _str("entry_id", 64),
        sa.Column("entry_version", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        _str("decision", 6),
        _text("explanation"),
        _str("status", 10),
        _at("screened_at"),
        _str("screened_by", 128),
    )
    op.create_index("ix_screening_hits_status", "screening_hits", ["status", "screened_at"])
    op.create_index("ix_screening_hits_pair", "screening_hits", ["person_fingerprint", "entry_id"])
    op.create_table(
        "hit_reviews",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        _str("hit_id", 36),
        _str("outcome", 10),
        _text("reason"),
        _str("person_fingerprint", 64),
        _str("entry_id", 64),
        sa.Column("entry_version", sa.Integer, nullable=False),
        _at("at"),
        _str("by", 128),
    )
    op.create_index(
        "ix_hit_reviews_pair", "hit_reviews", ["person_fingerprint", "entry_id", "entry_version"]
    )


def downgrade() -> None:
    for table in ("hit_reviews", "screening_hits", "watchlist_versions", "watchlist_entries"):
        op.drop_table(table)
