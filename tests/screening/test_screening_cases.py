"""Hand-written cases from naming practice in each script and transliteration."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from rmis.names import PersonName
from rmis.screening import ScreeningQuery, WatchlistEntry, WatchlistIndex

CASES = list(csv.DictReader((Path(__file__).parent / "screening_cases.csv").open(encoding="utf-8")))


def _query(row: dict[str, str]) -> ScreeningQuery:
    name = PersonName(row["q_surname"], row["q_given"], row["q_patronymic"])
    return ScreeningQuery("Q", name, row["q_birth"], row["q_sex"], "", row["q_document"])


def _entry(row: dict[str, str]) -> WatchlistEntry:
    name = PersonName(row["e_surname"], row["e_given"], row["e_patronymic"])
    documents = (row["e_document"],) if row["e_document"] else ()
    return WatchlistEntry("E", (name,), row["e_birth"], row["e_sex"], "", documents)


@pytest.mark.parametrize("row", CASES, ids=[c["case"] for c in CASES])
def test_screening_decides_as_a_liaison_would(row: dict[str, str]) -> None:
    hits = WatchlistIndex.build([_entry(row)]).screen(_query(row))
    decision = hits[0].decision.value if hits else "none"
    assert decision == row["expected"], hits
