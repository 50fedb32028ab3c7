"""The short way for plainly valid records decides and stores exactly as the full model does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from conftest import crossing, write_csv
from rmis.ingest import RawRecord, check_record, ingest_file, read_records
from rmis.ingest.fastpath import quick_row, quick_values
from rmis.ingest.readers import as_record, read_lines
from rmis.model import CROSSING_FIELDS, Crossing, system_principal
from rmis.registry import Registry, list_quarantined, open_registry, row_builder
from rmis.registry.tables import crossings

NODE = "TJK"
SOURCE = "crossings.csv"
sqlite_row = row_builder("sqlite")

OFFSETS = ["+05:00", "+03:00", "+00:00", "-01:00", "+05:30", "+05:45", "+14:00", "-12:00", "Z", ""]
# text the model reads in a way one could get wrong: whitespace it strips (or does not), other
# scripts' digits, week dates, impossible dates and times, control and format characters
TRICKY = [
    "",
    " ",
    " TJK",
    "TJK ",
    "tjk",
    "RUS",
    "KAZ",
    "XYZ",
    "D",
    "\u00a0Ali",
    "Ali\u3000",
    "\x1cAli",
    "Ali\x1f",
    "A\u200bli",
    "A\ufeffli",
    "Ali\n",
    "A\x00li",
    "\x00",
    "Ali\tKhan",
    "A\x7fli",
    "A\x85li",
    "\x85Ali",
    "A\x9fli",
    "4000\x0000001",
    "A\ud800li",
    "\udcffAli",
    "1990",
    "1990-05",
    "1990-13",
    "1990-02-30",
    "2000-02-29",
    "1990-W01-1",
    "١٩٩٠",
    "1990\n",
    "2030-01-01",
    "2030-1-01",
    "20300101",
    "2030-W01-1",
    "2030-01-01T00:00:00",
    "٢٠٣٠-01-01",
    "0001-01-01",
    "1899-12-31",
    "1900",
    "2200-12-31",
    "2201",
    "9999-12-31",
    "0001-01-01T00:00+05:00",
    "0001-01-01T03:00:00+05:00",
    "9999-12-31T23:00:00-05:00",
    "1899-12-31T23:00:00+00:00",
    "1900-01-01T00:00:00+14:00",
    "2200-12-31T23:00:00-12:00",
    "2023-02-30T10:00:00+05:00",
    "2023-04-12T06:60:00+05:00",
    "2023-04-12T06:35:60+05:00",
    "2023-04-12T24:00:00+05:00",
    "2023-04-12T06:35:00+24:00",
    "2023-04-12T06:35:00+05:00 ",
    " 2023-04-12T06:35:00+05:00",
    "2023-W15-3T06:35:00+05:00",
    "2023-04-12T06:3५:00+05:00",
    "2023-04-12T06:35:00.5+05:00",
    "2023-04-12 06:35:00+05:00",
    "20230412T063500+0500",
    "2023-04-12T06:35:00",
    "entry",
    "exit",
    "Exit",
    "M",
    "F",
    "X",
    "m",
    "P",
    "PS",
    "P<",
    "<P",
    "p",
    "work",
    "WORK",
    "visa-free",
    "x" * 33,
    "ß" * 16,
    "ß" * 17,
    "\ufb03" * 11,
    "x" * 65,
    "я" * 200,
    "я" * 201,
]


@st.composite
def instants(draw: st.DrawFn) -> str:
    """Mostly real instants; few hours and many minutes, so that hours worked out already are
    met again, now and then with a minute or second that does not exist."""
    day = draw(st.dates(dt.date(2021, 12, 30), dt.date(2022, 1, 2)))
    hour = draw(st.sampled_from([0, 1, 4, 5, 12, 19, 22, 23]))
    minute = draw(st.integers(0, 61))
    second = draw(st.sampled_from([0, 0, 0, 59, 60]))
    sep = draw(st.sampled_from(["T", "T", "T", " "]))
    text = f"{day.isoformat()}{sep}{hour:02d}:{minute:02d}:{second:02d}"
    if draw(st.integers(0, 9)) == 0:
        text += ".250000"
    return text + draw(st.sampled_from(OFFSETS))


@st.composite
def good_records(draw: st.DrawFn) -> dict[str, str]:
    """Records of the node's kind, valid or nearly so."""
    direction = draw(st.sampled_from(["exit", "entry"]))
    other = draw(st.sampled_from(["RUS", "KAZ", "UZB", "XXA"]))
    record = crossing(
        draw(st.integers(1, 10**6)),
        direction=direction,
        authority=NODE,
        from_country=NODE if direction == "exit" else other,
        to_country=other if direction == "exit" else NODE,
        at=draw(instants()),
        surname=draw(st.sampled_from(["Раҳмонов", "Rahmonov", "O'Neil", "Ли Мин"])),
        given_name=draw(st.sampled_from(["", "Ҷамшед", "Jamshed"])),
        patronymic=draw(st.sampled_from(["", "Зафар угли", "Karimovich"])),
        sex=draw(st.sampled_from(["M", "F", "X", ""])),
        birth_date=draw(st.sampled_from(["", "1990", "1990-05", "1990-01-02", "2000-02-29"])),
        document_type=draw(st.sampled_from(["P", "PS", "ID", "P<"])),
        document_number=draw(st.sampled_from(["400000001", "fa1561681", "N 123"])),
        document_issuer=draw(st.sampled_from(["TJK", "", "RUS"])),
        document_expiry=draw(st.sampled_from(["", "2030-01-01", "2029-12-31"])),
        purpose=draw(st.sampled_from(["work", "study", "other"])),
        grounds=draw(st.sampled_from(["", "visa-free", "labour-patent"])),
    )
    return record


