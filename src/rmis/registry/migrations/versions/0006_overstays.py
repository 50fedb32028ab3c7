"""Overstays: each person's crossings in order, with the columns pairing them into trips reads.

The overstay list groups all crossings by person in (authority, person_key, at, id) order;
with direction, local date, nationality and grounds carried in the index (PostgreSQL
INCLUDE), PostgreSQL reads the index alone, in order, instead of hashing or sorting every
crossing. SQLite has no INCLUDE and gets the key columns only.

Revision ID: 0006_overstays
Revises: 0002_border
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0006_overstays"
down_revision = "0002_border"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_crossings_trips",
        "crossings",
        ["authority", "person_key", "at", "id"],
        postgresql_include=["direction", "local_date", "nationality", "grounds"],
    )


def downgrade() -> None:
    op.drop_index("ix_crossings_trips", table_name="crossings")
