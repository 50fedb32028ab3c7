"""Request dependencies: the node, and the authenticated principal with their purpose."""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Annotated

from fastapi import Depends, Header, Request
from starlette.concurrency import run_in_threadpool

from rmis.access import read_token
from rmis.errors import NotAuthenticated
from rmis.model import Principal
from rmis.node import Node
from rmis.registry import User, authenticate_key, get_user

KEY_CACHE_SECONDS = 5.0
"""How long a verified caller is trusted without reading the users table again: a key
revoked by another process stops working within this time (at once in the revoking one)."""


class CallerCache:
    """Verified callers (by digest of their API key, or by user name for tokens) for a few
    seconds, so a busy post's requests do not each read the users table."""

    def __init__(self, seconds: float = KEY_CACHE_SECONDS) -> None:
        self.seconds = seconds
        self._users: dict[str, tuple[float, User]] = {}
        self._lock = threading.Lock()

    def get(self, credential: str) -> User | None:
        found = self._users.get(credential)
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def put(self, credential: str, user: User) -> None:
        with self._lock:
            if len(self._users) > 10_000:
                self._users.clear()
            self._users[credential] = (time.monotonic() + self.seconds, user)

    def clear(self) -> None:
        with self._lock:
            self._users.clear()


async def get_node(request: Request) -> Node:
    node: Node = request.app.state.node
    return node


NodeDep = Annotated[Node, Depends(get_node)]


async def get_caller_cache(request: Request) -> CallerCache:
    cache: CallerCache | None = getattr(request.app.state, "callers", None)
    if cache is None:
        cache = request.app.state.callers = CallerCache()
    return cache


CallerCacheDep = Annotated[CallerCache, Depends(get_caller_cache)]


async def get_principal(
    node: NodeDep,
    callers: CallerCacheDep,
    x_api_key: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
    x_purpose: Annotated[str, Header(description="Why the caller needs the data")] = "",
) -> Principal:
    """The caller, from an `X-API-Key` or an `Authorization: Bearer` token.

    A caller verified in the last few seconds is taken from the cache on the event loop;
    otherwise the users table is read in a worker thread.
    """
    return await caller_of(node, callers, x_api_key, authorization, x_purpose)


async def request_principal(request: Request) -> Principal:
    """`get_principal` for an endpoint that reads its request itself."""
    headers = request.headers
    return await caller_of(
        await get_node(request),
        await get_caller_cache(request),
        headers.get("x-api-key"),
        headers.get("authorization"),
        headers.get("x-purpose", ""),
    )


async def caller_of(
    node: Node,
    callers: CallerCache,
    x_api_key: str | None,
    authorization: str | None,
    x_purpose: str,
) -> Principal:
    if x_api_key:
        credential = "key:" + hashlib.sha256(x_api_key.encode()).hexdigest()
    elif authorization and authorization.lower().startswith("bearer "):
        name = read_token(authorization[7:].strip(), node.settings.token_secret())
        credential = "user:" + name
    else:
        raise NotAuthenticated("send an X-API-Key header or an Authorization: Bearer token")
    user = callers.get(credential)
    if user is None:
        user = await run_in_threadpool(_verified, node, x_api_key, credential)
        callers.put(credential, user)
    return Principal(user.authority, user.name, user.role, x_purpose.strip())


def _verified(node: Node, key: str | None, credential: str) -> User:
    with node.registry.reader() as conn:
        if key:
            return authenticate_key(conn, key)
        name = credential.removeprefix("user:")
        user = get_user(conn, name)
    if user.revoked_at is not None:
        raise NotAuthenticated(f"user {name!r} was revoked")
    return user


PrincipalDep = Annotated[Principal, Depends(get_principal)]
