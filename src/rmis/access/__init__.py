"""Access control and audit of person-level reads and writes."""

from rmis.access.policy import access_entry, authorize, authorize_person_access, record_access
from rmis.access.tokens import issue_token, read_token

__all__ = [
    "access_entry",
    "authorize",
    "authorize_person_access",
    "issue_token",
    "read_token",
    "record_access",
]
