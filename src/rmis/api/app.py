"""The node's web API: `create_app(settings)`, one router per capability, problem+json errors."""

from __future__ import annotations

import gc
import inspect
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from rmis import __version__
from rmis.api.problems import install_problem_handlers
from rmis.api.routers import ALL_ROUTERS
from rmis.api.routers.border import post_border_check
from rmis.border import NodeWatchlistScreener
from rmis.config import Settings, get_settings
from rmis.node import Node, open_node

DESCRIPTION = """
The national node of the Regional Migration Information System.

Authenticate with `X-API-Key: rmis_...` or `Authorization: Bearer <token>` (from `POST
/v1/tokens`). Person-level reads need `X-Purpose: <why>` and are written to the audit log.
Errors are RFC 9457 `application/problem+json`.
"""


CHECK_PATH = "/v1/border-checks"


class NodeApi(FastAPI):
    """The node's API. `POST /v1/border-checks`, a post's busiest request, goes straight to
    its endpoint, past the routing, dependency and telemetry layers FastAPI runs for every
    request (a good part of the CPU a check costs); its errors are answered by the same
    problem+json handlers. Every other request takes FastAPI's way, and so does the check
    when a request body limit, a root path, a middleware or OpenTelemetry is configured."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] == "POST"
            and _route_path(scope) == CHECK_PATH
            and self.max_body_size is None
            and not self.root_path
            and not self.user_middleware
            and not self._traced()
        ):
            await self._border_check(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def _traced(self) -> bool:
        """Whether FastAPI's OpenTelemetry tracing or metrics are on (then FastAPI's way)."""
        telemetry = getattr(self, "_native_telemetry", None)
        return telemetry is not None and bool(telemetry.enabled())

    async def _border_check(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope["app"] = self
        request = Request(scope, receive)
        try:
            response = await post_border_check(request)
        except Exception as exc:
            handler = _handler(self, exc)
            if handler is None:
                raise
            answer = handler(request, exc)
            response = await answer if inspect.isawaitable(answer) else answer
            await response(scope, receive, send)
            if _handler(self, exc, unexpected=False) is None:
                raise  # as Starlette does: the server logs what was not expected
            return
        await response(scope, receive, send)


def _route_path(scope: Scope) -> str:
    """The path under the app's mount point (the whole path when not mounted)."""
    path, root = str(scope["path"]), str(scope.get("root_path", ""))
    return path[len(root) :] if root and path.startswith(root) else path


def _handler(app: FastAPI, exc: Exception, *, unexpected: bool = True) -> Any:
    """The exception handler Starlette would choose for `exc` (the most specific class);
    the handler of `Exception` only if `unexpected`."""
    for cls in type(exc).__mro__:
        if cls is Exception and not unexpected:
            return None
        if cls in app.exception_handlers:
            return app.exception_handlers[cls]
    return None


def create_app(settings: Settings, node: Node | None = None) -> FastAPI:
    """The API of the node `settings` describe (or of an already opened `node`)."""
    settings.token_secret()  # refuse to start with the built-in key outside demo mode
    node = node or open_node(settings)
    app = NodeApi(
        title=f"RMIS node {node.authority}",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_serving(settings.api_threads),
    )
    app.state.node = node
    # screening runs once the node has watchlist entries; until then the check says so
    app.state.screener = NodeWatchlistScreener(node.registry)
    install_problem_handlers(app)
    for router in ALL_ROUTERS:
        app.include_router(router)
    return app


def node_app() -> FastAPI:
    """The node's API from the `RMIS_*` environment: a factory for running several server
    processes, `uvicorn --factory rmis.api:node_app --workers 2`."""
    return create_app(get_settings())


def _serving(threads: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan that readies a process to serve border posts before its first request.

    It sizes the pool sync endpoints run in (a few threads, not 40, which would only queue
    for the interpreter lock between their database round trips), builds the watchlist index
    (the first traveller would otherwise wait for it), and then freezes what is in memory out
    of the garbage collector's view: a full collection would otherwise walk the index's
    million objects again and again, stopping every check in the process for hundreds of
    milliseconds each time, for objects that live as long as the process.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        screener = getattr(app.state, "screener", None)
        if isinstance(screener, NodeWatchlistScreener):
            await anyio.to_thread.run_sync(screener.warm)
        gc.collect()
        gc.freeze()
        try:
            yield
        finally:
            gc.unfreeze()

    return lifespan


def create_region_app(nodes: dict[str, Node]) -> FastAPI:
    """One server for a whole region: each node's API under `/nodes/{AUTHORITY}`."""
    region = FastAPI(title="RMIS region", version=__version__)

    @region.get("/")
    def index() -> dict[str, Any]:
        return {
            "nodes": {
                code: {"api": f"/nodes/{code}/v1", "docs": f"/nodes/{code}/docs"} for code in nodes
            }
        }

    for code, node in nodes.items():
        region.mount(f"/nodes/{code}", create_app(node.settings, node))
    return region
