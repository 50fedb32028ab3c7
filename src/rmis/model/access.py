"""Who may do what: roles, the principal behind every request, audit entries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Role(StrEnum):
    OFFICER = "officer"
    ANALYST = "analyst"
    LIAISON = "liaison"
    ADMIN = "admin"


class Permission(StrEnum):
    CROSSINGS_WRITE = "crossings:write"
    PERSONS_READ = "persons:read"
    QUARANTINE_MANAGE = "quarantine:manage"
    STATS_READ = "stats:read"
    USERS_MANAGE = "users:manage"
    AUDIT_VERIFY = "audit:verify"
    BORDER_CHECK = "border:check"
    DOCUMENT_ALERTS_READ = "document-alerts:read"
    DOCUMENT_ALERTS_MANAGE = "document-alerts:manage"
    WATCHLIST_MANAGE = "watchlist:manage"
    SCREEN = "screening:run"
    HITS_REVIEW = "hits:review"
    LINKS_REVIEW = "links:review"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # a border officer records crossings, checks travellers and reads those of their own state
    Role.OFFICER: frozenset(
        {
            Permission.CROSSINGS_WRITE,
            Permission.PERSONS_READ,
            Permission.BORDER_CHECK,
            Permission.DOCUMENT_ALERTS_READ,
            Permission.SCREEN,
            Permission.LINKS_REVIEW,
        }
    ),
    # analysts see aggregates only: never a person-level record
    Role.ANALYST: frozenset({Permission.STATS_READ}),
    # counter-terrorism liaisons review persons (watchlist hits) and read statistics
    # and keep the lost, stolen and revoked documents registry and the watchlists
    Role.LIAISON: frozenset(
        {
            Permission.PERSONS_READ,
            Permission.STATS_READ,
            Permission.DOCUMENT_ALERTS_READ,
            Permission.DOCUMENT_ALERTS_MANAGE,
            Permission.WATCHLIST_MANAGE,
            Permission.SCREEN,
            Permission.HITS_REVIEW,
            Permission.LINKS_REVIEW,
        }
    ),
    # administrators run the node: users, quarantine repair, audit verification, ingest,
    # and loading lost and stolen document lists and watchlists (never reviewing hits)
    Role.ADMIN: frozenset(
        {
            Permission.WATCHLIST_MANAGE,
            Permission.CROSSINGS_WRITE,
            Permission.QUARANTINE_MANAGE,
            Permission.USERS_MANAGE,
            Permission.AUDIT_VERIFY,
            Permission.STATS_READ,
            Permission.DOCUMENT_ALERTS_READ,
            Permission.DOCUMENT_ALERTS_MANAGE,
        }
    ),
}


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller behind a request: authority, user and role, and why they ask."""

    authority: str
    user: str
    role: Role
    purpose: str = ""

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    def with_purpose(self, purpose: str) -> Principal:
        return Principal(self.authority, self.user, self.role, purpose)


SYSTEM_PRINCIPAL_USER = "system"


def system_principal(authority: str, purpose: str) -> Principal:
    """The node itself acting from the command line of its operator."""
    return Principal(authority, SYSTEM_PRINCIPAL_USER, Role.ADMIN, purpose)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of the append-only audit log: who did what to which subject, when and why."""

    at: dt.datetime
    authority: str
    user: str
    role: str
    action: str
    subject: str
    purpose: str
    detail: dict[str, Any] = field(default_factory=dict)
