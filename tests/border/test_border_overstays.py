"""`rmis overstays` in SQL gives the same answer as `rmis.stay`, person by person."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

import pytest

from conftest import crossing
from rmis.border import find_overstays, recorded_stays
from rmis.border.stays import stay_grounds
from rmis.border.trips import Passage
from rmis.model import Crossing, validate_crossing
from rmis.registry import Registry, row_builder, write_crossings
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


def synthetic_crossings(persons: int, seed: int) -> list[dict[str, str]]:
    """Random stays in RUS, 2023-10 to 2025-06: gaps, long stays, missing exits and entries."""
    rng = random.Random(seed)
    out: list[dict[str, str]] = []
    for person in range(persons):
        nationality = rng.choice(NATIONALITIES)
        day = dt.date(2023, 10, 1) + dt.timedelta(days=rng.randrange(200))
        while day < dt.date(2025, 6, 30):
            grounds = rng.choice(["", "", "visa-free", "visa-free", "labour-patent"])
            stay = rng.choice([0, 1, 5, 30, 60, 85, 89, 90, 91, 120, 200, 400])
            _add(out, person, nationality, "entry", day, grounds, rng)
            leave = day + dt.timedelta(days=stay)
            if rng.random() > 0.1:  # an exit not recorded now and then
                _add(out, person, nationality, "exit", leave, "", rng)
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
            at=at.isoformat() + "+03:00",
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