@st.composite
def damaged_records(draw: st.DrawFn) -> dict[str, Any]:
    """Good records with some fields replaced by tricky or arbitrary text, or left out."""
    record: dict[str, Any] = draw(good_records())
    for name in draw(st.sets(st.sampled_from(CROSSING_FIELDS), min_size=1, max_size=4)):
        choice = draw(st.integers(0, 6))
        if choice == 0:
            del record[name]
        elif choice == 1:
            record[name] = draw(st.text(max_size=12))
        elif choice == 2 and name in record:
            # a control character (NUL, C0, DEL, C1) somewhere in the field's own value
            value = record[name]
            at = draw(st.integers(0, len(value)))
            control = draw(st.characters(categories=["Cc"]))
            record[name] = value[:at] + control + value[at:]
        else:
            record[name] = draw(st.sampled_from(TRICKY))
    return record


def assert_same_as_full_model(record: dict[str, Any]) -> None:
    """The short way either declines or gives the full model's row; the pipeline's outcome
    (short way, else full model) is then the full model's, problems included."""
    full = check_record(RawRecord(2, "raw", dict(record)), NODE)
    row = quick_row(dict(record), NODE, SOURCE)
    if row is not None:
        assert isinstance(full, Crossing), (record, full)
        assert row == sqlite_row(full, SOURCE)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(good_records())
def test_good_records_take_the_short_way_to_the_same_row(record: dict[str, str]) -> None:
    assert_same_as_full_model(record)


@settings(max_examples=1500, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_records())
def test_damaged_records_are_never_let_through_differently(record: dict[str, Any]) -> None:
    assert_same_as_full_model(record)


@given(st.dictionaries(st.sampled_from(CROSSING_FIELDS), st.text(max_size=30)))
def test_arbitrary_records_are_never_let_through_differently(record: dict[str, str]) -> None:
    assert_same_as_full_model(record)


def test_the_usual_record_takes_the_short_way() -> None:
    for overrides in ({}, {"given_name": "", "document_issuer": "", "document_expiry": ""}):
        record = crossing(**overrides)
        row = quick_row(record, NODE, SOURCE)
        full = check_record(RawRecord(2, "raw", record), NODE)
        assert isinstance(full, Crossing)
        assert row == sqlite_row(full, SOURCE)


def test_records_of_another_node_or_with_reading_problems_go_the_full_way() -> None:
    assert quick_row(crossing(authority="RUS"), NODE, SOURCE) is None
    assert quick_row(crossing(), "RUS", SOURCE) is None
    assert quick_row({**crossing(), "surname": " Rahmonov"}, NODE, SOURCE) is None


