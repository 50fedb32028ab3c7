"""Calibration: how many persons of each origin leave for work each year, by sex and destination.

Sources (the project's seed documents, /work/shared/seeds/):

- 001_ef12b86ff2ac2527 (report of the 28th meeting of the CIS Council of Heads of Migration
  Authorities, Dushanbe, 28 May): "652,014 Tajik nationals, including 554,804 men and 97,210
  women, traveled abroad seeking better employment opportunities, which is 123,564 people or
  16 percent less than 2022 (in 2022, 775,578 Tajik labor migrants traveled abroad ...). Of those
  652,014 Tajiks ... 627,028 traveled to Russia, 18,418 others traveled to Kazakhstan and 6,568
  people traveled to other countries" (Uzbekistan and Kyrgyzstan are named).
- 000_6387677edd87cac4: estimated migrants in Russia: Tajikistan 1.5 million, Uzbekistan
  1.2 million, Kyrgyzstan 700,000.
- DOMAIN.md: labour migration is seasonal, departures peak in spring, returns in late autumn
  and before the new year.

A departure for work is a distinct person whose exit for work the origin recorded that year.

Assumptions (no figure in the seeds; each is named in the manifest):

- Uzbekistan and Kyrgyzstan send workers in proportion to their stock in Russia relative to
  Tajikistan's (1.2/1.5 and 0.7/1.5 of the Tajik departures of the same year).
- Kazakhstan and Azerbaijan are small origins (3 % and 5 % of the Tajik departures).
- The Tajik share of men (85.1 % in 2023) and the 2023 destination shares hold for 2022 too;
  the other origins' shares of men and destinations are set by hand below.
- A year without a figure takes the figure of the nearest year that has one.
- In the busiest year 85 % of an origin's migrant pool leaves for work (the rest stays at home
  or abroad that year); every pool member leaves for work in at least one year when the years
  allow it (circular migration: most persons travel in several years).
"""

from __future__ import annotations

from dataclasses import dataclass

TAJIK_WORK_DEPARTURES: dict[int, int] = {2022: 775_578, 2023: 652_014}
TAJIK_MEN_2023 = 554_804
TAJIK_WOMEN_2023 = 97_210
TAJIK_DESTINATIONS_2023: dict[str, int] = {"RUS": 627_028, "KAZ": 18_418, "other": 6_568}
STOCK_IN_RUSSIA: dict[str, int] = {"TJK": 1_500_000, "UZB": 1_200_000, "KGZ": 700_000}
PEAK_YEAR_ACTIVITY = 0.85

SOURCES: tuple[str, ...] = (
    "seed 001_ef12b86ff2ac2527: Tajik departures for work 2022 and 2023, by sex and destination",
    "seed 000_6387677edd87cac4: estimated migrants in Russia by origin",
    "DOMAIN.md: seasonal departures (spring) and returns (late autumn, before the new year)",
)

ASSUMPTIONS: tuple[str, ...] = (
    "UZB and KGZ departures scale from their stock in Russia relative to TJK (1.2/1.5, 0.7/1.5)",
    "KAZ and AZE departures are 3% and 5% of TJK's",
    "TJK 2022 shares of men and destinations equal 2023's",
    "shares of men and destinations of UZB, KGZ, KAZ and AZE are set by hand",
    "a year without a figure takes the nearest year's figure",
    "in the busiest year 85% of an origin's migrant pool leaves for work",
)


@dataclass(frozen=True, slots=True)
class OriginProfile:
    """How one origin's workers leave: size against Tajikistan, men, destinations."""

    code: str
    size_vs_tajikistan: float
    men_share: float
    destinations: tuple[tuple[str, float], ...]  # RUS, KAZ, other
    other: tuple[tuple[str, float], ...]  # how "other" splits between states (may be none)


def _tajik_profile() -> OriginProfile:
    total = sum(TAJIK_DESTINATIONS_2023.values())
    shares = tuple((d, n / total) for d, n in TAJIK_DESTINATIONS_2023.items())
    men = TAJIK_MEN_2023 / (TAJIK_MEN_2023 + TAJIK_WOMEN_2023)
    return OriginProfile("TJK", 1.0, men, shares, (("UZB", 0.6), ("KGZ", 0.4)))


ORIGINS: dict[str, OriginProfile] = {
    "TJK": _tajik_profile(),
    "UZB": OriginProfile(
        "UZB",
        STOCK_IN_RUSSIA["UZB"] / STOCK_IN_RUSSIA["TJK"],
        0.82,
        (("RUS", 0.82), ("KAZ", 0.15), ("other", 0.03)),
        (("KGZ", 0.7), ("TJK", 0.3)),
    ),
    "KGZ": OriginProfile(
        "KGZ",
        STOCK_IN_RUSSIA["KGZ"] / STOCK_IN_RUSSIA["TJK"],
        0.62,
        (("RUS", 0.80), ("KAZ", 0.18), ("other", 0.02)),
        (("UZB", 1.0),),
    ),
    "KAZ": OriginProfile(
        "KAZ",
        0.03,
        0.70,
        (("RUS", 0.92), ("KAZ", 0.0), ("other", 0.08)),
        (("KGZ", 0.5), ("UZB", 0.5)),
    ),
    "AZE": OriginProfile("AZE", 0.05, 0.90, (("RUS", 0.95), ("KAZ", 0.05), ("other", 0.0)), ()),
}


