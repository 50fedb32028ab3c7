"""Itineraries: a person's trips over the whole period, for work or for other purposes.

A worker's years come from the calibration plan (which years they leave for work, and where
to); the itinerary gives them at least one exit for work from the origin in each of those
years and none in the others, so that the calibrated departures are met exactly.
"""

from __future__ import annotations

import random
from bisect import bisect_right

from rmis.synth.geography import list_destinations
from rmis.synth.identity import Person
from rmis.synth.travel import (
    EARLIER_TRIP_ENDS,
    LONG_STAY,
    NON_WORK_DESTINATIONS,
    PRIVATE_VISIT,
    STILL_ABROAD_AT_END,
    TRIPS_PER_WORK_YEAR,
    Calendar,
    Trip,
    choose_route,
    work_grounds,
)

LAST_DEPARTURE = 6  # no departure in the last days of December: arrivals stay in the year
WINTER_BREAK = 0.35  # students who come home for the winter break


def _trip_count(rng: random.Random) -> int:
    u = rng.random()
    for count, cum in TRIPS_PER_WORK_YEAR:
        if u < cum:
            return count
    return 1


def _work_trip(
    person: Person, destination: str, out: int | None, back: int | None, rng: random.Random
) -> Trip:
    route = choose_route(person, person.nationality, destination, rng)
    entry, leaving = work_grounds(person, destination, rng)
    return Trip(person.nationality, destination, route, out, back, "work", entry, leaving)


def plan_work_trips(
    person: Person,
    works: tuple[bool, ...],
    destinations: tuple[str, ...],
    calendar: Calendar,
    rng: random.Random,
) -> list[Trip]:
    """A worker's trips: `works[i]` says whether they leave for work in year i, and where to."""
    trips: list[Trip] = []
    ready = calendar.first
    if works[0] and rng.random() < EARLIER_TRIP_ENDS:
        back = calendar.first + 4 + int(rng.random() * 60)
        trips.append(_work_trip(person, destinations[0], None, back, rng))
        ready = back + 10 + int(rng.random() * 30)
    last_destination = destinations[0]
    for i, year in enumerate(calendar.years):
        if not works[i]:
            ready = _maybe_visit(person, year, ready, last_destination, calendar, trips, rng)
            continue
        last_destination = destinations[i]
        later = works[i + 1 :]
        ready = _work_year(person, year, ready, last_destination, later, calendar, trips, rng)
    if not trips:  # a pool member without a working year (only in the tiniest regions)
        year = calendar.years[-1]
        _maybe_visit(person, year, calendar.first, last_destination, calendar, trips, rng, 1.0)
    return trips


def _work_year(
    person: Person,
    year: int,
    ready: int,
    destination: str,
    later: tuple[bool, ...],
    calendar: Calendar,
    trips: list[Trip],
    rng: random.Random,
) -> int:
    """Add one year's work trips; returns the first day a next departure may take place."""
    first, last = calendar.year_span(year)
    out = calendar.departures[year].draw(rng, max(ready, first), last - LAST_DEPARTURE)
    count = _trip_count(rng)
    for _ in range(count - 1):
        back = out + 40 + int(rng.random() * 80)
        following = back + 10 + int(rng.random() * 35)
        if following > last - LAST_DEPARTURE:
            break
        trips.append(_work_trip(person, destination, out, back, rng))
        out = following
    home = _season_end(out, year, later, calendar, rng)
    trips.append(_work_trip(person, destination, out, home, rng))
    return home + 7 + int(rng.random() * 21) if home is not None else calendar.last + 1


def _season_end(
    out: int, year: int, later: tuple[bool, ...], calendar: Calendar, rng: random.Random
) -> int | None:
    """The day a worker comes home after the last trip of a year (None: still abroad)."""
    if not later and rng.random() < STILL_ABROAD_AT_END:
        return None
    if later and not any(later) and rng.random() < LONG_STAY:
        back = out + 300 + int(rng.random() * 300)
    else:
        back = calendar.returns[year].draw(rng, out + 30, calendar.returns[year].last)
    return back if back < calendar.last else None


def _maybe_visit(
    person: Person,
    year: int,
    ready: int,
    destination: str,
    calendar: Calendar,
    trips: list[Trip],
    rng: random.Random,
    chance: float = PRIVATE_VISIT,
) -> int:
    """A short private visit abroad in a year without work (to family working there)."""
    first, last = calendar.year_span(year)
    start = max(ready, first)
    if start > last - 60 or rng.random() >= chance:
        return ready
    out = start + int(rng.random() * (last - 60 - start + 1))
    back = out + 7 + int(rng.random() * 24)
    route = choose_route(person, person.nationality, destination, rng)
    trips.append(
        Trip(person.nationality, destination, route, out, back, "private", "visa-free", "visa-free")
    )
    return back + 3


