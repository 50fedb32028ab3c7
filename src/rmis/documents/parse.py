"""Reading a machine-readable zone into fields, reporting every problem found."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rmis.documents.checkdigit import FILLER, MRZ_CHARACTERS, check_digit
from rmis.documents.dates import infer_birth_date, infer_expiry_date
from rmis.documents.layout import MRVA, MRVB, TD1, TD2, TD3, Layout, Span
from rmis.documents.name_field import read_name_field
from rmis.documents.reading import MrzProblem, MrzReading, Sex
from rmis.documents.zone import Zone
from rmis.model.countries import is_icao_country, normalise_country_code

_SEX: dict[str, Sex] = {"M": "M", "F": "F", "<": "X", "X": "X"}
_ONE_LINE_WIDTHS = {layout.lines * layout.width: layout.width for layout in (TD1, TD2, TD3)}


def parse_mrz(lines: Sequence[str] | str, *, today: date | None = None) -> MrzReading:
    """Read an MRZ of any Doc 9303 format; never raises, reports problems instead.

    `today` anchors the century of two-digit years: a birth date is not after it, an expiry
    date not more than 50 years after it.
    """
    today = today or date.today()
    rows, problems = _input_rows(lines)
    layout = _choose_layout(rows)
    zone = Zone(_fit(rows, layout, problems))
    zone.problems.extend(problems)
    return _read(zone, layout, today)


def _read(zone: Zone, layout: Layout, today: date) -> MrzReading:
    document_type = _read_document_code(zone, layout)
    issuing_state = _read_country(zone, "issuing_state", layout.issuing_state)
    surname, given_names = _read_name(zone, layout)
    document_number, optional_data = _read_number_and_optional_data(zone, layout)
    nationality = _read_country(zone, "nationality", layout.nationality)
    birth = (layout.birth_date, layout.birth_date_check)
    birth_date = _read_date(zone, "birth_date", birth, infer_birth_date, today)
    sex = _read_sex(zone, layout)
    expiry = (layout.expiry_date, layout.expiry_date_check)
    expiry_date = _read_date(zone, "expiry_date", expiry, infer_expiry_date, today)
    _check_composite(zone, layout)
    return MrzReading(
        format=layout.format,
        document_type=document_type,
        issuing_state=issuing_state,
        document_number=document_number,
        surname=surname,
        given_names=given_names,
        nationality=nationality,
        birth_date=birth_date,
        sex=sex,
        expiry_date=expiry_date,
        optional_data=optional_data,
        problems=tuple(zone.problems),
        lines=zone.original,
        corrections=tuple(zone.corrections),
    )


def _input_rows(lines: Sequence[str] | str) -> tuple[list[str], list[MrzProblem]]:
    """Non-blank lines, trimmed, in MRZ characters; a zone on one line is split."""
    text = lines if isinstance(lines, str) else "\n".join(lines)
    rows = [row.strip() for row in text.splitlines() if row.strip()]
    problems: list[MrzProblem] = []
    if len(rows) == 1 and len(rows[0]) in _ONE_LINE_WIDTHS:
        width = _ONE_LINE_WIDTHS[len(rows[0])]
        rows = [rows[0][i : i + width] for i in range(0, len(rows[0]), width)]
        problems.append(MrzProblem("zone", f"one line read as lines of {width}", "warning"))
    return [_clean_row(number, row, problems) for number, row in enumerate(rows, 1)], problems


def _clean_row(number: int, row: str, problems: list[MrzProblem]) -> str:
    if MRZ_CHARACTERS.issuperset(row):  # a clean line, as most are
        return row
    cleaned, bad, lower = [], [], False
    for column, char in enumerate(row, 1):
        upper = char.upper()
        if upper in MRZ_CHARACTERS:
            lower = lower or upper != char
            cleaned.append(upper)
        else:
            bad.append(f"{char!r} at {column}")
            cleaned.append(FILLER)
    if lower:
        problems.append(
            MrzProblem("zone", f"line {number}: lower case read as capitals", "warning")
        )
    if bad:
        problems.append(MrzProblem("zone", f"line {number}: not MRZ characters: {', '.join(bad)}"))
    return "".join(cleaned)


def _choose_layout(rows: list[str]) -> Layout:
    """The layout the rows fit best (ties: TD3, TD1, TD2); a visa if it starts with V."""
    layout = min((TD3, TD1, TD2), key=lambda candidate: _misfit(rows, candidate))
    if rows and rows[0].startswith("V") and layout is not TD1:
        return MRVA if layout is TD3 else MRVB
    return layout


def _misfit(rows: list[str], layout: Layout) -> int:
    cost = sum(abs(len(row) - layout.width) for row in rows[: layout.lines])
    cost += layout.width * max(0, layout.lines - len(rows))
    return cost + sum(len(row) for row in rows[layout.lines :])


def _fit(rows: list[str], layout: Layout, problems: list[MrzProblem]) -> list[str]:
    """Exactly the layout's lines and width: cut or padded with filler, each change reported."""
    width, count = layout.width, layout.lines
    for number, row in enumerate(rows[:count], 1):
        if len(row) != width:
            message = f"line {number} has {len(row)} characters, {layout.format} has {width}"
            problems.append(MrzProblem("zone", message))
    if len(rows) != count:
        message = f"{layout.format} has {count} lines, read {len(rows)}"
        problems.append(MrzProblem("zone", message))
    rows = (rows + [""] * count)[:count]
    return [row[:width].ljust(width, FILLER) for row in rows]