def test_an_hour_worked_out_once_serves_its_other_minutes() -> None:
    first = quick_row(crossing(1, at="2023-04-12T00:35:00+05:00"), NODE, SOURCE)
    second = quick_row(crossing(2, at="2023-04-12T00:59:59+05:00"), NODE, SOURCE)
    bad_minute = quick_row(crossing(3, at="2023-04-12T00:60:00+05:00"), NODE, SOURCE)
    assert first is not None and second is not None and bad_minute is None
    assert (first[4], first[5]) == ("2023-04-11 19:35:00+00:00", "2023-04-12")
    assert (second[4], second[5]) == ("2023-04-11 19:59:59+00:00", "2023-04-12")


def test_a_file_stores_and_holds_the_same_either_way(tmp_path: Path, registry_url: str) -> None:
    """Whole-file check: the short way on and off give equal registries and quarantines."""
    # text a UTF-8 file can hold (NUL included: held, never stored, on either database)
    values = [t for t in TRICKY if not any(0xD800 <= ord(c) < 0xE000 for c in t)]
    records = []
    for i in range(1, 301):
        tricky: dict[str, str] = {}
        if i % 7 == 0:
            tricky = {"surname": values[i % len(values)]}
        elif i % 5 == 0:
            tricky = {"document_number": values[i % len(values)]}
        elif i % 11 == 0:
            tricky = {"at": values[i % len(values)]}
        elif i % 13 == 0:
            tricky = {"birth_date": values[i % len(values)]}
        records.append(crossing(i, **tricky))
    path = write_csv(tmp_path / SOURCE, records)
    outcomes = []
    for shortcut in (True, False):
        registry = fresh_registry(registry_url, tmp_path, shortcut)
        operator = system_principal(NODE, "ingest")
        summary = ingest_file(registry, path, operator, node_authority=NODE, shortcut=shortcut)
        with registry.reader() as conn:
            stored = conn.execute(select(crossings).order_by(crossings.c.event_id)).all()
            held = sorted((r.line, r.raw, r.problems) for r in list_quarantined(conn, limit=1000))
        outcomes.append(
            (summary.read, summary.stored, summary.quarantined, [r[1:] for r in stored], held)
        )
        registry.dispose()
    assert outcomes[0][2] > 0
    assert outcomes[0] == outcomes[1]
    assert len(list(read_records(path))) == 300


def fresh_registry(url: str, tmp_path: Path, shortcut: bool) -> Registry:
    if url.startswith("sqlite"):
        return open_registry(f"sqlite:///{tmp_path / f'registry-{shortcut}.sqlite'}")
    registry = open_registry(url)
    with registry.unit_of_work() as conn:
        for table in ("crossings", "persons", "documents", "quarantine"):
            conn.exec_driver_sql(f"DELETE FROM {table}")
    return registry


def test_plain_lines_are_the_records_read_records_gives(tmp_path: Path) -> None:
    records = [crossing(i) for i in range(1, 6)]
    records[1]["surname"] = "Two, Parts"  # quoted in the file: read the careful way
    path = write_csv(tmp_path / SOURCE, records)
    with path.open("ab") as f:
        f.write(b"TJK-X,TJK,TJK-DYU,exit\n")  # too few columns
        f.write(b"\n")
    lines = list(read_lines(path))
    assert [type(x).__name__ for x in lines] == [
        "tuple",
        "RawRecord",
        "tuple",
        "tuple",
        "tuple",
        "RawRecord",
    ]
    as_records = [as_record(x) if isinstance(x, tuple) else x for x in lines]
    assert as_records == list(read_records(path))


def test_a_file_in_another_column_order_is_read_record_by_record(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    names = list(reversed(CROSSING_FIELDS))
    with path.open("w", encoding="utf-8") as f:
        f.write(",".join(names) + "\n")
        f.write(",".join(crossing(1)[n] for n in names) + "\n")
    (only,) = read_lines(path)
    assert isinstance(only, RawRecord) and only.fields == crossing(1)
    assert quick_row(only.fields, NODE, SOURCE) == quick_values(
        [crossing(1)[n] for n in CROSSING_FIELDS], NODE, SOURCE
    )
