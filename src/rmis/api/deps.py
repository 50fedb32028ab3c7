"""Request dependencies: the node, and the authenticated principal with their purpose."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from rmis.access import read_token
from rmis.errors import NotAuthenticated
from rmis.model import Principal
from rmis.node import Node
from rmis.registry import authenticate_key, get_user


def get_node(request: Request) -> Node:
    node: Node = request.app.state.node
    return node


NodeDep = Annotated[Node, Depends(get_node)]


def get_principal(
    node: NodeDep,
    x_api_key: Annotated[str | None, Header()] = None,
    authorization: Annotated[str | None, Header()] = None,
    x_purpose: Annotated[str, Header(description="Why the caller needs the data")] = "",
) -> Principal:
    """The caller, from an `X-API-Key` or an `Authorization: Bearer` token."""
    with node.registry.reader() as conn:
        if x_api_key:
            user = authenticate_key(conn, x_api_key)
        elif authorization and authorization.lower().startswith("bearer "):
            name = read_token(authorization[7:].strip(), node.settings.token_secret())
            user = get_user(conn, name)
            if user.revoked_at is not None:
                raise NotAuthenticated(f"user {name!r} was revoked")
        else:
            raise NotAuthenticated("send an X-API-Key header or an Authorization: Bearer token")
    return Principal(user.authority, user.name, user.role, x_purpose.strip())


PrincipalDep = Annotated[Principal, Depends(get_principal)]
