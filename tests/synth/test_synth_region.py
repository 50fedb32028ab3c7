"""The synthetic region's files: contract, determinism, ground truth, travel sense."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from rmis.synth import (
    CROSSING_COLUMNS,
    RegionConfig,
    RegionManifest,
    estimate_records,
    iter_region,
    write_region,
)

AUTHORITIES = ("TJK", "RUS", "KAZ", "UZB", "KGZ", "AZE")
HEADER = (
    "event_id,authority,border_post,direction,at,from_country,to_country,surname,given_name,"
    "patronymic,sex,birth_date,nationality,document_type,document_number,document_issuer,"
    "document_expiry,purpose,grounds"
)


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def digest(directory: Path) -> dict[str, str]:
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RegionManifest]:
    out = tmp_path_factory.mktemp("region")
    return out, write_region(out, RegionConfig(persons=3000, seed=11))


@pytest.fixture(scope="module")
def clean_region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RegionManifest]:
    out = tmp_path_factory.mktemp("clean")
    config = RegionConfig(persons=3000, seed=5, dirty_share=0.0, resend_share=0.0)
    return out, write_region(out, config)


def test_header_is_the_contract(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    assert ",".join(CROSSING_COLUMNS) == HEADER
    for code in AUTHORITIES:
        first = (out / "crossings" / f"{code}.csv").read_text(encoding="utf-8").split("\n")[0]
        assert first == HEADER
    truth = (out / "truth.csv").read_text(encoding="utf-8").split("\n")[0]
    assert truth == "authority,event_id,person_id"
    persons = (out / "persons.csv").read_text(encoding="utf-8").split("\n")[0]
    assert persons == "person_id,nationality,sex,birth_date,surname,given_name,patronymic"


def test_files_are_what_a_csv_writer_writes(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    for path in [*(out / "crossings").glob("*.csv"), out / "truth.csv", out / "persons.csv"]:
        text = path.read_text(encoding="utf-8")
        again = io.StringIO()
        csv.writer(again, lineterminator="\n").writerows(csv.reader(io.StringIO(text)))
        assert again.getvalue() == text, path


def test_same_config_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    config = RegionConfig(persons=400, seed=3)
    write_region(tmp_path / "a", config)
    write_region(tmp_path / "b", config)
    write_region(tmp_path / "c", config.model_copy(update={"seed": 4}))
    first, second, other = (digest(tmp_path / n) for n in "abc")
    assert first == second
    assert first.keys() == other.keys()
    assert all(first[k] != other[k] for k in first if k.startswith("crossings"))


def test_event_ids_unique_per_file_except_resends(region: tuple[Path, RegionManifest]) -> None:
    out, manifest = region
    for code in AUTHORITIES:
        rows = read_rows(out / "crossings" / f"{code}.csv")
        assert len(rows) == manifest.records[code]
        counts = Counter(r["event_id"] for r in rows)
        repeated = Counter({k: n - 1 for k, n in counts.items() if n > 1})
        assert repeated == Counter(manifest.resent[code])
        assert all(r["authority"] == code and r["event_id"].startswith(code + "-") for r in rows)


def test_resends_are_exact_copies(region: tuple[Path, RegionManifest]) -> None:
    out, manifest = region
    assert sum(len(v) for v in manifest.resent.values()) > 0
    for code in AUTHORITIES:
        seen: dict[str, dict[str, str]] = {}
        for row in read_rows(out / "crossings" / f"{code}.csv"):
            if row["event_id"] in seen:
                assert row == seen[row["event_id"]]
            seen[row["event_id"]] = row


def test_truth_covers_every_record_and_persons(region: tuple[Path, RegionManifest]) -> None:
    out, manifest = region
    truth = read_rows(out / "truth.csv")
    keys = {(r["authority"], r["event_id"]) for r in truth}
    assert len(keys) == len(truth)
    written = {
        (code, r["event_id"])
        for code in AUTHORITIES
        for r in read_rows(out / "crossings" / f"{code}.csv")
    }
    assert keys == written
    persons = read_rows(out / "persons.csv")
    ids = {p["person_id"] for p in persons}
    assert len(ids) == len(persons) == manifest.persons_written
    assert {r["person_id"] for r in truth} == ids
    assert manifest.persons_written == 3000 + manifest.non_work_persons


def test_iter_region_yields_the_files_rows(tmp_path: Path) -> None:
    config = RegionConfig(persons=300, seed=9)
    write_region(tmp_path, config)
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for authority, record in iter_region(config):
        assert tuple(record) == CROSSING_COLUMNS
        by_file[authority].append(record)
    for code in AUTHORITIES:
        assert by_file[code] == read_rows(tmp_path / "crossings" / f"{code}.csv")


def test_recording_state_is_the_state_left_or_entered(
    clean_region: tuple[Path, RegionManifest],
) -> None:
    out, _ = clean_region
    for code in AUTHORITIES:
        for row in read_rows(out / "crossings" / f"{code}.csv"):
            side = "from_country" if row["direction"] == "exit" else "to_country"
            assert row[side] == code
            assert row["from_country"] != row["to_country"]
            assert row["border_post"].startswith(code + "-")
            assert row["document_issuer"] == row["nationality"]
            assert row["grounds"] == "" or row["authority"] != row["nationality"]


def _instant(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    assert moment.tzinfo is not None
    return moment.astimezone(dt.UTC)


def test_each_person_travels_one_way_at_a_time(
    clean_region: tuple[Path, RegionManifest],
) -> None:
    """Sorted in time, a person's crossings chain: exit X→Y, entry into Y, exit from Y ..."""
    out, _ = clean_region
    owner = {(r["authority"], r["event_id"]): r["person_id"] for r in read_rows(out / "truth.csv")}
    trail: dict[str, list[tuple[dt.datetime, str, str, str]]] = defaultdict(list)
    for code in AUTHORITIES:
        for row in read_rows(out / "crossings" / f"{code}.csv"):
            person = owner[(code, row["event_id"])]
            trail[person].append(
                (_instant(row["at"]), row["direction"], row["from_country"], row["to_country"])
            )
    for person, crossings in trail.items():
        crossings.sort()
        place: str | None = None
        for _, direction, origin, to in crossings:
            if direction == "exit":
                assert place in (None, origin), person
                place = "→" + to
            else:
                assert place in (None, "→" + to), person
                place = to


