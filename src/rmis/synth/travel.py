"""Trips: when a person leaves, where to, how long they stay, and the crossings that result.

Every trip abroad yields the exit at the origin's post and the entry at the destination's post;
the way back yields the exit at the destination and the entry at home. Departures for work peak
in spring (March to May) and returns in late autumn and before the new year (October to
December); some workers make two or three trips a year, some are still abroad when the period
ends, and some come home early in the first year from a trip that began before it.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from dataclasses import dataclass

from rmis.model.posts import BorderPost
from rmis.synth.geography import ROUTES, Route
from rmis.synth.identity import Person

EAEU = frozenset({"RUS", "KAZ", "KGZ", "ARM", "BLR"})
WORK_HOSTS = frozenset({"RUS", "KAZ"})

DEPARTURE_MONTHS = (3, 6, 14, 17, 14, 9, 7, 7, 7, 6, 5, 5)
# January to December, then January and February of the next year
RETURN_MONTHS = (3, 3, 3, 3, 4, 5, 6, 7, 8, 13, 17, 20, 5, 3)
AIR_HOURS = (5, 4, 7, 8, 8, 7, 6, 4, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 4, 4, 4, 3, 3, 4)
ROAD_HOURS = (0, 0, 0, 0, 0, 0, 1, 4, 6, 7, 7, 7, 6, 6, 6, 6, 5, 5, 4, 3, 2, 1, 0, 0)

TRIPS_PER_WORK_YEAR = ((1, 0.72), (2, 0.94), (3, 1.0))
STILL_ABROAD_AT_END = 0.18
EARLIER_TRIP_ENDS = 0.2  # first-year workers coming home from a trip begun before the period
LONG_STAY = 0.12  # workers who stay on into a year in which they do not leave again
PRIVATE_VISIT = 0.15  # workers visiting abroad in a year they do not work there
RESIDENCE_PERMIT = 0.03
PATENT_ON_ENTRY = 0.2
PATENT_ON_EXIT = 0.88
ROUTE_LOYALTY = 0.8
NON_WORK_KINDS = (
    ("private", 0.50),
    ("tourism", 0.70),
    ("study", 0.85),
    ("official", 0.90),
    ("transit", 0.95),
    ("other", 1.0),
)
NON_WORK_DESTINATIONS = {"RUS": 5.0, "KAZ": 2.5, "UZB": 1.0, "KGZ": 1.0, "TJK": 1.0, "AZE": 0.5}

# A crossing as the travel model makes it:
# (authority, post, direction, local day, local minute, offset, from, to, purpose, grounds)
Crossing = tuple[str, str, str, int, int, int, str, str, str, str]


def _cumulate(weights: tuple[float, ...] | list[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


class DaySampler:
    """Draws days from monthly weights over a span of months starting 1 January of a year."""

    def __init__(self, year: int, months: tuple[int, ...]) -> None:
        self.first = dt.date(year, 1, 1).toordinal()
        weights: list[float] = []
        for i, weight in enumerate(months):
            y, m = year + i // 12, i % 12 + 1
            start = dt.date(y, m, 1).toordinal()
            end = dt.date(y + m // 12, m % 12 + 1, 1).toordinal()
            weights.extend([weight / (end - start)] * (end - start))
        self.cumulative = _cumulate(weights)
        self.last = self.first + len(weights) - 1

    def draw(self, rng: random.Random, low: int, high: int) -> int:
        """A day in [low, high] (clipped to the span) drawn by the weights."""
        low = max(low, self.first)
        high = min(high, self.last)
        if low >= high:
            return low
        cum = self.cumulative
        floor = cum[low - self.first - 1] if low > self.first else 0.0
        ceiling = cum[high - self.first]
        index = bisect_right(cum, floor + rng.random() * (ceiling - floor))
        return self.first + min(max(index, low - self.first), high - self.first)


def _clock(hours: tuple[int, ...]) -> tuple[int, ...]:
    """Minutes of the day, each five-minute slot repeated by its hour's weight."""
    return tuple(h * 60 + 5 * s for h, w in enumerate(hours) for s in range(12) for _ in range(w))


AIR_CLOCK = _clock(AIR_HOURS)
ROAD_CLOCK = _clock(ROAD_HOURS)


@dataclass(frozen=True, slots=True)
class Trip:
    """A stay abroad; `out`/`back` are local days, None when before or after the period."""

    origin: str
    destination: str
    route: Route
    out: int | None
    back: int | None
    purpose: str
    entry_grounds: str
    exit_grounds: str


