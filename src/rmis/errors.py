"""The one error base of RMIS and its subclasses.

Each subclass carries the HTTP status it stands for as a class attribute; only the API maps
errors to HTTP (RFC 9457 problem+json) and the CLI prints one line and exits non-zero.
"""

from __future__ import annotations

from typing import Any, ClassVar


class RmisError(Exception):
    """Base of every error RMIS raises on purpose."""

    status: ClassVar[int] = 500
    title: ClassVar[str] = "Internal error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra


class ConfigurationError(RmisError):
    """Settings that cannot work (a default secret outside demo mode, a bad URL)."""

    title = "Configuration error"


class ValidationFailed(RmisError):
    """Input that breaks a contract; `problems` lists every field at fault."""

    status = 422
    title = "Invalid input"

    def __init__(self, detail: str, problems: list[dict[str, str]] | None = None) -> None:
        super().__init__(detail, problems=problems or [])
        self.problems = problems or []


class NotFound(RmisError):
    """The record asked for does not exist (or is not visible to the caller)."""

    status = 404
    title = "Not found"


class Conflict(RmisError):
    """The request collides with what is stored (a name already taken, a settled case)."""

    status = 409
    title = "Conflict"


class NotAuthenticated(RmisError):
    """No credential, or one that is unknown, expired or revoked."""

    status = 401
    title = "Not authenticated"


class AccessDenied(RmisError):
    """The caller's role or agreements do not allow this access."""

    status = 403
    title = "Access denied"


class StorageError(RmisError):
    """A database failure, re-raised with what was being done."""

    title = "Storage error"


class AuditChainBroken(RmisError):
    """The audit log's hash chain does not verify; `seq` names the first bad entry."""

    status = 409
    title = "Audit chain broken"

    def __init__(self, detail: str, seq: int) -> None:
        super().__init__(detail, seq=seq)
        self.seq = seq
