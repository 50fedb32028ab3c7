"""Russia's day limits, cases worked through by hand.

Windows are [d - 179, d]; the day of entry and the day of exit both count.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

import pytest

from rmis.stay import (
    DAYS_LIMIT,
    WINDOW_DAYS,
    StayResult,
    Trip,
    assess_stay,
    window_start,
    year_window_start,
)


def visa_free(
    on: date, *trips: Trip, year: Literal["calendar", "rolling"] = "calendar"
) -> StayResult:
    return assess_stay("RUS", "UZB", "visa_free", on, trips, year=year)


def test_constants_for_set_based_counting() -> None:
    assert (DAYS_LIMIT, WINDOW_DAYS) == (90, 180)
    assert window_start(date(2023, 12, 31)) == date(2023, 7, 5)
    assert year_window_start(date(2025, 8, 1)) == date(2025, 1, 1)
    assert year_window_start(date(2025, 8, 1), "rolling") == date(2024, 8, 2)


def test_entry_and_exit_days_both_count() -> None:
    result = visa_free(date(2023, 3, 31), Trip(date(2023, 3, 1), date(2023, 3, 10)))
    assert result.days_used == 10
    assert result.days_remaining == 80


def test_same_day_entry_and_exit_is_one_day() -> None:
    result = visa_free(date(2023, 3, 31), Trip(date(2023, 3, 5), date(2023, 3, 5)))
    assert result.days_used == 1


def test_window_edge_day_179_back_counts_day_180_back_does_not() -> None:
    on = date(2023, 12, 31)  # window [5 Jul 2023, 31 Dec 2023]
    inside = visa_free(on, Trip(date(2023, 7, 1), date(2023, 7, 5)))
    outside = visa_free(on, Trip(date(2023, 7, 1), date(2023, 7, 4)))
    assert (inside.days_used, outside.days_used) == (1, 0)
    assert len(inside.counted_trips) == 1
    assert outside.counted_trips == ()


def test_window_across_29_february() -> None:
    # 31 Mar 2024 - 179 days = 4 Oct 2023 (a leap February in between); in 2023, 3 Oct 2022.
    assert window_start(date(2024, 3, 31)) == date(2023, 10, 4)
    assert window_start(date(2023, 3, 31)) == date(2022, 10, 3)
    trip = Trip(date(2023, 10, 1), date(2023, 10, 4))
    assert visa_free(date(2024, 3, 31), trip).days_used == 1


def test_open_trip_latest_exit_in_a_leap_year() -> None:
    # 31 days of January + 29 of February + 30 of March = 90.
    leap = visa_free(date(2024, 2, 1), Trip(date(2024, 1, 1)))
    assert leap.latest_exit == date(2024, 3, 30)
    common = visa_free(date(2023, 2, 1), Trip(date(2023, 1, 1)))
    assert common.latest_exit == date(2023, 3, 31)


def test_open_trip_counts_through_the_day_judged() -> None:
    result = visa_free(date(2024, 6, 1), Trip(date(2024, 3, 1)))
    assert result.days_used == 93  # 31 + 30 + 31 + 1
    assert result.latest_exit == date(2024, 5, 29)
    assert result.overstay_days == 3
    assert result.days_over_limit_in_window == 3
    assert result.days_remaining == 0


def test_latest_exit_lets_old_days_leave_the_sliding_window() -> None:
    # 90 days from 1 Nov 2023 to 29 Jan 2024, out for 90 days, back on 29 Apr 2024.
    # Each day one old day leaves the window as one new day enters: the count stays at 90
    # until the old trip has left, then the new trip has its own 90 days: to 27 Jul 2024.
    first = Trip(date(2023, 11, 1), date(2024, 1, 29))
    result = visa_free(date(2024, 4, 29), first, Trip(date(2024, 4, 29)))
    assert result.days_used == 90
    assert result.days_remaining == 0
    assert result.latest_exit == date(2024, 7, 27)
    assert result.overstay_days == 0


def test_entering_with_no_days_left_gives_a_latest_exit_before_entry() -> None:
    first = Trip(date(2023, 11, 1), date(2024, 1, 29))
    result = visa_free(date(2024, 2, 10), first, Trip(date(2024, 2, 10)))
    assert result.latest_exit == date(2024, 2, 9)
    assert result.overstay_days == 1


def test_no_open_trip_means_no_latest_exit() -> None:
    result = visa_free(date(2023, 6, 1), Trip(date(2023, 3, 1), date(2023, 3, 10)))
    assert (result.latest_exit, result.overstay_days) == (None, 0)


def test_trips_after_the_day_judged_are_ignored_and_later_exits_not_yet_made() -> None:
    result = visa_free(
        date(2023, 3, 10), Trip(date(2023, 3, 1), date(2023, 3, 20)), Trip(date(2023, 4, 1))
    )
    assert result.days_used == 10
    assert result.latest_exit == date(2023, 5, 29)


def test_the_2025_rule_applies_to_a_day_judged_in_2025() -> None:
    autumn = Trip(date(2024, 11, 1), date(2024, 12, 31))  # 61 days
    result = visa_free(date(2025, 1, 20), autumn, Trip(date(2025, 1, 10)))
    assert result.rule.code == "RUS-90/365"
    assert result.days_used == 11  # calendar year: 10 to 20 January
    assert result.days_remaining == 79
    assert result.latest_exit == date(2025, 4, 9)  # 22 + 28 + 31 + 9 = 90 days of 2025


def test_the_2025_rule_with_a_rolling_year() -> None:
    autumn = Trip(date(2024, 11, 1), date(2024, 12, 31))
    result = visa_free(date(2025, 1, 20), autumn, Trip(date(2025, 1, 10)), year="rolling")
    assert result.days_used == 72  # 61 + 11
    assert result.days_remaining == 18
    assert result.latest_exit == date(2025, 2, 7)  # 61 + 29 = 90


def test_a_stay_across_new_year_2025_under_each_reading_of_the_year() -> None:
    stay = Trip(date(2024, 11, 1))
    calendar = visa_free(date(2025, 1, 5), stay)
    assert calendar.days_used == 5
    assert calendar.latest_exit == date(2025, 3, 31)
    rolling = visa_free(date(2025, 1, 5), stay, year="rolling")
    assert rolling.days_used == 66
    assert rolling.latest_exit == date(2025, 1, 29)


def test_a_day_before_the_rules_in_force_is_refused() -> None:
    with pytest.raises(ValueError, match="no RUS stay rule"):
        visa_free(date(2010, 1, 1), Trip(date(2009, 12, 1)))


@pytest.mark.parametrize(("host", "nationality"), [("FRA", "UZB"), ("RUS", "RUS"), ("RUS", "QQQ")])
def test_unknown_host_own_citizens_and_bad_codes_are_refused(host: str, nationality: str) -> None:
    with pytest.raises(ValueError):
        assess_stay(host, nationality, "visa_free", date(2023, 1, 1), [])


def test_two_trips_still_running_are_refused() -> None:
    with pytest.raises(ValueError, match="more than one"):
        visa_free(date(2023, 5, 1), Trip(date(2023, 1, 1)), Trip(date(2023, 3, 1)))


def test_a_trip_cannot_exit_before_it_enters() -> None:
    with pytest.raises(ValueError):
        Trip(date(2023, 3, 2), date(2023, 3, 1))


def test_json_contract() -> None:
    first = Trip(date(2023, 11, 1), date(2024, 1, 29))
    document = visa_free(date(2024, 4, 29), first, Trip(date(2024, 4, 29))).to_json_dict()
    assert document == {
        "days_used": 90,
        "days_remaining": 0,
        "latest_exit": "2024-07-27",
        "overstay_days": 0,
        "ban": None,
        "trips": [
            {"entry": "2023-11-01", "exit": "2024-01-29", "days_counted": 89},
            {"entry": "2024-04-29", "exit": None, "days_counted": 1},
        ],
    }
