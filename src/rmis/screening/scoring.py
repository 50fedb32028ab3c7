"""Scoring a query against one watchlist entry: names, birth date, documents and sex.

The evidence of each feature is a log-odds weight (Fellegi-Sunter style); their sum with a
prior becomes a score in 0..1 through the logistic function. Nationality never adds weight:
a shared nationality is common to every namesake of a nation, and weighing it would turn a
nation's names into suspicion. It is only reported in the explanation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from rmis.names import NameCompareConfig, PersonName, compare_names, name_keys
from rmis.screening.entry import BirthDate, Decision, ScreeningQuery, WatchlistEntry
from rmis.screening.features import (
    Evidence,
    FeatureWeights,
    compare_birth_dates,
    compare_documents,
    compare_sex,
    fold_document,
)


@dataclass(frozen=True, slots=True)
class ScreeningConfig:
    """Weights and thresholds of screening; defaults set on bench/screening.py's region."""

    prior: float = -4.0
    name_scale: float = 16.0  # a name score of 1 adds scale * (1 - pivot)
    name_pivot: float = 0.75  # a name score at the pivot says nothing; below it, against
    name_floor: float = -8.0  # a new name with the same document and birth date still alerts
    alert_threshold: float = 0.9
    review_threshold: float = 0.5
    max_hits: int = 10
    features: FeatureWeights = field(default_factory=FeatureWeights)
    names: NameCompareConfig = field(default_factory=NameCompareConfig)

    @property
    def name_ceiling(self) -> float:
        return self.name_scale * (1 - self.name_pivot)

    @property
    def review_logit(self) -> float:
        return _logit(self.review_threshold)


@dataclass(frozen=True, slots=True)
class PreparedEntry:
    """An entry with the forms scoring compares computed once."""

    entry: WatchlistEntry
    birth: BirthDate
    documents: tuple[str, ...]

    @classmethod
    def of(cls, entry: WatchlistEntry) -> PreparedEntry:
        documents = tuple(fold_document(d) for d in entry.documents if d.strip())
        return cls(entry, BirthDate.parse(entry.birth_date), documents)


@dataclass(frozen=True, slots=True)
class PreparedQuery:
    """A query with the forms scoring compares computed once."""

    query: ScreeningQuery
    birth: BirthDate
    document: str

    @classmethod
    def of(cls, query: ScreeningQuery) -> PreparedQuery:
        document = fold_document(query.document_number) if query.document_number.strip() else ""
        return cls(query, BirthDate.parse(query.birth_date), document)


@dataclass(frozen=True, slots=True)
class CandidateScore:
    """The score of one candidate entry (0..1), its decision if any, and what agreed."""

    score: float
    decision: Decision | None
    explanation: tuple[str, ...]


def blocking_keys(names: tuple[PersonName, ...]) -> frozenset[str]:
    """The name keys under which an entry is filed (or a query looks), over all its names."""
    keys: set[str] = set()
    for name in names:
        keys |= name_keys(name.surname, name.given_name, name.patronymic)
    return frozenset(keys)


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def identity_evidence(
    query: PreparedQuery, candidate: PreparedEntry, config: ScreeningConfig
) -> tuple[Evidence, ...]:
    """The evidence beyond names: birth date, document number, sex."""
    weights = config.features
    return (
        compare_birth_dates(query.birth, candidate.birth, weights),
        compare_documents(query.document, candidate.documents, weights),
        compare_sex(query.query.sex, candidate.entry.sex, weights),
    )


def name_evidence(
    query: PreparedQuery, candidate: PreparedEntry, config: ScreeningConfig
) -> Evidence:
    """The best agreement of the query's name with the entry's name or any alias."""
    best, alias = -1.0, 0
    notes: tuple[str, ...] = ()
    for number, name in enumerate(candidate.entry.names):
        comparison = compare_names(query.query.name, name, config.names)
        if comparison.score > best:
            best, notes, alias = comparison.score, comparison.explanation, number
            if best >= 1.0:
                break
    where = "name" if alias == 0 else f"alias {alias}"
    weight = max(config.name_floor, config.name_scale * (best - config.name_pivot))
    return Evidence(weight, f"{where} {best:.2f}: " + ", ".join(n for n in notes if n))


def nationality_note(query: ScreeningQuery, entry: WatchlistEntry) -> str:
    """What nationality says, for the reader only: it never changes the score."""
    if not query.nationality or not entry.nationality:
        return "nationality unknown (not scored)"
    agrees = query.nationality == entry.nationality
    return f"nationality {'agrees' if agrees else 'differs'} (not scored)"


def score_candidate(
    query: PreparedQuery, candidate: PreparedEntry, config: ScreeningConfig
) -> CandidateScore | None:
    """The probability-like score that the query is the listed person, or None when even a
    perfect name could not lift the other evidence to a review.
    """
    identity = identity_evidence(query, candidate, config)
    rest = config.prior + sum(e.weight for e in identity)
    if rest + config.name_ceiling < config.review_logit:
        return None
    name = name_evidence(query, candidate, config)
    score = 1 / (1 + math.exp(-(rest + name.weight)))
    notes = (name.note, *(e.note for e in identity), nationality_note(query.query, candidate.entry))
    return CandidateScore(round(score, 4), decide(score, config), notes)


def decide(score: float, config: ScreeningConfig) -> Decision | None:
    """Alert above the alert threshold, review above the review threshold, else nothing."""
    if score >= config.alert_threshold:
        return Decision.ALERT
    if score >= config.review_threshold:
        return Decision.REVIEW
    return None
