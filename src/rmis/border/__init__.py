"""The border check: documents, lost and stolen papers, screening and stay rules at a post."""

from rmis.border.alerts import (
    AlertReport,
    AlertStatus,
    DocumentAlert,
    clear_alert,
    find_alerts,
    get_alert,
    list_alerts,
    report_alerts,
)
from rmis.border.check import BorderCheckRequest, TypedDocument
from rmis.border.overstays import find_overstays, list_overstays, overstays_query
from rmis.border.screening import NOT_RUN, WatchlistScreener
from rmis.border.service import check_with_text, confirm_check, get_check, run_check
from rmis.border.signals import PresentedDocument
from rmis.border.stays import stay_json
from rmis.border.trips import Passage, RecordedStays, passage_of, recorded_stays
from rmis.border.watchlist import NodeWatchlistScreener

__all__ = [
    "NOT_RUN",
    "AlertReport",
    "AlertStatus",
    "BorderCheckRequest",
    "DocumentAlert",
    "NodeWatchlistScreener",
    "Passage",
    "PresentedDocument",
    "RecordedStays",
    "TypedDocument",
    "WatchlistScreener",
    "check_with_text",
    "clear_alert",
    "confirm_check",
    "find_alerts",
    "find_overstays",
    "get_alert",
    "get_check",
    "list_alerts",
    "list_overstays",
    "overstays_query",
    "passage_of",
    "recorded_stays",
    "report_alerts",
    "run_check",
    "stay_json",
]
