"""The HTTP API of a node (FastAPI)."""

from rmis.api.app import create_app, create_region_app, node_app

__all__ = ["create_app", "create_region_app", "node_app"]
