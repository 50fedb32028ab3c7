"""Watchlist screening as the border check sees it: a port that screening plugs into.

Until a node configures a screener, the check answers that screening was not run, never a
silent pass.
"""

from __future__ import annotations

from typing import Any, Protocol

from rmis.border.signals import PresentedDocument

NOT_RUN = {"status": "not_run", "reason": "no watchlist screening configured on this node"}


class WatchlistScreener(Protocol):
    """Screens one traveller against the node's watchlists.

    Answers `{"status": "clear" | "possible" | "hit", "reasons": [...], "matches": [...]}`;
    anything but `clear` refers the traveller to a person.
    """

    def screen(self, traveller: PresentedDocument) -> dict[str, Any]: ...


def screen_traveller(
    screener: WatchlistScreener | None, traveller: PresentedDocument
) -> dict[str, Any]:
    """The screening section of a check: the screener's answer, or plainly not run."""
    if screener is None:
        return dict(NOT_RUN)
    return screener.screen(traveller)