def calibrated_year(year: int) -> int:
    """The year whose Tajik figure stands for `year` (itself, or the nearest one with a figure)."""
    return min(TAJIK_WORK_DEPARTURES, key=lambda y: (abs(y - year), y))


def work_target(origin: str, year: int) -> float:
    """Persons of `origin` leaving for work in `year` at full (national) scale."""
    profile = ORIGINS[origin]
    return TAJIK_WORK_DEPARTURES[calibrated_year(year)] * profile.size_vs_tajikistan


def split_exactly(total: int, shares: list[float]) -> list[int]:
    """`total` split by `shares` into integers that sum to `total` (largest remainders)."""
    weight = sum(shares)
    if total <= 0 or weight <= 0:
        return [0] * len(shares)
    raw = [total * s / weight for s in shares]
    out = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


@dataclass(frozen=True, slots=True)
class WorkStratum:
    """The migrant pool of one origin and sex, and how many of it leave for work each year."""

    origin: str
    sex: str
    persons: int
    departures: tuple[int, ...]  # per year of the plan
    patterns: tuple[tuple[tuple[bool, ...], int], ...]  # (works in year i?, persons)


@dataclass(frozen=True, slots=True)
class WorkPlan:
    """The whole region's work migration at the configured scale."""

    years: tuple[int, ...]
    scale: float
    strata: tuple[WorkStratum, ...]
    departures: dict[tuple[str, int], int]
    destination_quotas: dict[tuple[str, int], dict[str, int]]
    targets: dict[tuple[str, int], float]


def _activity(targets: list[float]) -> float:
    """Share of the pool leaving in the busiest year: enough for everyone to leave once."""
    total = sum(targets)
    return max(PEAK_YEAR_ACTIVITY, max(targets) / total) if total else 1.0


def _stratum_weights(years: tuple[int, ...]) -> dict[tuple[str, str], float]:
    weights = {}
    for origin, profile in ORIGINS.items():
        targets = [work_target(origin, y) for y in years]
        peak = max(targets) / _activity(targets)
        weights[(origin, "M")] = peak * profile.men_share
        weights[(origin, "F")] = peak * (1 - profile.men_share)
    return weights


def plan_work(persons: int, years: tuple[int, ...]) -> WorkPlan:
    """Pools, exact yearly departures and destination quotas for `persons` migrant persons."""
    weights = _stratum_weights(years)
    pools = dict(zip(weights, split_exactly(persons, list(weights.values())), strict=True))
    scale = persons / sum(weights.values())
    departures: dict[tuple[str, int], int] = {}
    strata = []
    for origin, profile in ORIGINS.items():
        by_sex: dict[str, list[int]] = {"M": [], "F": []}
        for year in years:
            total = round(work_target(origin, year) * scale)
            men = min(round(total * profile.men_share), pools[(origin, "M")])
            women = min(total - men, pools[(origin, "F")])
            by_sex["M"].append(men)
            by_sex["F"].append(women)
            departures[(origin, year)] = men + women
        for sex, counts in by_sex.items():
            pool = pools[(origin, sex)]
            patterns = tuple(arrange_years(pool, counts))
            strata.append(WorkStratum(origin, sex, pool, tuple(counts), patterns))
    quotas = {key: _destination_quota(key[0], n) for key, n in departures.items()}
    targets = {(o, y): work_target(o, y) for o in ORIGINS for y in years}
    return WorkPlan(years, scale, tuple(strata), departures, quotas, targets)


def _destination_quota(origin: str, departures: int) -> dict[str, int]:
    groups = ORIGINS[origin].destinations
    counts = split_exactly(departures, [share for _, share in groups])
    return {name: n for (name, _), n in zip(groups, counts, strict=True)}


def arrange_years(pool: int, counts: list[int]) -> list[tuple[tuple[bool, ...], int]]:
    """How many of `pool` persons leave in which years, so that year i has exactly counts[i].

    The years are laid as arcs around a circle of `pool` persons, each arc overlapping the
    next by an equal share of the excess, so everyone leaves at least once when the counts
    allow it, and many leave in several years.
    """
    if pool <= 0:
        return []
    arcs = _place_arcs(pool, counts)
    cuts = sorted({0, pool, *(p for start, length in arcs for p in _arc_cuts(start, length, pool))})
    totals: dict[tuple[bool, ...], int] = {}
    for left, right in zip(cuts, cuts[1:], strict=False):
        pattern = tuple(_on_arc(left, start, length, pool) for start, length in arcs)
        totals[pattern] = totals.get(pattern, 0) + right - left
    return sorted(totals.items(), key=lambda kv: kv[0], reverse=True)


def _place_arcs(pool: int, counts: list[int]) -> list[tuple[int, int]]:
    excess = max(0, sum(counts) - pool)
    overlaps = split_exactly(excess, [1.0] * len(counts)) if counts else []
    arcs, start = [], 0
    for count, overlap in zip(counts, overlaps, strict=True):
        arcs.append((start % pool, count))
        start += count - overlap
    return arcs


def _arc_cuts(start: int, length: int, pool: int) -> tuple[int, ...]:
    end = start + length
    return (start, end) if end <= pool else (start, pool, 0, end - pool)


def _on_arc(position: int, start: int, length: int, pool: int) -> bool:
    return (position - start) % pool < length if length < pool else length > 0
