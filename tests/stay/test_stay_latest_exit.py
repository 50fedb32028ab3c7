"""The latest exit, found in strides, against a day-by-day walk under the rule of each day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from rmis.stay import HOSTS, Trip, assess_stay

YEARS: tuple[Literal["calendar", "rolling"], ...] = ("calendar", "rolling")


def present_on(trips: list[Trip], day: date) -> bool:
    return any(trip.entry <= day <= (trip.exit or date.max) for trip in trips)


def lawful_on(host: str, nationality: str, trips: list[Trip], day: date, year: str) -> bool:
    rule = HOSTS[host].day_rule_on(day, nationality)
    if rule.limit_days is None:
        return True
    first = rule.window_start(day, year)  # type: ignore[arg-type]
    used = sum(present_on(trips, first + timedelta(days=i)) for i in range((day - first).days + 1))
    return used <= rule.limit_days


@st.composite
def open_histories(draw: st.DrawFn) -> tuple[date, list[Trip]]:
    """Closed trips, then an open one; the rule changes (1 Jan 2025) may fall anywhere."""
    day = draw(st.dates(date(2024, 1, 1), date(2025, 6, 1)))
    trips = []
    for _ in range(draw(st.integers(0, 4))):
        length = draw(st.integers(0, 100))
        trips.append(Trip(day, day + timedelta(days=length)))
        day += timedelta(days=length + draw(st.integers(1, 90)))
    trips.append(Trip(day))
    return day + timedelta(days=draw(st.integers(0, 400))), trips


@settings(max_examples=120, deadline=None)
@given(open_histories(), st.sampled_from(YEARS), st.sampled_from(("RUS", "KAZ")))
def test_latest_exit_is_the_day_before_the_first_unlawful_day(
    history: tuple[date, list[Trip]], year: Literal["calendar", "rolling"], host: str
) -> None:
    on, trips = history
    result = assess_stay(host, "TJK", "visa-free", on, trips, year=year)
    day, latest = trips[-1].entry, None
    while day <= trips[-1].entry + timedelta(days=800):
        if not lawful_on(host, "TJK", trips, day, year):
            latest = day - timedelta(days=1)
            break
        day += timedelta(days=1)
    assert result.latest_exit == latest
    expected = 0 if latest is None else max(0, (on - latest).days)
    assert result.overstay_days == expected
