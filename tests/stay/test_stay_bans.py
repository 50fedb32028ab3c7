"""Overstay and the re-entry bans of Russia's 114-FZ (thresholds to confirm)."""

from __future__ import annotations

from datetime import date

import pytest

from rmis.stay import Trip, assess_stay
from rmis.stay.russia import russian_reentry_ban


@pytest.mark.parametrize(
    ("overstay", "years", "basis", "mandatory"),
    [
        (31, 3, "114-FZ art. 26 p. 8", False),
        (180, 3, "114-FZ art. 26 p. 8", False),
        (181, 3, "114-FZ art. 27 p. 1 sub-p. 12", True),
        (270, 3, "114-FZ art. 27 p. 1 sub-p. 12", True),
        (271, 5, "114-FZ art. 27 p. 1 sub-p. 13", True),
        (365, 5, "114-FZ art. 27 p. 1 sub-p. 13", True),
        (366, 10, "114-FZ art. 27 p. 1 sub-p. 14", True),
    ],
)
def test_ban_thresholds(overstay: int, years: int, basis: str, mandatory: bool) -> None:
    ban = russian_reentry_ban(overstay, date(2024, 2, 29))
    assert ban is not None
    assert (ban.years, ban.basis, ban.mandatory, ban.overstay_days) == (
        years,
        basis,
        mandatory,
        overstay,
    )
    assert ban.start == date(2024, 2, 29)
    assert ban.until == date(2024 + years, 2, 28)


@pytest.mark.parametrize("overstay", [0, 1, 30])
def test_leaving_within_30_days_brings_no_ban(overstay: int) -> None:
    assert russian_reentry_ban(overstay, date(2024, 1, 1)) is None


def test_open_overstay_two_figures_and_the_ban_if_leaving_today() -> None:
    result = assess_stay("RUS", "UZB", "visa_free", date(2022, 7, 15), [Trip(date(2022, 1, 1))])
    assert result.latest_exit == date(2022, 3, 31)
    assert result.overstay_days == 106  # 1 April to 15 July
    assert result.days_over_limit_in_window == 90  # EU calculator: 180 in window - 90
    assert result.ban is not None
    assert (result.ban.years, result.ban.mandatory) == (3, False)
    assert (result.ban.start, result.ban.until) == (date(2022, 7, 15), date(2025, 7, 15))


def test_a_past_overstay_bars_entry_while_its_ban_runs() -> None:
    trips = [Trip(date(2021, 1, 1), date(2022, 6, 30))]
    result = assess_stay("RUS", "TJK", "visa_free", date(2023, 1, 1), trips)
    assert result.overstay_days == 0  # no open trip
    assert result.ban is not None
    assert result.ban.overstay_days == 456  # 1 Apr 2021 to 30 Jun 2022
    assert (result.ban.years, result.ban.basis) == (10, "114-FZ art. 27 p. 1 sub-p. 14")
    assert result.ban.until == date(2032, 6, 30)
    assert result.to_json_dict()["ban"] == {
        "basis": "114-FZ art. 27 p. 1 sub-p. 14",
        "years": 10,
        "mandatory": True,
        "overstay_days": 456,
        "start": "2022-06-30",
        "until": "2032-06-30",
    }


def test_a_ban_that_has_run_out_is_not_reported() -> None:
    trips = [Trip(date(2015, 1, 1), date(2015, 6, 30))]
    result = assess_stay("RUS", "TJK", "visa_free", date(2019, 1, 1), trips)
    assert result.ban is None
