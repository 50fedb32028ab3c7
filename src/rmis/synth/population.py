"""The population: who the next person is, so that each year's departures come out exact.

Persons are drawn one at a time from strata (origin and sex of the migrant pools, and the
non-work travellers) without replacement, so the strata interleave at random while each
stratum's pattern of working years and each origin-year's destination quotas are met exactly
(sequential selection sampling: nothing is held but the counts still to draw).
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from rmis.synth.calibration import ORIGINS, WorkPlan
from rmis.synth.travel import NON_WORK_KINDS

NON_WORK_NATIONALITIES = (("TJK", 0.35), ("UZB", 0.65), ("KGZ", 0.80), ("KAZ", 0.92), ("AZE", 1.0))


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """A migrant worker to make: which years they leave for work, and where to each year."""

    origin: str
    sex: str
    works: tuple[bool, ...]
    destinations: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TravellerSpec:
    """A traveller who does not work abroad, and the purpose of their trips."""

    nationality: str
    sex: str
    purpose: str


def _draw(table: tuple[tuple[str, float], ...], u: float) -> str:
    for name, cum in table:
        if u < cum:
            return name
    return table[-1][0]


def _take(remaining: list[int], rng: random.Random) -> int:
    """Index drawn in proportion to `remaining`, which loses one there (sampling w/o return)."""
    r = rng.randrange(sum(remaining))
    for i, count in enumerate(remaining):
        if r < count:
            remaining[i] -= 1
            return i
        r -= count
    raise AssertionError("nothing remains")


def person_specs(
    plan: WorkPlan, non_work: int, rng: random.Random
) -> Iterator[WorkerSpec | TravellerSpec]:
    """Who comes next: strata interleaved at random, each stratum's yearly counts exact."""
    strata = plan.strata
    left = [s.persons for s in strata] + [non_work]
    patterns = [[n for _, n in s.patterns] for s in strata]
    quotas = {key: list(q.values()) for key, q in plan.destination_quotas.items()}
    groups = {key: list(q) for key, q in plan.destination_quotas.items()}
    for _ in range(sum(left)):
        i = _take(left, rng)
        if i == len(strata):
            yield _traveller(rng)
            continue
        stratum = strata[i]
        works = stratum.patterns[_take(patterns[i], rng)][0]
        destinations = []
        for year, working in zip(plan.years, works, strict=True):
            key = (stratum.origin, year)
            group = groups[key][_take(quotas[key], rng)] if working else ""
            destinations.append(_other_state(stratum.origin, group, rng))
        yield WorkerSpec(stratum.origin, stratum.sex, works, _fill_gaps(destinations))


def _cumulative(shares: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    out, total = [], 0.0
    weight = sum(s for _, s in shares)
    for name, share in shares:
        total += share / weight
        out.append((name, total))
    return tuple(out)


_OTHER_STATES = {code: _cumulative(profile.other) for code, profile in ORIGINS.items()}


def _other_state(origin: str, group: str, rng: random.Random) -> str:
    """The state a worker of the destination group "other" goes to."""
    if group != "other":
        return group
    return _draw(_OTHER_STATES[origin], rng.random())


def _fill_gaps(destinations: list[str]) -> tuple[str, ...]:
    """Years without work take the destination of the nearest working year before (or after)."""
    known = next((d for d in destinations if d), "RUS")
    out = []
    for d in destinations:
        known = d or known
        out.append(known)
    return tuple(out)


def _traveller(rng: random.Random) -> TravellerSpec:
    nationality = _draw(NON_WORK_NATIONALITIES, rng.random())
    purpose = _draw(NON_WORK_KINDS, rng.random())
    men = {"official": 0.8, "study": 0.55}.get(purpose, 0.5)
    return TravellerSpec(nationality, "M" if rng.random() < men else "F", purpose)


def _age_table(low: int, span: int, a: float, b: float) -> tuple[list[float], int]:
    """Cumulative weights of ages low..low+span-1, shaped like a beta(a, b) density."""
    weights = [
        ((i + 0.5) / span) ** (a - 1) * (1 - (i + 0.5) / span) ** (b - 1) for i in range(span)
    ]
    cumulative, total = [], 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return cumulative, low


_WORKER_AGES = _age_table(18, 40, 2.0, 4.0)  # most are in their twenties and thirties
_TRAVELLER_AGES = _age_table(18, 50, 2.0, 2.5)
_STUDENT_AGES = _age_table(17, 7, 1.5, 2.0)


def choose_age(spec: WorkerSpec | TravellerSpec, rng: random.Random) -> int:
    """Age in whole years at the start of the period."""
    if isinstance(spec, WorkerSpec):
        table, low = _WORKER_AGES
    elif spec.purpose == "study":
        table, low = _STUDENT_AGES
    else:
        table, low = _TRAVELLER_AGES
    return low + bisect_right(table, rng.random() * table[-1])
