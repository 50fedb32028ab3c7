"""Writing a valid machine-readable zone from a document's fields (tests, synthetic data)."""

from __future__ import annotations

from datetime import date

from rmis.documents.checkdigit import FILLER, MRZ_CHARACTERS, check_digit
from rmis.documents.dates import format_yymmdd
from rmis.documents.layout import LAYOUTS, Layout, MrzFormat, Span
from rmis.documents.name_field import format_name_field
from rmis.model.countries import is_icao_country, normalise_country_code

_SEX_CODES = {"M": "M", "F": "F", "X": FILLER, FILLER: FILLER}
_DEFAULT_DOCUMENT_CODE: dict[MrzFormat, str] = {
    "TD1": "I", "TD2": "I", "TD3": "P", "MRVA": "V", "MRVB": "V",
}  # fmt: skip


def build_mrz(
    mrz_format: MrzFormat,
    *,
    issuing_state: str,
    document_number: str,
    surname: str,
    given_names: str,
    nationality: str,
    birth_date: date | None,
    sex: str,
    expiry_date: date | None,
    document_type: str | None = None,
    optional_data: str = "",
    optional_data_2: str = "",
) -> tuple[str, ...]:
    """The lines of a valid MRZ; names are transliterated (Doc 9303 Part 3) and cut to fit.

    A document number over nine characters is written the TD1/TD2 long way. Raises ValueError
    for a field that cannot be written (unknown country code, too long, bad characters).
    """
    layout = LAYOUTS[mrz_format]
    rows = [[FILLER] * layout.width for _ in range(layout.lines)]
    code = document_type or _DEFAULT_DOCUMENT_CODE[mrz_format]
    _put(rows, layout.document_code, _characters("document_type", code))
    _put(rows, layout.issuing_state, _country("issuing_state", issuing_state))
    _put(rows, layout.nationality, _country("nationality", nationality))
    _put(
        rows,
        layout.name,
        format_name_field(surname, given_names, layout.name.stop - layout.name.start),
    )
    _put_date(rows, layout.birth_date, layout.birth_date_check, birth_date)
    _put_date(rows, layout.expiry_date, layout.expiry_date_check, expiry_date)
    _put(rows, layout.sex, _sex(sex))
    number = _characters("document_number", document_number)
    _put_number_and_optional_data(rows, layout, number, _characters("optional_data", optional_data))
    if layout.optional_data_2 is not None:
        _put(rows, layout.optional_data_2, _characters("optional_data_2", optional_data_2))
    elif optional_data_2:
        raise ValueError(f"{mrz_format} has no second optional data field")
    _put_composite(rows, layout)
    return tuple("".join(row) for row in rows)


def _put(rows: list[list[str]], span: Span, text: str) -> None:
    width = span.stop - span.start
    if len(text) > width:
        raise ValueError(f"{text!r} is longer than its field ({width} characters)")
    rows[span.line][span.start : span.stop] = list(text.ljust(width, FILLER))


def _text(rows: list[list[str]], span: Span) -> str:
    return "".join(rows[span.line][span.start : span.stop])


def _characters(field: str, text: str) -> str:
    text = text.upper().replace(" ", FILLER)
    if not set(text) <= MRZ_CHARACTERS:
        raise ValueError(f"{field} {text!r} has characters the MRZ cannot hold")
    return text


def _country(field: str, code: str) -> str:
    if not is_icao_country(code):
        raise ValueError(f"{field} {code!r} is not an ICAO Doc 9303 code")
    return normalise_country_code(code)


def _sex(sex: str) -> str:
    if sex.upper() not in _SEX_CODES:
        raise ValueError(f"sex {sex!r} is not M, F or X")
    return _SEX_CODES[sex.upper()]


def _put_date(rows: list[list[str]], span: Span, check: Span, day: date | None) -> None:
    _put(rows, span, format_yymmdd(day) if day is not None else "")
    _put(rows, check, check_digit(_text(rows, span)))


def _put_number_and_optional_data(
    rows: list[list[str]], layout: Layout, number: str, optional: str
) -> None:
    head, tail = number[:9], number[9:]
    _put(rows, layout.document_number, head)
    if not tail:
        _put(rows, layout.document_number_check, check_digit(_text(rows, layout.document_number)))
    elif layout.long_number:
        optional = tail + check_digit(number) + (FILLER + optional if optional else "")
    else:
        raise ValueError(f"{layout.format} holds document numbers of at most 9 characters")
    _put(rows, layout.optional_data, optional)
    if layout.optional_data_check is not None:
        digit = check_digit(_text(rows, layout.optional_data)) if optional else FILLER
        _put(rows, layout.optional_data_check, digit)


def _put_composite(rows: list[list[str]], layout: Layout) -> None:
    if layout.composite_check is not None:
        value = "".join(_text(rows, span) for span in layout.composite)
        _put(rows, layout.composite_check, check_digit(value))
