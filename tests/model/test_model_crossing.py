from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import crossing
from rmis.model import (
    CROSSING_FIELDS,
    Crossing,
    PersonRecord,
    Problem,
    StayGrounds,
    validate_crossing,
)


def fields_of(problems: Crossing | list[Problem]) -> set[str]:
    assert isinstance(problems, list)
    return {p.field for p in problems}


def test_a_valid_crossing_keeps_names_as_written_and_knows_its_dates() -> None:
    c = validate_crossing(crossing())
    assert isinstance(c, Crossing)
    assert c.surname == "Раҳмонов"
    assert c.at_utc == dt.datetime(2023, 4, 12, 1, 35, tzinfo=dt.UTC)
    assert c.local_date == dt.date(2023, 4, 12)
    assert c.person_key == "TJK:400000001"


def test_every_problem_of_a_record_is_listed_not_only_the_first() -> None:
    bad = crossing(
        to_country="XYZ",
        at="2023-02-30T00:00:00+05:00",
        direction="out",
        surname="",
        birth_date="1990-02-30",
        sex="Q",
    )
    assert fields_of(validate_crossing(bad)) == {
        "to_country",
        "at",
        "direction",
        "surname",
        "birth_date",
        "sex",
    }


def test_an_exit_recorded_by_a_state_other_than_from_country_is_refused() -> None:
    problems = validate_crossing(crossing(authority="RUS"))
    assert isinstance(problems, list)
    assert problems == [Problem("from_country", "exit recorded by RUS but from_country is TJK")]


def test_an_entry_must_be_recorded_by_the_destination() -> None:
    entry = crossing(direction="entry", authority="RUS", from_country="TJK", to_country="KAZ")
    assert fields_of(validate_crossing(entry)) == {"to_country"}


def test_birth_dates_may_be_partial_or_empty_but_must_be_real() -> None:
    for ok in ("", "1990", "1990-05", "2000-02-29"):
        assert isinstance(validate_crossing(crossing(birth_date=ok)), Crossing), ok
    for bad in ("1990-13", "1990-02-30", "90-01-01", "2001-02-29"):
        assert fields_of(validate_crossing(crossing(birth_date=bad))) == {"birth_date"}, bad


def test_icao_codes_outside_iso_are_countries() -> None:
    assert isinstance(validate_crossing(crossing(nationality="XXA")), Crossing)
    assert isinstance(validate_crossing(crossing(nationality="RKS")), Crossing)


def test_an_instant_without_offset_is_refused() -> None:
    assert fields_of(validate_crossing(crossing(at="2023-04-12T06:35:00"))) == {"at"}


def test_missing_fields_are_named() -> None:
    record = crossing()
    del record["document_number"]
    del record["authority"]
    assert fields_of(validate_crossing(record)) == {"document_number", "authority"}


@given(st.dictionaries(st.sampled_from(CROSSING_FIELDS), st.text(max_size=30)))
def test_validation_never_crashes(record: dict[str, str]) -> None:
    outcome = validate_crossing(record)
    assert isinstance(outcome, Crossing) or (outcome and all(p.message for p in outcome))


def test_dates_must_lie_in_the_plausible_years() -> None:
    for field, bad in (
        ("at", "0001-01-01T00:00+05:00"),
        ("at", "9999-12-31T23:00:00-05:00"),
        ("at", "2201-01-01T00:00:00+00:00"),
        ("birth_date", "1899"),
        ("birth_date", "0001-01-01"),
        ("document_expiry", "9999-12-31"),
        ("document_expiry", "1899-12-31"),
    ):
        problems = validate_crossing(crossing(**{field: bad}))
        assert fields_of(problems) == {field}, (field, bad)
        assert isinstance(problems, list) and "plausible years" in problems[0].message
    edge = crossing(at="1900-01-01T00:00:00+14:00", birth_date="1900", document_expiry="2200-12-31")
    c = validate_crossing(edge)
    assert isinstance(c, Crossing)
    assert c.at_utc == dt.datetime(1899, 12, 31, 10, tzinfo=dt.UTC)


def test_control_characters_in_names_codes_and_numbers_are_refused() -> None:
    for field in ("event_id", "border_post", "surname", "given_name", "patronymic"):
        for control in ("\x00", "\x1f", "\t", "\x7f", "\x85", "\x9f"):
            problems = validate_crossing(crossing(**{field: f"Ab{control}cd"}))
            assert fields_of(problems) == {field}, (field, control)
            assert isinstance(problems, list)
            assert f"control character U+{ord(control):04X}" in problems[0].message
    problems = validate_crossing(crossing(document_number="4000\x0000001"))
    assert fields_of(problems) == {"document_number"}
    # whitespace around a value is trimmed, as before; format characters (ZWNJ) are not controls
    for kept in ("Rahmonov\n", "\tRahmonov", "Ра\u200cҳмонов"):
        assert isinstance(validate_crossing(crossing(surname=kept)), Crossing), repr(kept)


def test_a_document_number_must_fit_its_length_in_capitals() -> None:
    """The person key holds the number in capitals: `ß` becomes `SS`, `ﬃ` becomes `FFI`."""
    assert isinstance(validate_crossing(crossing(document_number="ß" * 16)), Crossing)
    for bad in ("ß" * 17, "\ufb03" * 11):
        problems = validate_crossing(crossing(document_number=bad))
        assert fields_of(problems) == {"document_number"}
        assert isinstance(problems, list) and "in capitals" in problems[0].message


def test_a_person_record_refuses_control_characters_as_a_crossing_does() -> None:
    good = {"record_id": "WL-1", "surname": "Rahmonov", "document_number": "400000001"}
    assert PersonRecord(**good).surname == "Rahmonov"
    for field in ("record_id", "surname", "given_name", "patronymic", "document_number"):
        with pytest.raises(ValidationError) as error:
            PersonRecord(**(good | {field: "Ab\x00cd"}))
        assert [e["loc"] for e in error.value.errors()] == [(field,)]


def test_birth_dates_are_written_in_ascii_digits_as_a_calendar_date() -> None:
    # other scripts' digits read as numbers, and a week date reads as a day, but no system
    # holding a birth date would read either as written
    for written in ("١٩٩٠-٠١-٠٢", "１９９０", "1990-٠١", "2023-W01-1", "2023-W01", "1990-1-2"):
        assert fields_of(validate_crossing(crossing(birth_date=written))) == {"birth_date"}
        with pytest.raises(ValidationError):
            PersonRecord(record_id="WL-1", surname="Rahmonov", birth_date=written)
    for written in ("1990", "1990-02", "1990-02-28"):
        assert validate_crossing(crossing(birth_date=written)).birth_date == written  # type: ignore[union-attr]


def test_grounds_are_read_as_written_with_hyphens_underscores_or_spaces() -> None:
    for text in ("labour-patent", "labour_patent", " Labour Patent "):
        assert StayGrounds.parse(text) is StayGrounds.LABOUR_PATENT
    assert StayGrounds.parse("") is StayGrounds.NONE
    with pytest.raises(ValueError, match="unknown grounds 'work-visa': one of visa-free"):
        StayGrounds.parse("work-visa")
