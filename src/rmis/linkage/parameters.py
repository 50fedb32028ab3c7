"""Estimating and correcting a model's parameters (Splink's JSON-able model dict). Pure.

u is the chance that two records of different people agree at a level. Splink estimates it
from random pairs and counts every sampled pair as a non-match. Among random pairs a share
lambda (the chance two random records match) are one person; for evidence nearly unique to a
person (an equal document number, an equal birth date in a small registry) those few
matching pairs are most of the agreement seen, so u comes out close to lambda * m and such
evidence can never weigh more than 1 / lambda. Here u is estimated from the same random pairs
as Splink does, and estimated again once the model is trained with each pair counted as a
non-match only as far as the model thinks it one (the M-step of EM on the random sample).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

# m and u of a level training never saw: weak evidence either way.
UNSEEN: Final = 1e-3

Model = dict[str, Any]
# Comparison levels of random pairs: each distinct pattern (one gamma value per comparison,
# in the model's order) and how many sampled pairs show it.
Patterns = Sequence[tuple[Sequence[int], int]]


def _non_null_levels(comparison: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]


def level_of(comparison: Mapping[str, Any], gamma: int) -> dict[str, Any] | None:
    """The level a gamma value names (Splink numbers levels from the top, ELSE being 0;
    -1 is the null level): None for the null level.
    """
    levels = _non_null_levels(comparison)
    return None if gamma < 0 else levels[len(levels) - 1 - gamma]


def fill_unseen_levels(model: Model, unseen: float = UNSEEN) -> Model:
    """Give levels training never saw a probability of `unseen`: Splink's defaults would
    make a level no true pair reached (twins' neighbouring passports) strong evidence.
    """
    for comparison in model["comparisons"]:
        for level in _non_null_levels(comparison):
            for key in ("m_probability", "u_probability"):
                if level.get(key) is None:
                    level[key] = unseen
    return model


def rows_for_pairs(pairs: float) -> int:
    """How many records give about `pairs` pairs among themselves (as Splink samples)."""
    return math.ceil(0.5 * (math.sqrt(8 * pairs + 1) + 1))


def set_u(model: Model, patterns: Patterns, weights: Iterable[float] | None = None) -> Model:
    """Each level's u: its share of the (weighted) sampled pairs in which the comparison is
    known. A level no sampled pair reached keeps no u (`fill_unseen_levels` decides it).
    """
    weighted = list(zip(patterns, weights, strict=True)) if weights is not None else None
    for index, comparison in enumerate(model["comparisons"]):
        counts: dict[int, float] = {}
        for (gammas, pairs), weight in weighted or ((p, 1.0) for p in patterns):
            if gammas[index] >= 0:
                counts[gammas[index]] = counts.get(gammas[index], 0.0) + pairs * weight
        total = sum(counts.values())
        for gamma, level in enumerate(reversed(_non_null_levels(comparison))):
            if counts.get(gamma):
                level["u_probability"] = counts[gamma] / total
            else:
                level.pop("u_probability", None)
    return model


def match_probability(model: Model, gammas: Sequence[int]) -> float:
    """The model's probability that a pair showing these levels is one person (a level
    without both m and u counts as no evidence).
    """
    share = float(model["probability_two_random_records_match"])
    log_odds = math.log(share / (1.0 - share))
    for comparison, gamma in zip(model["comparisons"], gammas, strict=True):
        level = level_of(comparison, gamma)
        if level is not None and level.get("m_probability") and level.get("u_probability"):
            log_odds += math.log(level["m_probability"] / level["u_probability"])
    return 1.0 / (1.0 + math.exp(-log_odds)) if log_odds > -700 else 0.0


def u_without_matches(model: Model, patterns: Patterns) -> Model:
    """u estimated again from the random pairs, each counted as a non-match as far as the
    trained `model` thinks it one. A level only matching pairs reached gets the least rate
    the sample can tell (one pair in those weighed); a level no pair reached keeps no u.
    """
    if not 0.0 < float(model["probability_two_random_records_match"]) < 1.0:
        return model
    seen = [[lv.get("u_probability") for lv in _non_null_levels(c)] for c in model["comparisons"]]
    weights = [1.0 - match_probability(model, gammas) for gammas, _ in patterns]
    set_u(model, patterns, weights)
    for index, comparison in enumerate(model["comparisons"]):
        known = sum(n * w for (g, n), w in zip(patterns, weights, strict=True) if g[index] >= 0)
        resolution = 1.0 / known if known > 0 else 1.0
        for level, before in zip(_non_null_levels(comparison), seen[index], strict=True):
            if before is not None:
                level["u_probability"] = max(level["u_probability"] or 0.0, min(before, resolution))
    return model
