"""Trips from recorded crossings, and the falsification signals: pure, worked by hand."""

from __future__ import annotations

import datetime as dt

from rmis.border.posts import fastest_hours
from rmis.border.signals import PresentedDocument, impossible_travel, other_identities
from rmis.border.trips import Passage, recorded_stays
from rmis.stay import Trip

D = dt.date


def test_an_entry_with_nothing_after_it_is_the_open_trip() -> None:
    stays = recorded_stays(
        [
            Passage("entry", D(2024, 1, 1)),
            Passage("exit", D(2024, 2, 1)),
            Passage("entry", D(2024, 3, 1), "visa-free"),
        ],
        D(2024, 3, 10),
    )
    assert stays.trips == (Trip(D(2024, 1, 1), D(2024, 2, 1)), Trip(D(2024, 3, 1)))
    assert stays.open_grounds == "visa-free" and stays.present


def test_a_missing_exit_counts_only_the_entry_day_and_a_lone_exit_is_ignored() -> None:
    stays = recorded_stays(
        [
            Passage("exit", D(2023, 12, 1)),
            Passage("entry", D(2024, 1, 1)),
            Passage("entry", D(2024, 2, 1)),
            Passage("exit", D(2024, 2, 5)),
        ],
        D(2024, 3, 1),
    )
    assert stays.trips == (Trip(D(2024, 1, 1), D(2024, 1, 1)), Trip(D(2024, 2, 1), D(2024, 2, 5)))
    assert stays.unrecorded_exits == 1 and not stays.present


def test_crossings_after_the_day_judged_are_not_known_yet() -> None:
    stays = recorded_stays(
        [Passage("entry", D(2024, 1, 1)), Passage("exit", D(2024, 2, 1))], D(2024, 1, 15)
    )
    assert stays.trips == (Trip(D(2024, 1, 1)),)


def doc(birth: dt.date | None = D(1990, 1, 2), sex: str = "M") -> PresentedDocument:
    return PresentedDocument(
        "P", "TJK", "401234567", "RAKHMONOV", "DZHAMSHED", "TJK", birth, sex, D(2030, 1, 1)
    )


def test_one_number_carried_by_two_identities() -> None:
    seen = [{"birth_date": "1985-07-07", "sex": "F"}, {"birth_date": "1990-01-02", "sex": "M"}]
    signals = other_identities(doc(), seen, "UZB:401234567")
    assert signals == [
        "TJK document 401234567 is registered to UZB:401234567",
        "document 401234567 was carried with birth date(s) 1985-07-07, not 1990-01-02",
        "document 401234567 was carried by sex F/M",
    ]
    assert other_identities(doc(), [{"birth_date": "1990", "sex": ""}], "TJK:401234567") == []


def test_two_posts_too_far_apart_for_the_time_between() -> None:
    hours = fastest_hours("RUS-DME", "RUS-OVB")
    assert hours is not None and 2.7 < hours < 3.0  # about 2,800 km
    last = {"border_post": "RUS-DME", "at": "2024-04-01T07:00:00+00:00"}
    soon = dt.datetime(2024, 4, 1, 8, 0, tzinfo=dt.UTC)
    signal, note = impossible_travel(last, "RUS-OVB", soon)
    assert signal is not None and "1.0 h earlier" in signal and note is None
    later = dt.datetime(2024, 4, 1, 11, 0, tzinfo=dt.UTC)
    assert impossible_travel(last, "RUS-OVB", later) == (None, None)
    assert impossible_travel(last, "RUS-XXX", soon)[1] is not None
