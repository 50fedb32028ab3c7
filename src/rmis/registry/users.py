"""Users of a node and their API keys (only a SHA-256 of each key is stored)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

import uuid6
from sqlalchemy import Connection, select
from sqlalchemy.exc import IntegrityError

from rmis.errors import Conflict, NotAuthenticated, NotFound
from rmis.model import Role
from rmis.registry.tables import users

KEY_PREFIX = "rmis"


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str
    role: Role
    authority: str
    key_prefix: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def hash_key(key: str) -> str:
    """The stored form of an API key (keys are random, so a fast hash is enough)."""
    return hashlib.sha256(key.encode()).hexdigest()


def new_api_key() -> tuple[str, str]:
    """A fresh key `rmis_<prefix>_<secret>` and its look-up prefix."""
    prefix = secrets.token_hex(6)
    return f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}", prefix


def add_user(conn: Connection, name: str, role: Role, authority: str) -> tuple[User, str]:
    """Create a user; returns it with its API key, which is shown this once only."""
    key, prefix = new_api_key()
    now = dt.datetime.now(dt.UTC)
    user_id = str(uuid6.uuid7())
    try:
        with conn.begin_nested():
            conn.execute(
                users.insert().values(
                    id=user_id,
                    name=name,
                    role=role.value,
                    authority=authority,
                    key_prefix=prefix,
                    key_hash=hash_key(key),
                    created_at=now,
                )
            )
    except IntegrityError as e:
        raise Conflict(f"a user named {name!r} already exists") from e
    return User(user_id, name, role, authority, prefix, now, None), key


def _user_of(row: object) -> User:
    m = row._mapping  # type: ignore[attr-defined]
    return User(
        m["id"],
        m["name"],
        Role(m["role"]),
        m["authority"],
        m["key_prefix"],
        m["created_at"],
        m["revoked_at"],
    )


def list_users(conn: Connection) -> list[User]:
    return [_user_of(r) for r in conn.execute(select(users).order_by(users.c.name))]


def get_user(conn: Connection, name: str) -> User:
    row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None:
        raise NotFound(f"no user named {name!r}")
    return _user_of(row)


def revoke_user(conn: Connection, name: str) -> User:
    """Revoke a user's key from now on; their audit history stays."""
    user = get_user(conn, name)
    if user.revoked_at is None:
        conn.execute(
            users.update().where(users.c.name == name).values(revoked_at=dt.datetime.now(dt.UTC))
        )
    return get_user(conn, name)


def authenticate_key(conn: Connection, key: str) -> User:
    """The live user whose key this is; NotAuthenticated otherwise."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        raise NotAuthenticated("malformed API key (expected rmis_<prefix>_<secret>)")
    row = conn.execute(select(users).where(users.c.key_prefix == parts[1])).first()
    if row is None or not hmac.compare_digest(row.key_hash, hash_key(key)):
        raise NotAuthenticated("unknown API key")
    user = _user_of(row)
    if user.revoked_at is not None:
        raise NotAuthenticated(f"the API key of {user.name!r} was revoked")
    return user
