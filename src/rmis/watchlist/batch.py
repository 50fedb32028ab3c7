"""The batch contract of `rmis screen`: a watchlist CSV and a queries CSV in, hits CSV out.

Works on files alone; no registry is needed.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rmis.errors import ValidationFailed
from rmis.screening import Decision, ScreeningConfig, WatchlistIndex
from rmis.watchlist.records import (
    HIT_COLUMNS,
    RejectedRow,
    entries_of,
    hit_row,
    query_of,
    read_person_records,
)


@dataclass(slots=True)
class ScreenSummary:
    """What a batch screening did: counts, decisions, rejected rows and time taken."""

    entries: int = 0
    queries: int = 0
    alerts: int = 0
    reviews: int = 0
    queries_with_hits: int = 0
    index_seconds: float = 0.0
    screen_seconds: float = 0.0
    rejected: list[tuple[str, RejectedRow]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "entries": self.entries,
            "queries": self.queries,
            "alerts": self.alerts,
            "reviews": self.reviews,
            "queries_with_hits": self.queries_with_hits,
            "rejected": [
                {"file": name, "line": row.line, "problems": row.problems}
                for name, row in self.rejected
            ],
            "index_seconds": round(self.index_seconds, 3),
            "screen_seconds": round(self.screen_seconds, 3),
        }


def index_watchlist_file(
    path: Path, summary: ScreenSummary, config: ScreeningConfig | None = None
) -> WatchlistIndex:
    """An index of the watchlist file's entries (rows sharing a record_id are aliases)."""
    _check_readable(path)
    start = time.perf_counter()
    rejected: list[RejectedRow] = []
    index = WatchlistIndex.build(entries_of(read_person_records(path, rejected)), config)
    summary.rejected += [(path.name, row) for row in rejected]
    summary.entries = len(index)
    summary.index_seconds = time.perf_counter() - start
    return index


def screen_files(
    watchlist: Path,
    queries: Path,
    out: Path,
    config: ScreeningConfig | None = None,
    on_query: Callable[[int], None] | None = None,
) -> ScreenSummary:
    """Screen every person record of `queries` against `watchlist`; write one row per alert
    or review hit to `out` (`query_id, entry_id, score, decision`).
    """
    summary = ScreenSummary()
    index = index_watchlist_file(watchlist, summary, config)
    _check_readable(queries)
    rejected: list[RejectedRow] = []
    start = time.perf_counter()
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=HIT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for record in read_person_records(queries, rejected):
            hits = index.screen(query_of(record))
            _count(summary, hits)
            writer.writerows(hit_row(hit) for hit in hits)
            if on_query is not None:
                on_query(1)
    summary.screen_seconds = time.perf_counter() - start
    summary.rejected += [(queries.name, row) for row in rejected]
    return summary


def _count(summary: ScreenSummary, hits: list[Any]) -> None:
    summary.queries += 1
    summary.queries_with_hits += bool(hits)
    for hit in hits:
        if hit.decision is Decision.ALERT:
            summary.alerts += 1
        else:
            summary.reviews += 1


def _check_readable(path: Path) -> None:
    if not path.is_file():
        raise ValidationFailed(f"cannot read {path}: no such file")


def count_rows(path: Path) -> int:
    """Data rows of a CSV file (lines after the header), for a progress bar's total."""
    _check_readable(path)
    with path.open("rb") as f:
        return max(0, sum(1 for _ in f) - 1)
