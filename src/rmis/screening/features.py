"""What screening compares besides names: birth dates, document numbers and sex.

Each comparison returns a `Evidence`: the weight of evidence it adds (log-odds that the two
records are one person; positive agrees, negative disagrees, 0 says nothing) and a note.
Nationality is not here on purpose: it may corroborate a match in an explanation but never
raises a score (see scoring).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rmis.screening.entry import BirthDate


@dataclass(frozen=True, slots=True)
class Evidence:
    """The log-odds a feature adds and what it saw."""

    weight: float
    note: str


@dataclass(frozen=True, slots=True)
class FeatureWeights:
    """Log-odds of each level of agreement, set on the benchmark's synthetic region."""

    birth_exact: float = 7.0
    birth_swapped: float = 5.0
    birth_year_month: float = 2.0
    birth_year: float = 1.5
    birth_conflict: float = -7.0
    document_equal: float = 8.0
    document_near: float = 1.5  # a typo, or a neighbour in the same dense series
    document_differs: float = -1.0
    sex_equal: float = 0.5
    sex_differs: float = -5.0


NOTHING: Final = Evidence(0.0, "")

# Letters and digits OCR and clerks confuse, folded to one symbol (O/0/Q/D, I/1/L, B/8, S/5,
# Z/2, G/6): a document number read as 4O12B456 still meets 4012 8456.
_OCR_FOLDS: Final = str.maketrans("OQDILBSZG", "000118526", " -/.<")


def fold_document(number: str) -> str:
    """The document number with separators dropped and OCR-confusable characters folded."""
    return number.upper().translate(_OCR_FOLDS)


def compare_birth_dates(query: BirthDate, entry: BirthDate, weights: FeatureWeights) -> Evidence:
    """How two (possibly partial) birth dates agree: exact, day and month swapped, the same
    year and month, the same year, a conflict, or nothing to compare.
    """
    if not query.year or not entry.year:
        return Evidence(0.0, "birth date unknown")
    if query.year != entry.year:
        return Evidence(weights.birth_conflict, "birth years differ")
    if query.month and entry.month and query.day and entry.day:
        return _compare_full(query, entry, weights)
    if query.month and entry.month:
        if query.month == entry.month:
            return Evidence(weights.birth_year_month, "birth year and month agree")
        if _swappable(query, entry):
            return Evidence(weights.birth_year, "birth year agrees (month may be a day)")
        return Evidence(weights.birth_conflict, "birth months differ")
    return Evidence(weights.birth_year, "birth year agrees")


def _compare_full(query: BirthDate, entry: BirthDate, weights: FeatureWeights) -> Evidence:
    if query.month == entry.month and query.day == entry.day:
        return Evidence(weights.birth_exact, "birth date exact")
    if query.month == entry.day and query.day == entry.month:
        return Evidence(weights.birth_swapped, "birth date with day and month swapped")
    return Evidence(weights.birth_conflict, "birth dates differ")


def _swappable(query: BirthDate, entry: BirthDate) -> bool:
    """A partial date's month may be the other's day written first."""
    return (query.day == entry.month) or (entry.day == query.month)


def compare_documents(query: str, entries: tuple[str, ...], weights: FeatureWeights) -> Evidence:
    """Whether the query's document number is one of the entry's, read through OCR
    confusions (equal), off by one character (near), different, or not known.
    """
    if not query or not entries:
        return Evidence(0.0, "document unknown")
    if query in entries:
        return Evidence(weights.document_equal, "document number equal")
    for number in entries:
        if _one_edit(query, number):
            return Evidence(weights.document_near, "document number one character apart")
    return Evidence(weights.document_differs, "document numbers differ")


def _one_edit(left: str, right: str) -> bool:
    """True when one substitution, insertion, deletion or adjacent swap turns left into right."""
    if abs(len(left) - len(right)) > 1 or min(len(left), len(right)) < 6:
        return False
    if len(left) == len(right):
        diffs = [i for i, (a, b) in enumerate(zip(left, right, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return len(diffs) == 2 and _adjacent_swap(left, right, diffs[0], diffs[1])
    short, long = sorted((left, right), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _adjacent_swap(left: str, right: str, first: int, second: int) -> bool:
    return second == first + 1 and left[first] == right[second] and left[second] == right[first]


def compare_sex(query: str, entry: str, weights: FeatureWeights) -> Evidence:
    """Sex agreement; X or empty on either side says nothing."""
    if query not in ("M", "F") or entry not in ("M", "F"):
        return Evidence(0.0, "sex unknown")
    if query == entry:
        return Evidence(weights.sex_equal, "sex agrees")
    return Evidence(weights.sex_differs, "sex differs")
