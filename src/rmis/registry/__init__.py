"""The node registry: SQLAlchemy Core tables and repositories on SQLite or PostgreSQL."""

from rmis.registry import border_tables as _border_tables  # noqa: F401
from rmis.registry import linkage_tables as _linkage_tables  # noqa: F401
from rmis.registry import watchlist_tables as _watchlist_tables  # noqa: F401
from rmis.registry.audit import AuditVerification, append_audit, list_audit, verify_audit
from rmis.registry.bulk import CrossingRow, row_builder, write_crossings
from rmis.registry.crossings import count_rows, crossings_of_person, get_crossing, get_person
from rmis.registry.db import Registry, open_registry
from rmis.registry.quarantine import (
    HeldRecord,
    count_quarantined,
    get_quarantined,
    hold_records,
    list_quarantined,
    resolve_quarantined,
    update_held,
)
from rmis.registry.users import User, add_user, authenticate_key, get_user, list_users, revoke_user

__all__ = [
    "AuditVerification",
    "CrossingRow",
    "HeldRecord",
    "Registry",
    "User",
    "add_user",
    "append_audit",
    "authenticate_key",
    "count_quarantined",
    "count_rows",
    "crossings_of_person",
    "get_crossing",
    "get_person",
    "get_quarantined",
    "get_user",
    "hold_records",
    "list_audit",
    "list_quarantined",
    "list_users",
    "open_registry",
    "resolve_quarantined",
    "revoke_user",
    "row_builder",
    "update_held",
    "verify_audit",
    "write_crossings",
]
