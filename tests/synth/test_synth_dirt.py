"""Dirty records: each listed in the manifest with its problems; every other record valid."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from rmis.synth import RegionConfig, RegionManifest, write_region

AUTHORITIES = ("TJK", "RUS", "KAZ", "UZB", "KGZ", "AZE")
COUNTRIES = frozenset({*AUTHORITIES, "ARM", "BLR", "TKM"})
PURPOSES = frozenset({"work", "study", "private", "tourism", "transit", "official", "other"})
GROUNDS = frozenset(
    {"", "visa-free", "labour-patent", "eaeu-contract", "residence-permit", "student"}
)
PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _real_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _partial_date(text: str) -> bool:
    if not text:
        return True
    if not PARTIAL_DATE.match(text):
        return False
    if len(text) == 7:
        return 1 <= int(text[5:]) <= 12
    return len(text) == 4 or _real_date(text)


def _instant(text: str) -> bool:
    try:
        return dt.datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def problems_of(row: dict[str, str]) -> set[tuple[str, str]]:
    """(field, kind) of everything a validating ingest would reject in the record."""
    found = set()
    for name in ("from_country", "to_country"):
        if row[name] not in COUNTRIES:
            found.add((name, "unknown-country"))
    if not _instant(row["at"]):
        found.add(("at", "impossible-date"))
    if not _partial_date(row["birth_date"]):
        found.add(("birth_date", "impossible-date"))
    if row["direction"] not in ("entry", "exit"):
        found.add(("direction", "bad-direction"))
    if not row["surname"]:
        found.add(("surname", "missing-surname"))
    if row["direction"] == "exit" and row["from_country"] in COUNTRIES:
        if row["from_country"] != row["authority"]:
            found.add(("from_country", "authority-mismatch"))
    if row["direction"] == "entry" and row["to_country"] in COUNTRIES:
        if row["to_country"] != row["authority"]:
            found.add(("to_country", "authority-mismatch"))
    if row["sex"] not in ("M", "F", "X", ""):
        found.add(("sex", "bad-sex"))
    if row["nationality"] not in COUNTRIES:
        found.add(("nationality", "bad-nationality"))
    return found


def other_faults(row: dict[str, str]) -> list[str]:
    """Faults the generator never makes, dirty or not."""
    faults = []
    if row["purpose"] not in PURPOSES:
        faults.append("purpose")
    if row["grounds"] not in GROUNDS:
        faults.append("grounds")
    if row["document_type"] != "P" or not row["document_number"]:
        faults.append("document")
    if not _real_date(row["document_expiry"]):
        faults.append("document_expiry")
    return faults


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RegionManifest]:
    out = tmp_path_factory.mktemp("dirty")
    config = RegionConfig(persons=2000, seed=13, dirty_share=0.05, resend_share=0.01)
    return out, write_region(out, config)


def rows(out: Path, code: str) -> list[dict[str, str]]:
    with (out / "crossings" / f"{code}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_dirty_records_are_listed_with_their_problems(
    region: tuple[Path, RegionManifest],
) -> None:
    out, manifest = region
    kinds = set()
    for code in AUTHORITIES:
        listed = {d.event_id: d for d in manifest.dirty[code]}
        for row in rows(out, code):
            assert not other_faults(row), row
            found = problems_of(row)
            entry = listed.get(row["event_id"])
            if entry is None:
                assert not found, row
                continue
            expected = {(p.field, p.kind) for p in entry.problems}
            assert found == expected, row
            for problem in entry.problems:
                assert row[problem.field] == problem.value
                kinds.add(problem.kind)
    assert kinds == {
        "unknown-country",
        "impossible-date",
        "bad-direction",
        "missing-surname",
        "authority-mismatch",
        "bad-sex",
        "bad-nationality",
    }


def test_dirty_share_is_about_as_configured(region: tuple[Path, RegionManifest]) -> None:
    _, manifest = region
    dirty = sum(len(v) for v in manifest.dirty.values())
    assert 0.035 * manifest.total_records < dirty < 0.065 * manifest.total_records
    assert any(len(d.problems) == 2 for v in manifest.dirty.values() for d in v)


def test_lower_case_nationality_is_not_a_code_once_upper_cased(
    region: tuple[Path, RegionManifest],
) -> None:
    _, manifest = region
    for records in manifest.dirty.values():
        for record in records:
            for problem in record.problems:
                if problem.kind == "bad-nationality":
                    assert problem.value.upper() not in COUNTRIES


def test_dirt_does_not_change_the_clean_records(tmp_path: Path) -> None:
    write_region(tmp_path / "a", RegionConfig(persons=300, dirty_share=0.0, resend_share=0.0))
    manifest = write_region(tmp_path / "b", RegionConfig(persons=300, dirty_share=0.05))
    for code in AUTHORITIES:
        dirty = {d.event_id for d in manifest.dirty[code]}
        clean = {r["event_id"]: r for r in rows(tmp_path / "a", code)}
        for row in rows(tmp_path / "b", code):
            if row["event_id"] not in dirty:
                assert row == clean[row["event_id"]]
