"""Zones that do not check out: every problem reported, look-alike characters explained."""

from __future__ import annotations

from datetime import date

from rmis.documents import MrzReading, build_mrz, check_digit, parse_mrz

TODAY = date(2026, 1, 1)
TD3_LINE_1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
TD3_LINE_2 = "L898902C36UTO7408122F1204159ZE184226B<<<<<10"


def _errors(reading: MrzReading) -> dict[str, str]:
    return {p.field: p.message for p in reading.problems if p.severity == "error"}


def _with_composite_td1(line_1: str, line_2: str, line_3: str) -> tuple[str, str, str]:
    value = line_1[5:30] + line_2[0:7] + line_2[8:15] + line_2[18:29]
    return line_1, line_2[:29] + check_digit(value), line_3


def test_each_failed_check_digit_is_reported() -> None:
    line_2 = "L898902C37UTO7408123F1204158ZE184226B<<<<<25"
    reading = parse_mrz([TD3_LINE_1, line_2], today=TODAY)
    assert not reading.valid
    assert set(_errors(reading)) == {
        "document_number",
        "birth_date",
        "expiry_date",
        "optional_data",
        "composite_check",
    }
    assert reading.document_number == "L898902C3"
    assert reading.birth_date == date(1974, 8, 12)


def test_several_kinds_of_problem_at_once() -> None:
    line_1 = "P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    line_2 = "L898902C36XYZ7413122Q1204159ZE184226B<<<<<10"
    reading = parse_mrz([line_1, line_2], today=TODAY)
    errors = _errors(reading)
    assert {"issuing_state", "nationality", "birth_date", "sex", "composite_check"} <= set(errors)
    assert "not a date" in errors["birth_date"]
    assert reading.birth_date is None
    assert reading.sex == "X"
    assert "QQQ" in errors["issuing_state"]


def test_wrong_line_lengths_and_missing_line_are_reported() -> None:
    reading = parse_mrz([TD3_LINE_1[:-1], TD3_LINE_2 + "<"], today=TODAY)
    messages = [p.message for p in reading.problems if p.field == "zone"]
    assert messages == [
        "line 1 has 43 characters, TD3 has 44",
        "line 2 has 45 characters, TD3 has 44",
    ]
    assert not reading.valid
    reading = parse_mrz(TD3_LINE_2, today=TODAY)
    assert "TD3 has 2 lines, read 1" in [p.message for p in reading.problems]


def test_characters_outside_the_mrz_set_are_errors() -> None:
    reading = parse_mrz([TD3_LINE_1.replace("ANNA", "AN#A"), TD3_LINE_2], today=TODAY)
    assert "'#' at 18" in _errors(reading)["zone"]


def test_lower_case_is_read_as_capitals_with_a_warning() -> None:
    reading = parse_mrz([TD3_LINE_1.lower(), TD3_LINE_2.lower()], today=TODAY)
    assert reading.valid
    assert reading.surname == "ERIKSSON"
    assert [p.severity for p in reading.problems] == ["warning", "warning"]


def test_unexpected_document_code_is_a_warning() -> None:
    reading = parse_mrz(["I" + TD3_LINE_1[1:], TD3_LINE_2], today=TODAY)
    assert reading.valid
    assert reading.problems[0].field == "document_type"
    assert reading.problems[0].severity == "warning"


def test_letter_o_in_a_document_number_is_explained_and_corrected() -> None:
    line_2 = "L8989O2C3" + TD3_LINE_2[9:]
    reading = parse_mrz([TD3_LINE_1, line_2], today=TODAY)
    problem = next(p for p in reading.problems if p.field == "document_number")
    assert problem.severity == "error"
    assert problem.suggestion == "L898902C3"
    assert "look-alike" in problem.message
    composite = next(p for p in reading.problems if p.field == "composite_check")
    assert "with the suggested corrections" in composite.message
    [fix] = reading.corrections
    assert (fix.line, fix.column, fix.read, fix.corrected, fix.in_reading) == (
        1,
        5,
        "O",
        "0",
        False,
    )
    assert reading.corrected_lines() == (TD3_LINE_1, TD3_LINE_2)
    assert parse_mrz(reading.corrected_lines(), today=TODAY).valid


def test_digit_read_for_a_letter_in_a_document_number() -> None:
    lines = build_mrz(
        "TD3",
        issuing_state="RUS",
        document_number="AB1234567",
        surname="IVANOV",
        given_names="IVAN",
        nationality="RUS",
        birth_date=date(1990, 5, 1),
        sex="M",
        expiry_date=date(2030, 5, 1),
    )
    misread = lines[1].replace("AB", "A8", 1)
    reading = parse_mrz([lines[0], misread], today=TODAY)
    problem = next(p for p in reading.problems if p.field == "document_number")
    assert problem.suggestion == "AB1234567"


def test_letters_in_numeric_fields_are_read_as_digits_with_warnings() -> None:
    line_2 = "L898902C36UTO74O8I2ZF12O4I59ZE184226B<<<<<1O"
    reading = parse_mrz([TD3_LINE_1, line_2], today=TODAY)
    assert reading.valid
    assert reading.birth_date == date(1974, 8, 12)
    assert reading.expiry_date == date(2012, 4, 15)
    warned = {p.field for p in reading.problems if p.severity == "warning"}
    assert warned == {"birth_date", "birth_date_check", "expiry_date", "composite_check"}
    assert all(fix.in_reading for fix in reading.corrections)
    assert reading.corrected_lines()[1] == TD3_LINE_2


