"""Bearer tokens: short-lived, signed (HS256) statements of who a user is."""

from __future__ import annotations

import datetime as dt

import jwt

from rmis.errors import NotAuthenticated

ALGORITHM = "HS256"


def issue_token(user: str, secret: str, minutes: int) -> str:
    """A token naming `user`, valid for `minutes`."""
    now = dt.datetime.now(dt.UTC)
    claims = {"sub": user, "iat": now, "exp": now + dt.timedelta(minutes=minutes), "iss": "rmis"}
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def read_token(token: str, secret: str) -> str:
    """The user a valid token names; NotAuthenticated if it is forged or expired."""
    try:
        claims = jwt.decode(token, secret, algorithms=[ALGORITHM], issuer="rmis")
    except jwt.ExpiredSignatureError as e:
        raise NotAuthenticated("the bearer token has expired") from e
    except jwt.InvalidTokenError as e:
        raise NotAuthenticated(f"invalid bearer token: {e}") from e
    return str(claims["sub"])
