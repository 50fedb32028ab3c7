"""Users, API keys, bearer tokens and the audit log's verification."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from rmis.access import authorize, issue_token, record_access
from rmis.api.deps import CallerCacheDep, NodeDep, PrincipalDep
from rmis.model import Permission, Role
from rmis.registry import User, add_user, list_users, revoke_user, verify_audit

router = APIRouter(tags=["users"])


class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    role: Role
    authority: str = Field(pattern="^[A-Z]{3}$")


def user_dict(user: User) -> dict[str, Any]:
    return {
        "name": user.name,
        "role": user.role.value,
        "authority": user.authority,
        "key_prefix": user.key_prefix,
        "created_at": user.created_at.isoformat(),
        "revoked_at": user.revoked_at.isoformat() if user.revoked_at else None,
    }


@router.post("/v1/users", status_code=201)
def create_user(new: NewUser, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Create a user; the answer carries their API key, shown this once only."""
    authorize(principal, Permission.USERS_MANAGE)
    with node.registry.unit_of_work() as conn:
        user, key = add_user(conn, new.name, new.role, new.authority)
        record_access(conn, principal, "user.add", f"user:{new.name}", {"role": new.role.value})
    return user_dict(user) | {"api_key": key}


@router.get("/v1/users")
def users(node: NodeDep, principal: PrincipalDep) -> list[dict[str, Any]]:
    authorize(principal, Permission.USERS_MANAGE)
    with node.registry.reader() as conn:
        return [user_dict(u) for u in list_users(conn)]


@router.delete("/v1/users/{name}")
def revoke(
    name: str, node: NodeDep, principal: PrincipalDep, callers: CallerCacheDep
) -> dict[str, Any]:
    """Revoke a user's key and tokens; their audit history stays."""
    authorize(principal, Permission.USERS_MANAGE)
    with node.registry.unit_of_work() as conn:
        user = revoke_user(conn, name)
        record_access(conn, principal, "user.revoke", f"user:{name}")
    callers.clear()
    return user_dict(user)


@router.post("/v1/tokens")
def token(node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """A bearer token for the caller (authenticated by API key)."""
    minutes = node.settings.token_minutes
    value = issue_token(principal.user, node.settings.token_secret(), minutes)
    return {"access_token": value, "token_type": "bearer", "expires_in": minutes * 60}


@router.get("/v1/audit/verify")
def audit_verify(node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Check the audit log's hash chain; 409 naming the first bad entry if broken."""
    authorize(principal, Permission.AUDIT_VERIFY)
    with node.registry.reader() as conn:
        result = verify_audit(conn)
    return {"valid": True, "entries": result.entries, "head": result.head_hash}
