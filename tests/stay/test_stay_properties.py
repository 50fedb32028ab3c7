"""Properties of the day count, checked against a plain count of the days present."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from rmis.stay import DAYS_LIMIT, Trip, assess_stay, window_start

FIRST, LAST = date(2015, 1, 1), date(2024, 6, 30)  # under the 90/180 rule, with room after


@st.composite
def travel_history(draw: st.DrawFn) -> tuple[date, list[Trip]]:
    """Trips in order, apart, the last possibly still running on the day judged."""
    day = draw(st.dates(FIRST, FIRST + timedelta(days=300)))
    trips = []
    for _ in range(draw(st.integers(0, 6))):
        day += timedelta(days=draw(st.integers(1, 120)))
        length = draw(st.integers(0, 120))
        trips.append(Trip(day, day + timedelta(days=length)))
        day += timedelta(days=length)
    on = day + timedelta(days=draw(st.integers(0, 60)))
    if trips and draw(st.booleans()):
        trips[-1] = Trip(trips[-1].entry)
    return min(on, LAST), trips


def days_present(trips: list[Trip], through: date) -> set[date]:
    present = set()
    for trip in trips:
        day = trip.entry
        while day <= (trip.exit or through) and day <= through:
            present.add(day)
            day += timedelta(days=1)
    return present


def count_on(trips: list[Trip], day: date) -> int:
    start = window_start(day)
    return sum(start <= present <= day for present in days_present(trips, day))


@settings(max_examples=150, deadline=None)
@given(travel_history())
def test_days_used_is_the_plain_count_and_remaining_is_the_rest(
    history: tuple[date, list[Trip]],
) -> None:
    on, trips = history
    result = assess_stay("RUS", "TJK", "visa_free", on, trips)
    assert 0 <= result.days_used <= 180
    assert result.days_used == count_on(trips, on)
    assert result.days_remaining == max(0, DAYS_LIMIT - result.days_used)
    assert result.days_over_limit_in_window == max(0, result.days_used - DAYS_LIMIT)
    assert result.overstay_days >= 0


@settings(max_examples=100, deadline=None)
@given(travel_history())
def test_latest_exit_keeps_every_day_within_the_limit_and_no_later_day_would(
    history: tuple[date, list[Trip]],
) -> None:
    on, trips = history
    result = assess_stay("RUS", "KAZ", "visa_free", on, trips)
    open_trips = [trip for trip in trips if trip.exit is None and trip.entry <= on]
    if not open_trips:
        assert result.latest_exit is None
        return
    latest = result.latest_exit
    assert latest is not None
    day = open_trips[0].entry
    while day <= latest:
        assert count_on(trips, day) <= DAYS_LIMIT
        day += timedelta(days=1)
    assert count_on(trips, latest + timedelta(days=1)) > DAYS_LIMIT
    assert result.overstay_days == max(0, (on - latest).days)


@settings(max_examples=100, deadline=None)
@given(travel_history(), st.sampled_from(["calendar", "rolling"]))
def test_the_2025_rule_never_counts_more_than_its_year(
    history: tuple[date, list[Trip]], year: Literal["calendar", "rolling"]
) -> None:
    on, trips = history
    shift = timedelta(days=3650)
    later = [Trip(t.entry + shift, t.exit + shift if t.exit else None) for t in trips]
    result = assess_stay("RUS", "UZB", "visa_free", on + shift, later, year=year)
    assert 0 <= result.days_used <= 366
    assert result.days_remaining == max(0, DAYS_LIMIT - result.days_used)