class Calendar:
    """The period's years and their seasonal samplers."""

    def __init__(self, years: tuple[int, ...]) -> None:
        self.years = years
        self.first = dt.date(years[0], 1, 1).toordinal()
        self.last = dt.date(years[-1], 12, 31).toordinal()
        self.departures = {y: DaySampler(y, DEPARTURE_MONTHS) for y in years}
        self.returns = {y: DaySampler(y, RETURN_MONTHS) for y in years}
        self._spans: dict[int, tuple[int, int]] = {}

    def year_span(self, year: int) -> tuple[int, int]:
        """First and last day of a year."""
        span = self._spans.get(year)
        if span is None:
            span = dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()
            self._spans[year] = span
        return span


def choose_route(person: Person, origin: str, destination: str, rng: random.Random) -> Route:
    """A route for the trip; people mostly keep to the route they took before."""
    routes, cumulative = ROUTES[(origin, destination)]
    key = (origin, destination)
    known = person.routes.get(key)
    if known is not None and rng.random() < ROUTE_LOYALTY:
        return routes[known]
    index = bisect_right(cumulative, rng.random() * cumulative[-1])
    person.routes[key] = index
    return routes[index]


def work_grounds(person: Person, destination: str, rng: random.Random) -> tuple[str, str]:
    """(grounds on entry, grounds on exit) of a worker at the destination's posts."""
    if destination not in WORK_HOSTS:
        return "visa-free", "visa-free"
    if person.resident:
        return "residence-permit", "residence-permit"
    if person.nationality in EAEU:
        return "eaeu-contract", "eaeu-contract"
    entry = "labour-patent" if rng.random() < PATENT_ON_ENTRY else "visa-free"
    leaving = "labour-patent" if rng.random() < PATENT_ON_EXIT else "visa-free"
    return entry, leaving


def _local(post: BorderPost, instant: int) -> tuple[int, int, int]:
    """(local day, minute of the day, offset) at a post of a UTC instant in minutes."""
    offset = post.offset_on((instant + post.offset) // 1440)
    day, minute = divmod(instant + offset, 1440)
    return day, minute, offset


def cross(
    exit_post: BorderPost,
    entry_post: BorderPost,
    day: int,
    minutes: int,
    rng: random.Random,
    not_before: int,
) -> tuple[tuple[int, int, int], tuple[int, int, int], int]:
    """Local (day, minute, offset) of the exit and of the entry, and the entry's UTC minute.

    The exit takes place on `day` (local), or after `not_before` (UTC) when that is later.
    """
    air = exit_post.mode == "air"
    clock = AIR_CLOCK if air else ROAD_CLOCK
    instant = day * 1440 + clock[int(rng.random() * len(clock))] - exit_post.offset_on(day)
    if instant < not_before:
        instant = not_before + int(rng.random() * 240)
    travel = minutes + (int(rng.random() * 41) - 20 if air else int(rng.random() * 150))
    arrival = instant + travel
    return _local(exit_post, instant), _local(entry_post, arrival), arrival


MINIMUM_STAY = 180  # minutes between arriving and leaving again


def trip_crossings(trip: Trip, rng: random.Random, out: list[Crossing]) -> None:
    """Append the crossings of a trip (two on the way out, two on the way back)."""
    route = trip.route
    arrived = 0
    if trip.out is not None:
        grounds = ("", trip.entry_grounds)
        arrived = _leg(trip, route.exit_post, route.entry_post, trip.out, grounds, 0, rng, out)
    if trip.back is not None:
        grounds = (trip.exit_grounds, "")
        not_before = arrived + MINIMUM_STAY if arrived else 0
        _leg(trip, route.entry_post, route.exit_post, trip.back, grounds, not_before, rng, out)


def _leg(
    trip: Trip,
    leaving: BorderPost,
    entering: BorderPost,
    day: int,
    grounds: tuple[str, str],
    not_before: int,
    rng: random.Random,
    out: list[Crossing],
) -> int:
    """Append the exit and the entry of one border crossing; the arrival's UTC minute."""
    exit_side, entry_side, arrival = cross(
        leaving, entering, day, trip.route.minutes, rng, not_before
    )
    origin, to, purpose = leaving.state, entering.state, trip.purpose
    out.append((origin, leaving.code, "exit", *exit_side, origin, to, purpose, grounds[0]))
    out.append((to, entering.code, "entry", *entry_side, origin, to, purpose, grounds[1]))
    return arrival
