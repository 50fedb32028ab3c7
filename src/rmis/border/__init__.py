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
from rmis.border.facts import StoredCheck
from rmis.border.overstays import find_overstays, list_overstays, overstays_query
from rmis.border.screening import NOT_RUN, WatchlistScreener
from rmis.border.service import (
    PreparedCheck,
    check_with_text,
    confirm_check,
    get_check,
    prepare_check,
    run_check,
)
from rmis.border.signals import PresentedDocument
from rmis.border.stays import stay_json
from rmis.border.trips import Passage, RecordedStays, passage_of, recorded_stays
from rmis.border.watchlist import NodeWatchlistScreener
from rmis.border.writer import CheckWriter, check_writer

__all__ = [
    "NOT_RUN",
    "AlertReport",
    "AlertStatus",
    "CheckWriter",
    "BorderCheckRequest",
    "DocumentAlert",
    "NodeWatchlistScreener",
    "Passage",
    "PreparedCheck",
    "PresentedDocument",
    "RecordedStays",
    "StoredCheck",
    "TypedDocument",
    "WatchlistScreener",
    "check_with_text",
    "check_writer",
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
    "prepare_check",
    "recorded_stays",
    "report_alerts",
    "run_check",
    "stay_json",
]
