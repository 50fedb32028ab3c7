"""RFC 9457 problem details: the one error shape of the API."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rmis.errors import RmisError

PROBLEM_TYPE = "https://rmis.invalid/problems/"
MEDIA_TYPE = "application/problem+json"
log = logging.getLogger("rmis.api")


def problem(status: int, title: str, detail: str, instance: str, **extra: Any) -> JSONResponse:
    """A problem+json response."""
    slug = title.lower().replace(" ", "-")
    body = {
        "type": PROBLEM_TYPE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE)


async def _rmis_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RmisError)
    extra = {k: v for k, v in exc.extra.items() if v not in (None, [], {})}
    return problem(exc.status, exc.title, exc.detail, request.url.path, **extra)


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = [
        {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()
    ]
    return problem(
        422, "Invalid input", "the request is invalid", request.url.path, problems=problems
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return problem(exc.status_code, str(exc.detail), str(exc.detail), request.url.path)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem(500, "Internal error", "an unexpected error occurred", request.url.path)


def install_problem_handlers(app: FastAPI) -> None:
    """Answer every error, ours or the framework's, as problem+json."""
    app.add_exception_handler(RmisError, _rmis_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
