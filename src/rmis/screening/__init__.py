"""Watchlist screening: entries, an incrementally updated index, and explained scoring that
combines name agreement across scripts with birth date, documents and sex.

Pure computation: no I/O, no framework. Nationality is reported, never scored.
"""

from rmis.screening.entry import BirthDate, Decision, Hit, ScreeningQuery, WatchlistEntry
from rmis.screening.features import (
    Evidence,
    FeatureWeights,
    compare_birth_dates,
    compare_documents,
    compare_sex,
    fold_document,
)
from rmis.screening.index import WatchlistIndex
from rmis.screening.scoring import (
    CandidateScore,
    PreparedEntry,
    PreparedQuery,
    ScreeningConfig,
    score_candidate,
)

__all__ = [
    "BirthDate",
    "CandidateScore",
    "Decision",
    "Evidence",
    "FeatureWeights",
    "Hit",
    "PreparedEntry",
    "PreparedQuery",
    "ScreeningConfig",
    "ScreeningQuery",
    "WatchlistEntry",
    "WatchlistIndex",
    "compare_birth_dates",
    "compare_documents",
    "compare_sex",
    "fold_document",
    "score_candidate",
]
