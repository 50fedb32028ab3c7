"""The specimen zones of ICAO Doc 9303 (state Utopia), read field by field."""

from __future__ import annotations

from datetime import date

import pytest

from rmis.documents import check_digit, parse_mrz

TODAY = date(2026, 1, 1)

TD3_SPECIMEN = (  # Doc 9303 Part 4
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD1_SPECIMEN = (  # Doc 9303 Part 5
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)
TD1_LONG_NUMBER_SPECIMEN = (  # Doc 9303 Part 5, document number of 12 characters
    "I<UTOD23145890<7349<<<<<<<<<<<",
    "3407127M9507122UTO<<<<<<<<<<<2",
    "STEVENSON<<PETER<JOHN<<<<<<<<<",
)
TD2_SPECIMEN = (  # Doc 9303 Part 6
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
)
MRVA_SPECIMEN = (  # Doc 9303 Part 7, format A
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
)
MRVB_SPECIMEN = (  # Doc 9303 Part 7, format B
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "L8988901C4XXX4009078F9612109<<<<<<<<",
)


@pytest.mark.parametrize(
    ("value", "digit"),
    [
        ("L898902C3", "6"),
        ("740812", "2"),
        ("120415", "9"),
        ("ZE184226B<<<<<", "1"),
        ("D23145890", "7"),
        ("D23145890734", "9"),
        ("", "0"),
        ("<<<<<<", "0"),
    ],
)
def test_check_digit_of_specimen_fields(value: str, digit: str) -> None:
    assert check_digit(value) == digit


def test_check_digit_rejects_characters_outside_the_mrz_set() -> None:
    with pytest.raises(ValueError):
        check_digit("ab")


def test_td3_specimen() -> None:
    reading = parse_mrz(TD3_SPECIMEN, today=TODAY)
    assert reading.format == "TD3"
    assert reading.document_type == "P"
    assert reading.issuing_state == "UTO"
    assert reading.document_number == "L898902C3"
    assert reading.surname == "ERIKSSON"
    assert reading.given_names == "ANNA MARIA"
    assert reading.nationality == "UTO"
    assert reading.birth_date == date(1974, 8, 12)
    assert reading.sex == "F"
    assert reading.expiry_date == date(2012, 4, 15)
    assert reading.optional_data == "ZE184226B"
    assert reading.valid
    assert reading.problems == ()


def test_td1_specimen() -> None:
    reading = parse_mrz(TD1_SPECIMEN, today=TODAY)
    assert reading.format == "TD1"
    assert (reading.document_type, reading.issuing_state) == ("I", "UTO")
    assert reading.document_number == "D23145890"
    assert (reading.surname, reading.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert reading.birth_date == date(1974, 8, 12)
    assert reading.expiry_date == date(2012, 4, 15)
    assert (reading.sex, reading.nationality, reading.optional_data) == ("F", "UTO", "")
    assert reading.problems == ()


def test_td1_long_document_number_specimen() -> None:
    reading = parse_mrz(TD1_LONG_NUMBER_SPECIMEN, today=TODAY)
    assert reading.document_number == "D23145890734"
    assert reading.optional_data == ""
    assert (reading.surname, reading.given_names) == ("STEVENSON", "PETER JOHN")
    assert reading.birth_date == date(1934, 7, 12)
    assert reading.expiry_date == date(1995, 7, 12)
    assert reading.sex == "M"
    assert reading.problems == ()


def test_td2_specimen() -> None:
    reading = parse_mrz(TD2_SPECIMEN, today=TODAY)
    assert reading.format == "TD2"
    assert reading.document_number == "D23145890"
    assert (reading.surname, reading.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert (reading.birth_date, reading.expiry_date) == (date(1974, 8, 12), date(2012, 4, 15))
    assert reading.problems == ()


@pytest.mark.parametrize(
    ("zone", "fmt", "optional"),
    [(MRVA_SPECIMEN, "MRVA", "6ZE184226B"), (MRVB_SPECIMEN, "MRVB", "")],
)
def test_visa_specimens(zone: tuple[str, str], fmt: str, optional: str) -> None:
    reading = parse_mrz(zone, today=TODAY)
    assert reading.format == fmt
    assert reading.document_type == "V"
    assert reading.issuing_state == "UTO"
    assert reading.document_number == "L8988901C"
    assert reading.nationality == "XXX"
    assert reading.birth_date == date(1940, 9, 7)
    assert reading.expiry_date == date(1996, 12, 10)
    assert reading.optional_data == optional
    assert reading.problems == ()


def test_zone_given_as_one_string_with_newlines_and_spaces() -> None:
    text = "\n  " + TD3_SPECIMEN[0] + "  \r\n\n" + TD3_SPECIMEN[1] + "\n"
    assert parse_mrz(text, today=TODAY) == parse_mrz(TD3_SPECIMEN, today=TODAY)


def test_zone_on_one_line_is_split_with_a_warning() -> None:
    reading = parse_mrz("".join(TD1_SPECIMEN), today=TODAY)
    assert reading.format == "TD1"
    assert reading.document_number == "D23145890"
    assert reading.valid
    assert [p.severity for p in reading.problems] == ["warning"]


def test_json_contract_keys_and_iso_dates() -> None:
    document = parse_mrz(TD3_SPECIMEN, today=TODAY).to_json_dict()
    assert list(document) == [
        "format",
        "document_type",
        "issuing_state",
        "document_number",
        "surname",
        "given_names",
        "nationality",
        "birth_date",
        "sex",
        "expiry_date",
        "optional_data",
        "valid",
        "problems",
    ]
    assert document["birth_date"] == "1974-08-12"
    assert document["expiry_date"] == "2012-04-15"
    assert document["valid"] is True
    assert document["problems"] == []


def test_expiry_is_judged_on_a_given_day() -> None:
    reading = parse_mrz(TD3_SPECIMEN, today=TODAY)
    assert reading.is_expired(date(2012, 4, 16))
    assert not reading.is_expired(date(2012, 4, 15))