def test_digits_in_the_name_and_country_codes_are_read_as_letters() -> None:
    line_1 = "P<UT0ERIK55ON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
    reading = parse_mrz([line_1, TD3_LINE_2], today=TODAY)
    assert reading.valid
    assert (reading.issuing_state, reading.surname) == ("UTO", "ERIKSSON")
    assert {p.field for p in reading.problems} == {"issuing_state", "name"}


def test_digits_with_no_letter_look_alike_in_the_name_are_errors() -> None:
    line_1 = TD3_LINE_1.replace("ANNA", "AN7A")
    assert "digits in the name" in _errors(parse_mrz([line_1, TD3_LINE_2], today=TODAY))["name"]


def test_long_number_check_digit_failure() -> None:
    lines = _with_composite_td1(
        "I<UTOD23145890<7348<<<<<<<<<<<",
        "3407127M9507122UTO<<<<<<<<<<<0",
        "STEVENSON<<PETER<JOHN<<<<<<<<<",
    )
    reading = parse_mrz(lines, today=TODAY)
    assert set(_errors(reading)) == {"document_number"}
    assert reading.document_number == "D23145890734"


def test_long_number_with_optional_data_after_it() -> None:
    lines = build_mrz(
        "TD1",
        issuing_state="KGZ",
        document_number="ID1234567890",
        surname="ASANOV",
        given_names="BAKYT",
        nationality="KGZ",
        birth_date=date(1988, 2, 29),
        sex="M",
        expiry_date=date(2031, 3, 1),
        optional_data="12345",
    )
    assert lines[0][14] == "<"
    reading = parse_mrz(lines, today=TODAY)
    assert reading.problems == ()
    assert (reading.document_number, reading.optional_data) == ("ID1234567890", "12345")


def test_belgian_long_number_check_digit_is_accepted_with_a_warning() -> None:
    number = "591234567100"
    belgian = check_digit(number[:9] + "<" + number[9:])
    assert belgian != check_digit(number)
    lines = _with_composite_td1(
        f"IDBEL{number[:9]}<{number[9:]}{belgian}<<<<<<<<<<<",
        f"850101{check_digit('850101')}M300101{check_digit('300101')}BEL<<<<<<<<<<<0",
        "PEETERS<<JAN<<<<<<<<<<<<<<<<<<",
    )
    reading = parse_mrz(lines, today=TODAY)
    assert reading.valid
    assert reading.document_number == number
    [problem] = reading.problems
    assert (problem.field, problem.severity) == ("document_number", "warning")
    assert "Belgian" in problem.message


def test_missing_check_digit_after_a_filler() -> None:
    line_1 = "I<UTOD23145890<<<<<<<<<<<<<<<<"
    reading = parse_mrz([line_1, "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA"], today=TODAY)
    assert "document_number_check" in _errors(reading)


def test_birth_century_is_never_in_the_future() -> None:
    def born(yymmdd: str, today: date) -> date | None:
        line_2 = f"L898902C36UTO{yymmdd}{check_digit(yymmdd)}F1204159ZE184226B<<<<<10"
        return parse_mrz([TD3_LINE_1, line_2], today=today).birth_date

    assert born("740812", date(2026, 1, 1)) == date(1974, 8, 12)
    assert born("251231", date(2026, 1, 1)) == date(2025, 12, 31)
    assert born("260101", date(2026, 1, 1)) == date(2026, 1, 1)
    assert born("260102", date(2026, 1, 1)) == date(1926, 1, 2)
    assert born("000229", date(2026, 1, 1)) == date(2000, 2, 29)
    assert born("000229", date(1999, 12, 31)) is None


def test_expiry_century_is_within_fifty_years_ahead() -> None:
    def expires(yymmdd: str, today: date) -> date | None:
        line_2 = f"L898902C36UTO7408122F{yymmdd}{check_digit(yymmdd)}ZE184226B<<<<<10"
        return parse_mrz([TD3_LINE_1, line_2], today=today).expiry_date

    assert expires("120415", date(2026, 1, 1)) == date(2012, 4, 15)
    assert expires("360101", date(2026, 1, 1)) == date(2036, 1, 1)
    assert expires("760101", date(2026, 1, 1)) == date(2076, 1, 1)
    assert expires("760102", date(2026, 1, 1)) == date(1976, 1, 2)
    assert expires("991231", date(1998, 6, 1)) == date(1999, 12, 31)


def test_unknown_birth_day_is_a_warning_not_a_date() -> None:
    line_2 = f"L898902C36UTO7408<<{check_digit('7408<<')}F1204159ZE184226B<<<<<10"
    value = line_2[0:10] + line_2[13:20] + line_2[21:43]
    line_2 = line_2[:43] + check_digit(value)
    reading = parse_mrz([TD3_LINE_1, line_2], today=TODAY)
    assert reading.valid
    assert reading.birth_date is None
    assert [p.field for p in reading.problems] == ["birth_date"]


def test_problems_in_json() -> None:
    reading = parse_mrz([TD3_LINE_1, "L8989O2C3" + TD3_LINE_2[9:]], today=TODAY)
    document = reading.to_json_dict()
    assert document["valid"] is False
    assert isinstance(document["problems"], list)
    assert document["problems"][0] == {
        "field": "document_number",
        "severity": "error",
        "message": reading.problems[0].message,
        "suggestion": "L898902C3",
    }
