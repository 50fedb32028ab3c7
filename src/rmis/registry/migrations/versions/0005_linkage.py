"""Identity resolution: linked persons, record membership, links, reviews, models.

Revision ID: 0005_linkage
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0005_linkage"
down_revision = "0001"
branch_labels = None
depends_on = None

row_id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _str(name: str, size: int, primary_key: bool = False) -> sa.Column[str]:
    return sa.Column(name, sa.String(size), nullable=False, primary_key=primary_key)


def _at(name: str) -> sa.Column[dt.datetime]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table("linked_persons", _str("person_id", 36, primary_key=True), _at("created_at"))
    op.create_table(
        "person_records",
        _str("authority", 3, primary_key=True),
        _str("event_id", 64, primary_key=True),
        _str("identity_key", 32),
        _str("person_id", 36),
        _at("linked_at"),
    )
    op.create_index("ix_person_records_person", "person_records", ["person_id"])
    op.create_index("ix_person_records_identity", "person_records", ["identity_key"])
    op.create_table(
        "identity_links",
        _str("left_key", 32, primary_key=True),
        _str("right_key", 32, primary_key=True),
        sa.Column("probability", sa.Float, nullable=False),
        _str("link_class", 6),
        sa.Column("model_version", sa.Integer, nullable=False),
        _at("linked_at"),
    )
    op.create_index("ix_identity_links_class", "identity_links", ["link_class"])
    op.create_index("ix_identity_links_right", "identity_links", ["right_key"])
    op.create_table(
        "link_reviews",
        sa.Column("id", row_id, primary_key=True, autoincrement=True),
        _str("left_key", 32),
        _str("right_key", 32),
        _str("decision", 6),
        sa.Column("reason", sa.Text, nullable=False),
        _str("by", 128),
        _at("at"),
    )
    op.create_index("ix_link_reviews_pair", "link_reviews", ["left_key", "right_key"])
    op.create_table(
        "linkage_models",
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("model", sa.Text, nullable=False),
        _at("trained_at"),
        sa.Column("identities", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "linkage_models", "link_reviews", "identity_links", "person_records", "linked_persons"
    ):  # fmt: skip
        op.drop_table(table)
