"""Calibration: exact departures for work per origin and year, shares within a point."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rmis.synth import RegionConfig, RegionManifest, write_region
from rmis.synth.calibration import (
    TAJIK_MEN_2023,
    TAJIK_WOMEN_2023,
    TAJIK_WORK_DEPARTURES,
    arrange_years,
    plan_work,
    split_exactly,
    work_target,
)

PERSONS = 6000


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RegionManifest]:
    out = tmp_path_factory.mktemp("calibrated")
    config = RegionConfig(persons=PERSONS, seed=21, dirty_share=0.0, resend_share=0.0)
    return out, write_region(out, config)


def departures(out: Path, origin: str) -> dict[int, dict[str, tuple[str, str]]]:
    """Per year: person -> (sex, destination) of their first exit for work from `origin`."""
    with (out / "truth.csv").open(encoding="utf-8", newline="") as handle:
        owner = {(r["authority"], r["event_id"]): r["person_id"] for r in csv.DictReader(handle)}
    rows = []
    with (out / "crossings" / f"{origin}.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["direction"] == "exit" and row["purpose"] == "work":
                if row["nationality"] == origin:
                    rows.append(row)
    rows.sort(key=lambda r: r["at"])
    out_by_year: dict[int, dict[str, tuple[str, str]]] = {}
    for row in rows:
        person = owner[(origin, row["event_id"])]
        year = out_by_year.setdefault(int(row["at"][:4]), {})
        year.setdefault(person, (row["sex"], row["to_country"]))
    return out_by_year


def test_tajik_departures_are_exact(region: tuple[Path, RegionManifest]) -> None:
    out, manifest = region
    counted = departures(out, "TJK")
    for year, national in TAJIK_WORK_DEPARTURES.items():
        expected = round(national * manifest.scale)
        assert len(counted[year]) == expected
        target = next(c for c in manifest.calibration if (c.origin, c.year) == ("TJK", year))
        assert target.departures == target.written == expected


@pytest.mark.parametrize("origin", ["TJK", "UZB", "KGZ", "KAZ", "AZE"])
def test_every_origin_meets_its_scaled_target(
    region: tuple[Path, RegionManifest], origin: str
) -> None:
    out, manifest = region
    counted = departures(out, origin)
    for target in manifest.calibration:
        if target.origin == origin:
            assert len(counted.get(target.year, {})) == target.departures
            assert target.departures == round(target.national * manifest.scale)


def test_tajik_shares_of_men_and_destinations(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    men_share = TAJIK_MEN_2023 / (TAJIK_MEN_2023 + TAJIK_WOMEN_2023)
    shares = {"RUS": 627_028 / 652_014, "KAZ": 18_418 / 652_014, "other": 6_568 / 652_014}
    for year, persons in departures(out, "TJK").items():
        sexes = Counter(sex for sex, _ in persons.values())
        assert abs(sexes["M"] / len(persons) - men_share) < 0.01, year
        places = Counter(to if to in ("RUS", "KAZ") else "other" for _, to in persons.values())
        for place, share in shares.items():
            assert abs(places[place] / len(persons) - share) < 0.01, (year, place)


def test_many_work_in_both_years(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    counted = departures(out, "TJK")
    both = set(counted[2022]) & set(counted[2023])
    assert len(both) > 0.6 * len(counted[2023])


def test_scale_follows_persons() -> None:
    small, large = plan_work(10_000, (2022, 2023)), plan_work(20_000, (2022, 2023))
    assert large.scale == pytest.approx(2 * small.scale)
    assert sum(s.persons for s in large.strata) == 20_000


def test_years_without_figures_take_the_nearest() -> None:
    assert work_target("TJK", 2021) == TAJIK_WORK_DEPARTURES[2022]
    assert work_target("TJK", 2025) == TAJIK_WORK_DEPARTURES[2023]
    assert work_target("UZB", 2023) == pytest.approx(652_014 * 1.2 / 1.5)


@given(st.integers(0, 10_000), st.lists(st.floats(0.0, 10.0), min_size=1, max_size=6))
def test_split_exactly_sums(total: int, shares: list[float]) -> None:
    parts = split_exactly(total, shares)
    assert len(parts) == len(shares)
    assert all(p >= 0 for p in parts)
    assert sum(parts) == (total if sum(shares) > 0 else 0)


@given(st.integers(1, 5_000), st.lists(st.floats(0.0, 1.0), min_size=1, max_size=4))
def test_arrange_years_meets_every_count(pool: int, fractions: list[float]) -> None:
    counts = [round(f * pool) for f in fractions]
    patterns = arrange_years(pool, counts)
    assert sum(n for _, n in patterns) == pool
    for i, count in enumerate(counts):
        assert sum(n for works, n in patterns if works[i]) == count
    idle = sum(n for works, n in patterns if not any(works))
    assert idle == max(0, pool - sum(counts))
