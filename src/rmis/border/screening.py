"""Watchlist screening as the border check sees it: a port that screening plugs into.

Until a node has a screener and watchlist entries, the check answers that screening was not
run, never a silent pass.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Connection

from rmis.border.signals import PresentedDocument
from rmis.model import Principal

NOT_RUN = {"status": "not_run", "reason": "no watchlist screening configured on this node"}


class WatchlistScreener(Protocol):
    """Screens one traveller against the node's watchlists, in the check's transaction.

    Answers `{"status": "not_run" | "clear" | "possible" | "hit", "reasons": [...],
    "hits": [...]}`; `possible` (review hits only) and `hit` (an alert) refer the traveller
    to a person. `watchlist_seen`, the newest watchlist history id when the check has read
    it, lets the screener skip asking again.
    """

    def screen(
        self,
        conn: Connection,
        principal: Principal,
        traveller: PresentedDocument,
        watchlist_seen: int | None = None,
    ) -> dict[str, Any]: ...


def screen_traveller(
    screener: WatchlistScreener | None,
    conn: Connection,
    principal: Principal,
    traveller: PresentedDocument,
    watchlist_seen: int | None = None,
) -> dict[str, Any]:
    """The screening section of a check: the screener's answer, or plainly not run.

    `watchlist_seen` is the newest watchlist history id if the check read it already.
    """
    if screener is None:
        return dict(NOT_RUN)
    return screener.screen(conn, principal, traveller, watchlist_seen)
