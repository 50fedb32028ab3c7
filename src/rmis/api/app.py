"""The node's web API: `create_app(settings)`, one router per capability, problem+json errors."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import anyio
from fastapi import FastAPI

from rmis import __version__
from rmis.api.problems import install_problem_handlers
from rmis.api.routers import ALL_ROUTERS
from rmis.border import NodeWatchlistScreener
from rmis.config import Settings, get_settings
from rmis.node import Node, open_node

DESCRIPTION = """
The national node of the Regional Migration Information System.

Authenticate with `X-API-Key: rmis_...` or `Authorization: Bearer <token>` (from `POST
/v1/tokens`). Person-level reads need `X-Purpose: <why>` and are written to the audit log.
Errors are RFC 9457 `application/problem+json`.
"""


def create_app(settings: Settings, node: Node | None = None) -> FastAPI:
    """The API of the node `settings` describe (or of an already opened `node`)."""
    settings.token_secret()  # refuse to start with the built-in key outside demo mode
    node = node or open_node(settings)
    app = FastAPI(
        title=f"RMIS node {node.authority}",
        version=__version__,
        description=DESCRIPTION,
        lifespan=_worker_threads(settings.api_threads),
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


def _worker_threads(threads: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan that sizes the pool sync endpoints run in: a few threads, not 40, which
    would only queue for the interpreter lock between their database round trips."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield

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
