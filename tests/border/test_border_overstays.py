"""`rmis overstays` in SQL gives the same answer as `rmis.stay`, person by person."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from conftest import crossing
from rmis.border import find_overstays, recorded_stays
from rmis.border.stays import stay_grounds
from rmis.border.trips import Passage
from rmis.model import Crossing, validate_crossing
from rmis.registry import Registry, open_registry, row_builder, write_crossings
from rmis.registry.db import MIGRATIONS
from rmis.registry.tables import crossings
from rmis.stay import HOSTS, assess_stay

HOST = "RUS"
NATIONALITIES = ("TJK", "UZB", "KGZ", "KAZ", "BLR", "RUS")
JUDGED_ON = (
    dt.date(2024, 3, 1),
    dt.date(2024, 7, 15),
    dt.date(2024, 12, 31),
    dt.date(2025, 1, 1),
    dt.date(2025, 2, 20),
    dt.date(2025, 6, 30),
)


def synthetic_crossings(
    persons: int, seed: int, start: dt.date = dt.date(2023, 10, 1), zones: bool = False
) -> list[dict[str, str]]:
    """Random stays in RUS from `start` to 2025-06: gaps, long stays, missing exits and entries.

    With `zones`, each traveller crosses at posts of one clock, from UTC-12 to UTC+14, so the
    same instant falls on different local days for different travellers.
    """
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for person in range(persons):
        nationality = rng.choice(NATIONALITIES)
        offset = f"{rng.randrange(-12, 15):+03d}:00" if zones else "+03:00"
        day = start + dt.timedelta(days=rng.randrange(200))
        while day < dt.date(2025, 6, 30):
            grounds = rng.choice(["", "", "visa-free", "visa-free", "labour-patent"])
            stay = rng.choice([0, 1, 5, 30, 60, 85, 89, 90, 91, 120, 200, 400, 700])
            _add(out, person, nationality, "entry", day, grounds, rng, offset)
            leave = day + dt.timedelta(days=stay)
            if rng.random() > 0.1:  # an exit not recorded now and then
                _add(out, person, nationality, "exit", leave, "", rng, offset)
            day = leave + dt.timedelta(days=rng.choice([0, 1, 2, 10, 45, 100]))
    return out


def _add(
    out: list[dict[str, str]],
    person: int,
    nationality: str,
    direction: str,
    day: dt.date,
    grounds: str,
    rng: random.Random,
    offset: str = "+03:00",
) -> None:
    at = dt.datetime.combine(day, dt.time(rng.randrange(24), rng.randrange(60)))
    other = "TJK" if nationality == "RUS" else nationality
    out.append(
        crossing(
            len(out) + 1,
            event_id=f"RUS-{len(out) + 1:08d}",
            authority="RUS",
            border_post="RUS-DME",
            direction=direction,
            at=at.isoformat() + offset,
            from_country=other if direction == "entry" else "RUS",
            to_country="RUS" if direction == "entry" else other,
            nationality=nationality,
            document_number=f"P{person:07d}",
            grounds=grounds,
        )
    )


def store(registry: Registry, records: list[dict[str, str]]) -> list[Crossing]:
    build = row_builder(registry.dialect)
    stored = []
    for record in records:
        c = validate_crossing(record)
        assert isinstance(c, Crossing), c
        stored.append(c)
    with registry.unit_of_work() as conn:
        write_crossings(conn, [build(c, "test") for c in stored])
    return stored


def expected_overstays(stored: list[Crossing], on: dt.date) -> dict[str, int]:
    """Person by person with `rmis.stay`: {person_key: days_used} of those past their stay."""
    by_person: dict[str, list[Crossing]] = defaultdict(list)
    for c in stored:
        by_person[c.person_key].append(c)
    out = {}
    for key, items in by_person.items():
        nationality = items[0].nationality
        if nationality in HOSTS[HOST].nationals_without_limit or nationality == HOST:
            continue
        items.sort(key=lambda c: c.at_utc)
        passages = [Passage(c.direction.value, c.local_date, c.grounds.value) for c in items]
        stays = recorded_stays(passages, on)
        if not stays.present or stay_grounds(stays.open_grounds or "") != "visa-free":
            continue
        result = assess_stay(HOST, nationality, "visa-free", on, stays.trips)
        if result.overstay_days:
            out[key] = result.days_used
    return out


@pytest.mark.parametrize("seed", [1, 2])
def test_overstays_in_sql_equal_the_stay_rules_person_by_person(
    registry: Registry, seed: int
) -> None:
    stored = store(registry, synthetic_crossings(150, seed))
    for on in JUDGED_ON:
        with registry.reader() as conn:
            found = {row["person_key"]: row["days_used"] for row in find_overstays(conn, HOST, on)}
        expected = expected_overstays(stored, on)
        assert found == expected, on
    assert any(expected_overstays(stored, on) for on in JUDGED_ON)


@pytest.mark.parametrize("seed", [3, 4])
def test_long_histories_at_posts_in_every_time_zone_give_the_same_answer(
    registry: Registry, seed: int
) -> None:
    # stays from 2021 on: most crossings lie before the cut, some trips span it, some travellers
    # have been present since before it; local days and UTC days differ around the cut
    stored = store(registry, synthetic_crossings(150, seed, dt.date(2021, 3, 1), zones=True))
    for on in JUDGED_ON:
        with registry.reader() as conn:
            found = {row["person_key"]: row["days_used"] for row in find_overstays(conn, HOST, on)}
        assert found == expected_overstays(stored, on), on


@pytest.mark.parametrize("present_from", [dt.date(2023, 7, 3), dt.date(2023, 7, 4)])
def test_a_stay_open_since_before_the_cut_counts_the_whole_window(
    registry: Registry, present_from: dt.date
) -> None:
    # judged on 1 Dec 2024 the earlier window (of 31 Dec 2023) starts on 5 Jul 2023, the cut is
    # 00:00 UTC on 4 Jul; trips before it count no day, the open one counts all 180
    records: list[dict[str, str]] = []
    rng = random.Random(0)
    _add(records, 1, "TJK", "entry", dt.date(2022, 1, 10), "", rng)
    _add(records, 1, "TJK", "exit", dt.date(2022, 3, 1), "", rng)
    _add(records, 1, "TJK", "entry", present_from, "visa-free", rng)
    _add(records, 2, "UZB", "entry", dt.date(2023, 5, 1), "", rng)
    _add(records, 2, "UZB", "exit", present_from, "", rng)
    _add(records, 2, "UZB", "entry", present_from, "", rng)
    _add(records, 2, "UZB", "exit", dt.date(2024, 11, 20), "", rng)
    store(registry, records)
    with registry.reader() as conn:
        found = find_overstays(conn, HOST, dt.date(2024, 12, 1))
    assert [(r["person_key"], r["days_used"], r["entered"]) for r in found] == [
        ("TJK:P0000001", 180, present_from.isoformat())
    ]


def test_a_trip_ending_on_the_first_day_of_the_earlier_window_still_counts(
    registry: Registry,
) -> None:
    # judged on 20 Feb 2025 (90 days in the calendar year) and on 31 Dec 2024 (90 in 180,
    # window from 5 Jul 2024): 1 day of the trip that ended on 5 Jul (01:00 there, still 4 Jul
    # in UTC) and the 90 days from 3 Oct make 91 on 31 Dec, so the stay overran then
    # in UTC) and the 90 days from 3 Oct make 91 on 31 Dec, so the stay overran then; one who
    # left at 23:00 on 4 Jul has 90 and is within the limit
    records: list[dict[str, str]] = []
    rng = random.Random(0)
    for person, nationality, left in ((1, "TJK", "07-05T01:00"), (2, "UZB", "07-04T23:00")):
        _add(records, person, nationality, "entry", dt.date(2024, 6, 1), "", rng)
        _add(records, person, nationality, "exit", dt.date(2024, 7, 4), "", rng)
        records[-1]["at"] = f"2024-{left}:00+03:00"
        _add(records, person, nationality, "entry", dt.date(2024, 10, 3), "", rng)
    stored = store(registry, records)
    on = dt.date(2025, 2, 20)
    with registry.reader() as conn:
        found = find_overstays(conn, HOST, on)
    assert [(r["person_key"], r["days_used"]) for r in found] == [("TJK:P0000001", 51)]
    assert expected_overstays(stored, on) == {"TJK:P0000001": 51}


def test_a_trip_ending_on_the_first_day_of_the_judged_window_still_counts(
    registry: Registry,
) -> None:
    # judged on 20 Apr 2025 (90 days in the calendar year): 1 Jan (the exit at 01:00 there,
    # still 31 Dec in UTC) and the 90 days from 21 Jan make 91; one who left at 23:00 on
    # 31 Dec has 90
    records: list[dict[str, str]] = []
    rng = random.Random(0)
    for person, nationality, left in ((1, "TJK", "2025-01-01T01"), (2, "UZB", "2024-12-31T23")):
        _add(records, person, nationality, "entry", dt.date(2024, 12, 20), "", rng)
        _add(records, person, nationality, "exit", dt.date(2025, 1, 1), "", rng)
        records[-1]["at"] = f"{left}:00:00+03:00"
        _add(records, person, nationality, "entry", dt.date(2025, 1, 21), "", rng)
    stored = store(registry, records)
    on = dt.date(2025, 4, 20)
    with registry.reader() as conn:
        found = find_overstays(conn, HOST, on)
    assert [(r["person_key"], r["days_used"]) for r in found] == [("TJK:P0000001", 91)]
    assert expected_overstays(stored, on) == {"TJK:P0000001": 91}


def test_planner_settings_hold_for_the_query_alone(registry: Registry) -> None:
    store(registry, synthetic_crossings(5, 1))
    with registry.unit_of_work() as conn:
        find_overstays(conn, HOST, dt.date(2024, 7, 15))
        if registry.dialect == "postgresql":
            assert conn.exec_driver_sql("SHOW enable_hashagg").scalar() == "on"


def test_a_same_day_exit_and_entry_counts_that_day_once(registry: Registry) -> None:
    records: list[dict[str, str]] = []
    rng = random.Random(0)
    _add(records, 1, "TJK", "entry", dt.date(2024, 1, 1), "", rng)
    _add(records, 1, "TJK", "exit", dt.date(2024, 2, 15), "", rng)
    records[-1]["at"] = "2024-02-15T08:00:00+03:00"
    _add(records, 1, "TJK", "entry", dt.date(2024, 2, 15), "", rng)
    records[-1]["at"] = "2024-02-15T20:00:00+03:00"
    store(registry, records)
    with registry.reader() as conn:
        found = find_overstays(conn, HOST, dt.date(2024, 3, 31))
    # 1 Jan to 31 Mar 2024 is 91 days (a leap year), 15 Feb counted once
    assert [(r["person_key"], r["days_used"], r["entered"]) for r in found] == [
        ("TJK:P0000001", 91, "2024-02-15")
    ]
    with registry.reader() as conn:
        assert find_overstays(conn, HOST, dt.date(2024, 3, 30)) == []


def test_the_migration_builds_the_trips_index_the_table_declares(registry_url: str) -> None:
    registry = open_registry(registry_url, migrate=False)
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    with registry.engine.begin() as conn:  # the migrations alone, no index rebuilt on open
        config.attributes["connection"] = conn
        command.upgrade(config, "heads")
    built = {i["name"]: i for i in inspect(registry.engine).get_indexes("crossings")}
    registry.dispose()
    declared = next(i for i in crossings.indexes if i.name == "ix_crossings_trips")
    index = built["ix_crossings_trips"]
    assert index["column_names"] == [c.name for c in declared.columns]
    if registry.dialect == "postgresql":
        included = index.get("dialect_options", {}).get("postgresql_include")
        assert included == declared.dialect_options["postgresql"]["include"] != []