def _read_document_code(zone: Zone, layout: Layout) -> str:
    code = zone.read_letters("document_type", layout.document_code)
    if not code[0].isalpha():
        zone.report("document_type", f"document code {code!r} must begin with a letter")
    elif code[0] not in layout.document_letters:
        letters = " or ".join(layout.document_letters)
        message = f"{layout.format} document codes begin with {letters}, not {code[0]}"
        zone.report("document_type", message, "warning")
    return code.strip(FILLER)


def _read_country(zone: Zone, field: str, span: Span) -> str:
    code = normalise_country_code(zone.read_letters(field, span))
    if not is_icao_country(code):
        zone.report(field, f"{zone.text(span)!r} is not an ICAO Doc 9303 code")
    return code


def _read_name(zone: Zone, layout: Layout) -> tuple[str, str]:
    field = zone.read_letters("name", layout.name)
    strays = sorted({char for char in field if char.isdigit()})
    if strays:
        zone.report("name", f"digits in the name: {' '.join(strays)}")
    surname, given_names = read_name_field(field)
    if not surname:
        zone.report("name", "no primary identifier (surname)")
    return surname, given_names


def _read_number_and_optional_data(zone: Zone, layout: Layout) -> tuple[str, str]:
    """(document number, optional data); a long number continues into the optional data."""
    no_check_digit = zone.text(layout.document_number_check) == FILLER
    continues = zone.text(layout.optional_data)[:1] != FILLER
    if layout.long_number and no_check_digit and continues:
        return _read_long_number(zone, layout)
    number_span = layout.document_number
    zone.verify("document_number", number_span.positions(), layout.document_number_check)
    number = zone.text(number_span).rstrip(FILLER)
    return number, _read_optional_data(zone, layout, layout.optional_data)


def _read_long_number(zone: Zone, layout: Layout) -> tuple[str, str]:
    """Doc 9303 Part 5, 4.2.4: the number's last characters, then its check digit, then ``<``."""
    optional = layout.optional_data
    extension = zone.text(optional).split(FILLER, 1)[0]
    end = optional.start + len(extension)
    check = Span(optional.line, end - 1, end)
    positions = layout.document_number.positions() + optional.positions()[: len(extension) - 1]
    zone.read_digits("document_number_check", check)
    if _is_belgian_long_number(zone, layout, positions, check):
        message = "check digit counts the filler after the ninth character, as Belgian"
        message += " identity cards do; Doc 9303 leaves it out"
        zone.report("document_number", message, "warning")
    else:
        zone.verify("document_number", positions, check)
    rest = Span(optional.line, end, optional.stop)
    return zone.text_at(positions), _read_optional_data(zone, layout, rest)


def _is_belgian_long_number(
    zone: Zone, layout: Layout, positions: list[tuple[int, int]], check: Span
) -> bool:
    digit = zone.text(check)
    with_filler = positions[:9] + layout.document_number_check.positions() + positions[9:]
    icao, belgian = check_digit(zone.text_at(positions)), check_digit(zone.text_at(with_filler))
    return digit != icao and digit == belgian


def _read_optional_data(zone: Zone, layout: Layout, span: Span) -> str:
    if layout.optional_data_check is not None:
        zone.verify(
            "optional_data", span.positions(), layout.optional_data_check, may_be_empty=True
        )
    parts = [zone.text(span).strip(FILLER)]
    if layout.optional_data_2 is not None:
        parts.append(zone.text(layout.optional_data_2).strip(FILLER))
    return " ".join(part for part in parts if part)


DateInference = Callable[[str, date], date]


def _read_date(
    zone: Zone, field: str, spans: tuple[Span, Span], infer: DateInference, today: date
) -> date | None:
    span, check = spans
    text = zone.read_digits(field, span)
    zone.verify(field, span.positions(), check, numeric=True)
    if FILLER in text:
        zone.report(field, f"date {text!r} not fully known", "warning")
        return None
    try:
        return infer(text, today)
    except ValueError:
        zone.report(field, f"{text!r} is not a date (YYMMDD)")
        return None


def _read_sex(zone: Zone, layout: Layout) -> Sex:
    char = zone.text(layout.sex)
    if char not in _SEX:
        zone.report("sex", f"{char!r} is not M, F or <")
    return _SEX.get(char, "X")


def _check_composite(zone: Zone, layout: Layout) -> None:
    if layout.composite_check is None:
        return
    digit = zone.read_digits("composite_check", layout.composite_check)
    if not digit.isdigit():
        zone.report("composite_check", f"composite check digit {digit!r} is not a digit")
        return
    if check_digit("".join(zone.text(span) for span in layout.composite)) == digit:
        return
    message = f"composite check digit {digit} does not match"
    if check_digit(zone.suggested_text(layout.composite)) == digit:
        message += "; it does with the suggested corrections"
    zone.report("composite_check", message)
