"""Who may read and write what: roles first, then whose records they are.

A node keeps its own authority's records. Reading another authority's person records needs a
sharing agreement (none exists until exchange agreements are configured), so it is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection

from rmis.errors import AccessDenied
from rmis.model import AuditEntry, Permission, Principal
from rmis.registry import append_audit


def authorize(principal: Principal, permission: Permission, owner: str | None = None) -> None:
    """Raise AccessDenied unless the principal's role and authority allow this access."""
    if not principal.can(permission):
        raise AccessDenied(
            f"role {principal.role.value!r} does not allow {permission.value} "
            f"(user {principal.user!r} of {principal.authority})"
        )
    if owner is not None and owner != principal.authority:
        raise AccessDenied(
            f"{principal.authority} may not read {owner}'s person records: "
            "no sharing agreement allows it"
        )


def authorize_person_access(principal: Principal, owner: str) -> None:
    """Person-level reads need the permission, the owner's consent and a stated purpose."""
    authorize(principal, Permission.PERSONS_READ, owner)
    if not principal.purpose.strip():
        raise AccessDenied("state the purpose of this person-level access (X-Purpose header)")


def record_access(
    conn: Connection,
    principal: Principal,
    action: str,
    subject: str,
    detail: dict[str, Any] | None = None,
) -> int:
    """Write who accessed which subject, how and why, to the audit log."""
    return append_audit(conn, access_entry(principal, action, subject, detail))


def access_entry(
    principal: Principal, action: str, subject: str, detail: dict[str, Any] | None = None
) -> AuditEntry:
    """The audit entry of an access made now, for a caller that writes it itself."""
    return AuditEntry(
        at=dt.datetime.now(dt.UTC),
        authority=principal.authority,
        user=principal.user,
        role=principal.role.value,
        action=action,
        subject=subject,
        purpose=principal.purpose,
        detail=detail or {},
    )
