"""Liveness and what this node is."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from rmis import __version__
from rmis.api.deps import NodeDep

router = APIRouter(tags=["health"])


@router.get("/v1/health")
def health(node: NodeDep) -> dict[str, Any]:
    """The node's role, authority and registry engine; answers without credentials."""
    with node.registry.reader() as conn:
        conn.exec_driver_sql("SELECT 1")
    return {
        "status": "ok",
        "version": __version__,
        "role": node.settings.role,
        "authority": node.authority,
        "registry": node.registry.dialect,
    }
