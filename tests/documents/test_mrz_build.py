"""Writing zones: transliteration, truncation, and reading back what was written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rmis.documents import ICAO_COUNTRY_CODES, build_mrz, parse_mrz, transliterate

TODAY = date(2026, 3, 15)
SPECIMEN_FIELDS = {
    "issuing_state": "UTO",
    "surname": "Eriksson",
    "given_names": "Anna Maria",
    "nationality": "UTO",
    "birth_date": date(1974, 8, 12),
    "sex": "F",
    "expiry_date": date(2012, 4, 15),
}


def test_build_writes_the_td3_specimen() -> None:
    lines = build_mrz(
        "TD3", document_number="L898902C3", optional_data="ZE184226B", **SPECIMEN_FIELDS
    )
    assert lines == (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    )


def test_build_writes_the_td1_and_td2_specimens() -> None:
    td1 = build_mrz("TD1", document_number="D23145890", **SPECIMEN_FIELDS)
    assert td1 == (
        "I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    )
    td2 = build_mrz("TD2", document_number="D23145890", **SPECIMEN_FIELDS)
    assert td2 == ("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6")


def test_build_writes_the_long_number_specimen() -> None:
    lines = build_mrz(
        "TD1",
        issuing_state="UTO",
        document_number="D23145890734",
        surname="Stevenson",
        given_names="Peter John",
        nationality="UTO",
        birth_date=date(1934, 7, 12),
        sex="M",
        expiry_date=date(1995, 7, 12),
    )
    assert lines[0] == "I<UTOD23145890<7349<<<<<<<<<<<"
    assert lines[1] == "3407127M9507122UTO<<<<<<<<<<<2"


@pytest.mark.parametrize(
    ("cyrillic", "mrz"),
    [
        ("Хрущёв", "KHRUSHCHEV"),
        ("Жуков", "ZHUKOV"),
        ("Цой", "TSOI"),
        ("Чехов", "CHEKHOV"),
        ("Щукин", "SHCHUKIN"),
        ("Объедков", "OBIEEDKOV"),
        ("Рыжов", "RYZHOV"),
        ("Ильин", "ILIN"),
        ("Юсупов", "IUSUPOV"),
        ("Яковлев", "IAKOVLEV"),
        ("Майя", "MAIIA"),
        ("Эльмира", "ELMIRA"),
        ("Анна-Мария", "ANNA<MARIIA"),
        ("O'Neil", "ONEIL"),
        ("Şükrü Gündoğdu", "SUKRU<GUNDOGDU"),
        ("Strauß", "STRAUSS"),
        ("Søren Ærø", "SOEREN<AEROE"),
    ],
)
def test_transliteration(cyrillic: str, mrz: str) -> None:
    assert transliterate(cyrillic) == mrz


def test_letters_without_a_doc_9303_transliteration_are_refused() -> None:
    with pytest.raises(ValueError, match="Ҷ"):
        transliterate("Ҷумъа")


def test_cyrillic_names_are_transliterated_in_the_zone() -> None:
    fields = SPECIMEN_FIELDS | {"surname": "Юсупова", "given_names": "Шахноза Хамидовна"}
    reading = parse_mrz(build_mrz("TD3", document_number="AB123", **fields), today=TODAY)
    assert (reading.surname, reading.given_names) == ("IUSUPOVA", "SHAKHNOZA KHAMIDOVNA")


def test_long_given_names_are_cut_at_the_field_end() -> None:
    fields = SPECIMEN_FIELDS | {
        "surname": "Abdurakhmanova",
        "given_names": "Gulchekhra Mukhammadjonovna",
    }
    lines = build_mrz("TD1", document_number="X1", **fields)
    assert lines[2] == "ABDURAKHMANOVA<<GULCHEKHRA<MUK"
    reading = parse_mrz(lines, today=TODAY)
    assert (reading.surname, reading.given_names) == ("ABDURAKHMANOVA", "GULCHEKHRA MUK")


def test_a_cut_never_ends_on_a_filler() -> None:
    fields = SPECIMEN_FIELDS | {"surname": "Abdurakhmanova", "given_names": "Gulchekhrabon Ali"}
    lines = build_mrz("TD1", document_number="X1", **fields)
    assert lines[2] == "ABDURAKHMANOVA<<GULCHEKHRABON<"
    assert parse_mrz(lines, today=TODAY).given_names == "GULCHEKHRABON"


def test_a_surname_too_long_for_the_field_is_cut_and_given_names_dropped() -> None:
    fields = SPECIMEN_FIELDS | {"surname": "A" * 35, "given_names": "Anna"}
    reading = parse_mrz(build_mrz("TD1", document_number="X1", **fields), today=TODAY)
    assert (reading.surname, reading.given_names) == ("A" * 30, "")


@pytest.mark.parametrize(
    "change",
    [
        {"issuing_state": "ZZZ"},
        {"nationality": "ZIM"},
        {"sex": "Q"},
        {"optional_data": "TOO-LONG-FOR-TD2"},
        {"optional_data": "a#b"},
    ],
)
def test_build_refuses_what_the_zone_cannot_hold(change: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        build_mrz("TD2", document_number="X1", **SPECIMEN_FIELDS | change)


def test_long_numbers_only_where_doc_9303_allows_them() -> None:
    with pytest.raises(ValueError):
        build_mrz("TD3", document_number="1234567890", **SPECIMEN_FIELDS)
    lines = build_mrz("TD2", document_number="1234567890", **SPECIMEN_FIELDS)
    assert parse_mrz(lines, today=TODAY).document_number == "1234567890"


def test_germany_is_written_d() -> None:
    fields = SPECIMEN_FIELDS | {"issuing_state": "D", "nationality": "D"}
    lines = build_mrz("TD3", document_number="C01X00T47", **fields)
    assert lines[0].startswith("P<D<<")
    assert parse_mrz(lines, today=TODAY).issuing_state == "D"


ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
WORD = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=10)
OPTIONAL_WIDTH = {"TD1": 15, "TD2": 7, "TD3": 14, "MRVA": 16, "MRVB": 8}
NAME_WIDTH = {"TD1": 30, "TD2": 31, "TD3": 39, "MRVA": 39, "MRVB": 31}
DOCUMENT_CODES = {
    "TD1": ["I", "ID", "AC", "IR", "C"],
    "TD2": ["I", "ID", "A", "C"],
    "TD3": ["P", "PP", "PE", "PD"],
    "MRVA": ["V"],
    "MRVB": ["V", "VB"],
}


@st.composite
def document_fields(draw: st.DrawFn) -> dict[str, object]:
    fmt = draw(st.sampled_from(sorted(OPTIONAL_WIDTH)))
    surname = " ".join(draw(st.lists(WORD, min_size=1, max_size=2)))
    given_names = " ".join(draw(st.lists(WORD, max_size=3)))
    assume(len(surname) + 2 + len(given_names) <= NAME_WIDTH[fmt])
    longest = 12 if fmt in ("TD1", "TD2") else 9
    number = draw(st.text(alphabet=ALNUM, min_size=1, max_size=longest))
    room = OPTIONAL_WIDTH[fmt] - (len(number) - 9 + 2 if len(number) > 9 else 0)
    codes = sorted(ICAO_COUNTRY_CODES)
    return {
        "mrz_format": fmt,
        "document_type": draw(st.sampled_from(DOCUMENT_CODES[fmt])),
        "issuing_state": draw(st.sampled_from(codes)),
        "nationality": draw(st.sampled_from(codes)),
        "document_number": number,
        "surname": surname,
        "given_names": given_names,
        "birth_date": draw(st.dates(TODAY - timedelta(days=99 * 365), TODAY)),
        "expiry_date": draw(st.dates(TODAY - timedelta(days=49 * 365), TODAY.replace(2075))),
        "sex": draw(st.sampled_from(["M", "F", "X"])),
        "optional_data": draw(st.text(alphabet=ALNUM, max_size=max(room, 0))),
        "optional_data_2": draw(st.text(alphabet=ALNUM, max_size=11)) if fmt == "TD1" else "",
    }


@given(document_fields())
def test_every_built_zone_reads_back_the_same_fields(fields: dict[str, object]) -> None:
    lines = build_mrz(**fields)  # type: ignore[arg-type]
    reading = parse_mrz(lines, today=TODAY)
    assert reading.problems == ()
    optional = " ".join(
        part for part in (fields["optional_data"], fields["optional_data_2"]) if part
    )
    expected = {key: value for key, value in fields.items() if key != "optional_data_2"}
    expected |= {"format": expected.pop("mrz_format"), "optional_data": optional}
    assert {key: getattr(reading, key) for key in expected} == expected


@given(st.text())
def test_no_text_crashes_the_reader(text: str) -> None:
    reading = parse_mrz(text, today=TODAY)
    assert reading.format in OPTIONAL_WIDTH
    assert reading.valid == all(p.severity == "warning" for p in reading.problems)


@given(st.lists(st.text(alphabet=ALNUM + "<", min_size=25, max_size=48), max_size=4))
def test_no_list_of_zone_like_lines_crashes_the_reader(lines: list[str]) -> None:
    reading = parse_mrz(lines, today=TODAY)
    assert isinstance(reading.to_json_dict()["problems"], list)
    parse_mrz(reading.corrected_lines(), today=TODAY)


@given(st.lists(st.text(), max_size=5), st.dates())
def test_no_list_of_text_or_reference_day_crashes_the_reader(lines: list[str], today: date) -> None:
    assume(today.year < 9900)
    parse_mrz(lines, today=today)
