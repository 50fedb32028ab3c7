"""Link classes after the EU Multiple Identity Detector, and the rules that assign them.

`white`: the same person, records differing only by lawful variants (scripts,
transliterations, a renewed passport). `yellow`: a possible match a person must decide; so is
any likely match of two records whose documents are neighbours in one series and whose given
names differ (twins and siblings get consecutive passports), however sure the model is.
`red`: one identity used by different people, or one person under conflicting identities
(one document number with two birth dates or two sexes); such a link still makes one person
when the model is sure of it, and waits for review either way. `green`: reviewed and found to be
different people. A reviewer's decision outranks the model's in every later run.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class LinkClass(StrEnum):
    WHITE = "white"
    YELLOW = "yellow"
    RED = "red"
    GREEN = "green"


class ReviewDecision(StrEnum):
    """What a reviewer decided about a link."""

    SAME = "same"  # one person: the link becomes white and is merged
    DIFFERENT = "different"  # different people: green, never merged again
    CONFLICT = "conflict"  # one identity, different people (or the reverse): red


REVIEWED_CLASS: Final = {
    ReviewDecision.SAME: LinkClass.WHITE,
    ReviewDecision.DIFFERENT: LinkClass.GREEN,
    ReviewDecision.CONFLICT: LinkClass.RED,
}

# Splink's levels of the comparisons the rules read: the top levels are the agreeing ones.
DOCUMENT_EQUAL_LEVEL: Final = 3  # equal as written or through OCR confusions
DOCUMENT_NEIGHBOUR_LEVEL: Final = 2  # one series, numbers differing in the last character
GIVEN_DIFFERS_BELOW: Final = 2  # given names only loosely alike (Jaro-Winkler under 0.92) or not
CONFLICT_LEVEL: Final = 0  # the comparison's ELSE: both known, and they disagree


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Match probabilities at which a pair becomes a white link, and a yellow one."""

    white: float = 0.95
    yellow: float = 0.5


DEFAULT_THRESHOLDS: Final = Thresholds()


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """What the model said of a pair: its probability and the comparison levels reached."""

    probability: float
    document_level: int
    birth_level: int
    sex_level: int
    given_level: int = -1  # unknown unless told

    @property
    def conflicting_identity(self) -> bool:
        """One document number, but two birth dates or two sexes."""
        shares_document = self.document_level >= DOCUMENT_EQUAL_LEVEL
        conflict = CONFLICT_LEVEL in (self.birth_level, self.sex_level)
        return shares_document and conflict

    @property
    def siblings(self) -> bool:
        """Consecutive documents of one series under different given names: twins or
        siblings, whose other fields agree as one person's would (a mistyped last digit
        of one person's number keeps the given name).
        """
        neighbours = self.document_level == DOCUMENT_NEIGHBOUR_LEVEL
        return neighbours and 0 <= self.given_level < GIVEN_DIFFERS_BELOW


def classify_link(
    evidence: PairEvidence,
    review: ReviewDecision | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> LinkClass | None:
    """The pair's class: a review decides; then a conflict is red; then the probability
    decides white or yellow, siblings' records never more than yellow. None for a pair too
    unlikely to be a link at all.
    """
    if review is not None:
        return REVIEWED_CLASS[review]
    if evidence.conflicting_identity:
        return LinkClass.RED
    if evidence.probability >= thresholds.white and not evidence.siblings:
        return LinkClass.WHITE
    if evidence.probability >= thresholds.yellow:
        return LinkClass.YELLOW
    return None


def merges(
    link_class: LinkClass | str, probability: float, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> bool:
    """Whether a link makes its two records one person: a white link does; a red one does
    when the model is as sure as for a white link (one person under conflicting identities,
    linked and flagged), not when the evidence is weaker (one identity, different people).
    A reviewed red link (probability 1 by review) merges; yellow and green never do.
    """
    if link_class == LinkClass.WHITE:
        return True
    return link_class == LinkClass.RED and probability >= thresholds.white