def test_records_stay_within_the_years(clean_region: tuple[Path, RegionManifest]) -> None:
    out, manifest = clean_region
    for code in AUTHORITIES:
        for row in read_rows(out / "crossings" / f"{code}.csv"):
            assert int(row["at"][:4]) in manifest.years


def test_departures_in_spring_returns_in_autumn(
    clean_region: tuple[Path, RegionManifest],
) -> None:
    out, _ = clean_region
    leaving: Counter[int] = Counter()
    coming: Counter[int] = Counter()
    for row in read_rows(out / "crossings" / "TJK.csv"):
        if row["purpose"] == "work":
            month = int(row["at"][5:7])
            (leaving if row["direction"] == "exit" else coming)[month] += 1
    spring, autumn = (3, 4, 5), (10, 11, 12)
    assert sum(leaving[m] for m in spring) > 1.5 * sum(leaving[m] for m in autumn)
    assert sum(coming[m] for m in autumn) > 3 * sum(coming[m] for m in spring)


def test_some_trips_stay_open_and_some_persons_travel_often(
    clean_region: tuple[Path, RegionManifest],
) -> None:
    out, _ = clean_region
    owner = {(r["authority"], r["event_id"]): r["person_id"] for r in read_rows(out / "truth.csv")}
    trail: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in read_rows(out / "crossings" / "TJK.csv"):
        if row["purpose"] == "work" and row["nationality"] == "TJK":
            trail[owner[("TJK", row["event_id"])]].append((row["at"], row["direction"]))
    for crossings in trail.values():
        crossings.sort()
    began_before = sum(c[0][1] == "entry" for c in trail.values())
    still_abroad = sum(c[-1][1] == "exit" for c in trail.values())
    often = sum(sum(d == "exit" for _, d in c) >= 3 for c in trail.values())
    for count in (began_before, still_abroad, often):
        assert 0.05 * len(trail) < count < 0.6 * len(trail)


def test_kazakhstan_moves_to_utc_plus_five_in_march_2024(tmp_path: Path) -> None:
    write_region(tmp_path, RegionConfig(persons=600, years=(2023, 2024), dirty_share=0.0))
    zones = defaultdict(set)
    for row in read_rows(tmp_path / "crossings" / "KAZ.csv"):
        if row["border_post"] == "KAZ-ALA":
            zones[row["at"][:10] >= "2024-03-01"].add(row["at"][-6:])
    assert zones[False] == {"+06:00"}
    assert zones[True] == {"+05:00"}


def test_offsets_of_other_states(clean_region: tuple[Path, RegionManifest]) -> None:
    out, _ = clean_region
    expected = {"TJK-DYU": "+05:00", "UZB-TAS": "+05:00", "KGZ-FRU": "+06:00"}
    expected |= {"RUS-DME": "+03:00", "AZE-GYD": "+04:00", "RUS-SVX": "+05:00"}
    for code in AUTHORITIES:
        for row in read_rows(out / "crossings" / f"{code}.csv"):
            want = expected.get(row["border_post"])
            assert want is None or row["at"].endswith(want)


def test_progress_reports_every_record(tmp_path: Path) -> None:
    seen: list[int] = []
    manifest = write_region(tmp_path, RegionConfig(persons=2500), progress=seen.append)
    assert sum(seen) == manifest.total_records
    assert len(seen) > 1


def test_estimate_is_close(region: tuple[Path, RegionManifest]) -> None:
    _, manifest = region
    estimate = estimate_records(3000)
    assert abs(manifest.total_records - estimate) < 0.05 * estimate


def test_manifest_file_reads_back(region: tuple[Path, RegionManifest]) -> None:
    out, manifest = region
    text = (out / "manifest.json").read_text(encoding="utf-8")
    assert RegionManifest.model_validate_json(text) == manifest
    assert manifest.sources and manifest.assumptions
    assert set(manifest.records) == set(AUTHORITIES)


def test_config_rejects_gaps_in_years() -> None:
    with pytest.raises(ValueError, match="consecutive"):
        RegionConfig(persons=10, years=(2021, 2023))
    assert RegionConfig(persons=10, years=(2023, 2022)).years == (2022, 2023)


def test_a_tiny_region_still_writes_every_file(tmp_path: Path) -> None:
    manifest = write_region(tmp_path, RegionConfig(persons=1, non_work_share=0.0))
    assert manifest.persons_written == 1
    assert manifest.total_records >= 2
    assert {p.stem for p in (tmp_path / "crossings").glob("*.csv")} == set(AUTHORITIES)
