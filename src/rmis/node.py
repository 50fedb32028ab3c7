"""A running node: its settings and its registry, the context every service call needs."""

from __future__ import annotations

from dataclasses import dataclass

from rmis.config import Settings
from rmis.registry import Registry, open_registry


@dataclass(frozen=True, slots=True)
class Node:
    """One authority's node: whose records it keeps and where they are."""

    settings: Settings
    registry: Registry

    @property
    def authority(self) -> str:
        return self.settings.authority


def open_node(settings: Settings) -> Node:
    """The node the settings describe, its registry migrated to the newest schema."""
    return Node(settings, open_registry(settings.registry_url))