# purpose: (trips a year: cumulative shares of 0, 1, 2, 3; days of stay: low, high)
_NON_WORK_HABITS: dict[str, tuple[tuple[float, ...], int, int]] = {
    "private": ((0.35, 0.85, 0.97, 1.0), 5, 35),
    "other": ((0.45, 0.9, 1.0, 1.0), 3, 30),
    "tourism": ((0.35, 0.95, 1.0, 1.0), 3, 12),
    "official": ((0.3, 0.7, 0.9, 1.0), 2, 6),
    "transit": ((0.5, 1.0, 1.0, 1.0), 0, 2),
}


def choose_destination(origin: str, purpose: str, rng: random.Random) -> str:
    """A destination for a non-work trip from the states reachable from `origin`."""
    options = list_destinations(origin)
    if purpose == "study":
        options = tuple(d for d in options if d in ("RUS", "KAZ"))
    weights = [NON_WORK_DESTINATIONS.get(d, 0.5) for d in options]
    u = rng.random() * sum(weights)
    for destination, weight in zip(options, weights, strict=True):
        u -= weight
        if u < 0:
            return destination
    return options[-1]


def plan_non_work_trips(
    person: Person, purpose: str, calendar: Calendar, rng: random.Random
) -> list[Trip]:
    """The trips of a traveller who does not work abroad; at least one."""
    if purpose == "study":
        return _study_trips(person, calendar, rng)
    habits, low, high = _NON_WORK_HABITS[purpose]
    trips: list[Trip] = []
    ready = calendar.first
    for year in calendar.years:
        first, last = calendar.year_span(year)
        count = bisect_right(habits, rng.random())
        share = (last - LAST_DEPARTURE - high - first) // max(count, 1)
        for j in range(count):
            window = (max(ready, first + j * share), first + (j + 1) * share)
            ready = _short_trip(person, purpose, window, (low, high), trips, rng)
    if not trips:
        first, last = calendar.year_span(calendar.years[int(rng.random() * len(calendar.years))])
        _short_trip(person, purpose, (first, last - LAST_DEPARTURE - high), (low, high), trips, rng)
    return trips


def _short_trip(
    person: Person,
    purpose: str,
    window: tuple[int, int],
    stay: tuple[int, int],
    trips: list[Trip],
    rng: random.Random,
) -> int:
    """Add a trip leaving within `window`; returns the first day a next trip may leave."""
    start, latest = window
    if start > latest:
        return start
    out = start + int(rng.random() * (latest - start + 1))
    back = out + stay[0] + int(rng.random() * (stay[1] - stay[0] + 1))
    destination = choose_destination(person.nationality, purpose, rng)
    route = choose_route(person, person.nationality, destination, rng)
    trips.append(
        Trip(person.nationality, destination, route, out, back, purpose, "visa-free", "visa-free")
    )
    return back + 2 + int(rng.random() * 20)


def _study_trips(person: Person, calendar: Calendar, rng: random.Random) -> list[Trip]:
    """Academic years abroad, the first of which may have begun before the period."""
    destination = choose_destination(person.nationality, "study", rng)
    trips = []
    for year in (calendar.years[0] - 1, *calendar.years):
        for out, back in _academic_legs(year, calendar, rng):
            route = choose_route(person, person.nationality, destination, rng)
            trips.append(
                Trip(
                    person.nationality, destination, route, out, back, "study", "student", "student"
                )
            )
            if back is None:
                return trips
    return trips


def _academic_legs(
    year: int, calendar: Calendar, rng: random.Random
) -> list[tuple[int | None, int | None]]:
    """(out, back) of the academic year starting in `year`: out in late August, back in late
    June or July, home for the winter break by some; None outside the period."""
    start = calendar.year_span(year)[0] + 226 + int(rng.random() * 20)
    end = calendar.year_span(year + 1)[0] + 165 + int(rng.random() * 30)
    legs = [(start, end)]
    if rng.random() < WINTER_BREAK:
        winter = calendar.year_span(year)[1] - 7 + int(rng.random() * 6)
        legs = [(start, winter), (winter + 14 + int(rng.random() * 14), end)]
    return [
        (out if out >= calendar.first else None, back if back < calendar.last else None)
        for out, back in legs
        if back >= calendar.first and out <= calendar.last - LAST_DEPARTURE
    ]
