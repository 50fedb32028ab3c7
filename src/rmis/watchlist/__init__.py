"""Watchlists of a node: the screening batch contract, stored entries, screening and the
review of hits. The CLI and the API call these services.
"""

from rmis.watchlist.batch import ScreenSummary, count_rows, screen_files
from rmis.watchlist.records import entries_of, parse_person_records, query_of, write_hits
from rmis.watchlist.service import node_index, screen_in
from rmis.watchlist.store import StoredHit

__all__ = [
    "ScreenSummary",
    "StoredHit",
    "count_rows",
    "entries_of",
    "node_index",
    "parse_person_records",
    "query_of",
    "screen_files",
    "screen_in",
    "write_hits",
]
