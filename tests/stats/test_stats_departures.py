"""Departures as the Council reads them: distinct persons, by sex and destination."""

from __future__ import annotations

from pathlib import Path

from conftest import crossing, write_csv
from rmis.ingest import ingest_file
from rmis.model import system_principal
from rmis.registry import Registry
from rmis.stats import DepartureQuery, departures_report, departures_sentence


def load(registry: Registry, tmp_path: Path) -> None:
    def exit_(n: int, person: int, at: str, **kw: str) -> dict[str, str]:
        return crossing(n, document_number=f"40000{person:04d}", at=at, **kw)

    records = [
        # person 1: two exits in 2023 (RUS in March, KAZ in June): counted once, to RUS
        exit_(1, 1, "2023-03-01T08:00:00+05:00"),
        exit_(2, 1, "2023-06-01T08:00:00+05:00", to_country="KAZ"),
        # person 2: a woman to KAZ
        exit_(3, 2, "2023-05-01T08:00:00+05:00", sex="F", to_country="KAZ"),
        # person 3: studies, so not a departure for work
        exit_(4, 3, "2023-09-01T08:00:00+05:00", purpose="study"),
        # person 4: an Uzbek national leaving Tajikistan
        exit_(5, 4, "2023-04-01T08:00:00+05:00", nationality="UZB"),
        # person 5: left on 31 Dec 2023 local time (already 2023-12-31 19:30 UTC)
        exit_(6, 5, "2024-01-01T00:30:00+05:00"),
        exit_(7, 6, "2023-12-31T23:30:00+05:00"),
        # 2022: three persons, one of them also in 2023
        exit_(8, 1, "2022-04-01T08:00:00+05:00"),
        exit_(9, 7, "2022-04-01T08:00:00+05:00"),
        exit_(10, 8, "2022-04-01T08:00:00+05:00", sex="F"),
        # an entry is not a departure
        crossing(11, direction="entry", from_country="RUS", to_country="TJK"),
    ]
    ingest_file(
        registry,
        write_csv(tmp_path / "x.csv", records),
        system_principal("TJK", "t"),
        node_authority="TJK",
    )


def test_departures_count_each_person_once_by_first_exit(
    registry: Registry, tmp_path: Path
) -> None:
    load(registry, tmp_path)
    with registry.reader() as conn:
        report = departures_report(conn, DepartureQuery("TJK", 2023, purpose="work"))
    assert report["persons"] == 3
    assert report["by_sex"] == {"M": 2, "F": 1}
    assert report["by_destination"] == {"RUS": 2, "KAZ": 1}
    assert report["previous_year"] == {"year": 2022, "persons": 3}
    assert report["change"] == {"persons": 0, "percent": 0.0}


def test_without_purpose_every_departure_counts_and_nationality_selects(
    registry: Registry, tmp_path: Path
) -> None:
    load(registry, tmp_path)
    with registry.reader() as conn:
        everyone = departures_report(conn, DepartureQuery("TJK", 2023))
        uzbeks = departures_report(conn, DepartureQuery("TJK", 2023, nationality="UZB"))
        next_year = departures_report(conn, DepartureQuery("TJK", 2024, purpose="work"))
    assert everyone["persons"] == 4
    assert uzbeks["persons"] == 1
    assert next_year["persons"] == 1
    assert next_year["change"] == {"persons": -2, "percent": -66.7}


def test_the_sentence_reads_like_the_council_report() -> None:
    report = {
        "nationality": "TJK",
        "year": 2023,
        "purpose": "work",
        "persons": 652014,
        "by_sex": {"M": 554804, "F": 97210},
        "by_destination": {"RUS": 627028, "KAZ": 18418},
        "previous_year": {"year": 2022, "persons": 775578},
        "change": {"persons": -123564, "percent": -15.9},
    }
    assert departures_sentence(report) == (
        "652,014 TJK nationals left for work in 2023 (554,804 men, 97,210 women), "
        "123,564 or 16% fewer than 2022 (775,578); 627,028 to RUS, 18,418 to KAZ."
    )


def test_a_linked_person_with_two_passports_is_counted_once(
    registry: Registry, tmp_path: Path
) -> None:
    import datetime as dt

    from sqlalchemy import insert

    from rmis.registry.linkage_tables import linked_persons, person_records

    records = [
        crossing(1, document_number="400001111", at="2023-03-01T08:00:00+05:00"),
        crossing(
            2, document_number="400002222", at="2023-07-01T08:00:00+05:00", to_country="KAZ"
        ),  # fmt: skip
        crossing(3, document_number="400003333", at="2023-08-01T08:00:00+05:00", sex="F"),
    ]
    ingest_file(registry, write_csv(tmp_path / "x.csv", records), system_principal("TJK", "t"),
                node_authority="TJK")  # fmt: skip
    with registry.reader() as conn:
        before = departures_report(conn, DepartureQuery("TJK", 2023, purpose="work"))
    assert before["persons"] == 3
    now, person = dt.datetime.now(dt.UTC), "0190f0a0-0000-7000-8000-000000000001"
    with registry.unit_of_work() as conn:
        conn.execute(insert(linked_persons).values(person_id=person, created_at=now))
        conn.execute(
            insert(person_records),
            [{"authority": "TJK", "event_id": f"TJK-{n:08d}", "identity_key": f"k{n}",
              "person_id": person, "linked_at": now} for n in (1, 2)],
        )  # fmt: skip
    with registry.reader() as conn:
        after = departures_report(conn, DepartureQuery("TJK", 2023, purpose="work"))
    assert after["persons"] == 2
    assert after["by_sex"] == {"M": 1, "F": 1}
    assert after["by_destination"] == {"RUS": 2}  # the first exit of the linked person
