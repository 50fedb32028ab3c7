"""Model parameters: u from random pairs, and u again with the sample's matches taken out."""

from __future__ import annotations

import math
from typing import Any

import pytest

from rmis.linkage.parameters import (
    UNSEEN,
    fill_unseen_levels,
    level_of,
    match_probability,
    rows_for_pairs,
    set_u,
    u_without_matches,
)


def _comparison(name: str, m_agree: float | None = None) -> dict[str, Any]:
    """A comparison with a null level, an agreeing level and ELSE (gamma -1, 1, 0)."""
    agree: dict[str, Any] = {"label_for_charts": "agree"}
    other: dict[str, Any] = {"label_for_charts": "else"}
    if m_agree is not None:
        agree["m_probability"], other["m_probability"] = m_agree, 1 - m_agree
    return {
        "output_column_name": name,
        "comparison_levels": [{"is_null_level": True}, agree, other],
    }


def _model(share: float = 0.01) -> dict[str, Any]:
    return {
        "probability_two_random_records_match": share,
        "comparisons": [_comparison("document", 0.9), _comparison("birth_date", 0.9)],
    }


# 1,000 random pairs: 10 true pairs agree on both; 5 strangers share a document number, 5 a
# birth date; 980 agree on neither.
PATTERNS = [((1, 1), 10), ((1, 0), 5), ((0, 1), 5), ((0, 0), 980)]


def _u(model: dict[str, Any], comparison: int, gamma: int) -> float:
    level = level_of(model["comparisons"][comparison], gamma)
    assert level is not None
    return float(level["u_probability"])


def test_gamma_values_name_levels_from_the_top() -> None:
    comparison = _comparison("document")
    assert level_of(comparison, -1) is None
    assert level_of(comparison, 1) is comparison["comparison_levels"][1]
    assert level_of(comparison, 0) is comparison["comparison_levels"][2]


def test_rows_for_pairs_gives_at_least_the_pairs() -> None:
    for pairs in (1, 10, 250_000, 1e6):
        rows = rows_for_pairs(pairs)
        assert rows * (rows - 1) / 2 >= pairs > (rows - 1) * (rows - 2) / 2


def test_u_is_each_levels_share_of_the_known_pairs() -> None:
    model = set_u(_model(), [*PATTERNS, ((-1, 0), 500)])
    assert _u(model, 0, 1) == pytest.approx(15 / 1000)  # the 500 without a document left out
    assert _u(model, 1, 1) == pytest.approx(15 / 1500)
    unseen = set_u(_model(), [((0, 0), 10)])
    assert "u_probability" not in unseen["comparisons"][0]["comparison_levels"][1]
    filled = fill_unseen_levels(unseen)
    assert _u(filled, 0, 1) == UNSEEN


def test_match_probability_adds_the_evidence_of_each_level() -> None:
    model = set_u(_model(), PATTERNS)
    odds = 0.01 / 0.99 * (0.9 / 0.015) ** 2
    assert match_probability(model, (1, 1)) == pytest.approx(odds / (1 + odds))
    assert match_probability(model, (-1, -1)) == pytest.approx(0.01)


def test_matches_in_the_sample_no_longer_count_as_strangers_agreeing() -> None:
    model = set_u(_model(), PATTERNS)
    naive = _u(model, 0, 1)
    # Sampled as non-matches, the ten true pairs cap the evidence at about 1 / lambda.
    assert 0.9 / naive < 1 / 0.01
    corrected = u_without_matches(model, PATTERNS)
    assert _u(corrected, 0, 1) == pytest.approx(5 / 990, rel=0.1)
    assert 0.9 / _u(corrected, 0, 1) > 1 / 0.01
    assert _u(corrected, 0, 0) == pytest.approx(985 / 990, rel=0.01)


def test_a_level_only_matches_reached_gets_the_least_rate_the_sample_tells() -> None:
    patterns = [((1, 1), 10), ((0, 0), 990)]
    corrected = u_without_matches(set_u(_model(), patterns), patterns)
    u = _u(corrected, 0, 1)
    assert u > 0
    assert u == pytest.approx(1 / 990, rel=0.05)
    assert not math.isinf(match_probability(corrected, (1, 1)))


def test_a_model_without_a_share_of_matches_is_left_alone() -> None:
    model = set_u(_model(share=1.0), PATTERNS)
    assert _u(u_without_matches(model, PATTERNS), 0, 1) == pytest.approx(15 / 1000)
