"""The common record's short way from text fields to a stored row, equal to the full model's.

`quick_row` accepts a record only when every field is plainly valid as written (no surrounding
whitespace for the model to strip, codes exactly as the code tables spell them, the usual date
forms) and returns the very row `row_builder` would build from the model's `Crossing`. Anything
else, including every record with a problem, returns `None` and goes the full way through
`validate_crossing`, which lists all its problems. So accept/reject decisions and the problems
listed are the full model's by construction; the rows are checked equal by a property test
(tests/ingest/test_ingest_fastpath.py).
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Sequence
from typing import get_args

from rmis.model import (
    CROSSING_FIELDS,
    ICAO_COUNTRY_CODES,
    Direction,
    Purpose,
    StayGrounds,
    person_key,
)
from rmis.model.crossing import (
    DOCUMENT_NUMBER_LENGTH,
    FIRST_PLAUSIBLE_YEAR,
    LAST_PLAUSIBLE_YEAR,
    Sex,
    check_partial_date,
    check_plausible_year,
)
from rmis.registry import CrossingRow


def _codes(values: Iterable[str]) -> dict[str, str]:
    """A code table that hands back its own copy of a code: a row keeps the one shared string,
    not the fresh one split from each line (a batch holds fifty thousand rows of ten codes)."""
    return {v: v for v in values}


_COUNTRIES = _codes(ICAO_COUNTRY_CODES)
_ISSUERS = _codes(("", *ICAO_COUNTRY_CODES))
_DIRECTIONS = _codes(d.value for d in Direction)
_SEXES = _codes(get_args(Sex))
_PURPOSES = _codes(p.value for p in Purpose)
_GROUNDS = _codes(g.value for g in StayGrounds)
# the model's document type pattern ^[A-Z][A-Z<]?$, spelled out: 728 codes
_DOCUMENT_TYPES = _codes(
    a + b for a in string.ascii_uppercase for b in ("", *string.ascii_uppercase, "<")
)
# `strip` hands back the very same string when there is nothing to strip, and Python's whitespace
# includes every character the model's strip (Unicode White_Space) removes: `s.strip() is s`
# says the model keeps `s` as it is.
# Lone surrogates (from JSON escapes) are text Python holds but the model refuses; they are not
# printable, so `isprintable` sends them (and control characters) the full way.
# the model's plausible years as text: a date whose first four characters fall between these is
# in them (digits of other scripts compare above "9" and go the full way)
_FIRST_YEAR = f"{FIRST_PLAUSIBLE_YEAR:04d}"
_LAST_YEAR = f"{LAST_PLAUSIBLE_YEAR:04d}"
_UTC = dt.UTC
_instant = dt.datetime.fromisoformat
_day = dt.date.fromisoformat


_HOURS: dict[str, tuple[str, str]] = {}
_SIXTY = frozenset(f"{n:02d}" for n in range(60))
# birth dates and expiry dates the rules accepted, with the expiry's stored form: a region's
# records share a few tens of thousands of them, and a look-up is far cheaper than parsing
_BIRTHS: dict[str, str] = {}
_EXPIRIES: dict[str, str] = {}
_REMEMBERED = 100_000


def _remember(known: dict[str, str], text: str, value: str) -> None:
    """Keep `text`'s checked value, starting afresh when `_REMEMBERED` are kept."""
    if len(known) >= _REMEMBERED:
        known.clear()
    known[text] = value


def _instant_texts(text: str) -> tuple[str, str]:
    """The instant as SQLite rows hold it (UTC text) and the local date, of an ISO 8601 text.

    Raises ValueError for text the model refuses. The usual form `YYYY-MM-DDTHH:MM:SS+HH:00`
    shares its conversion with every instant of the same local hour and offset (minutes and
    seconds stay as they are), so that is worked out once per hour and kept.
    """
    if (
        len(text) == 25
        and text[10] == "T"
        and text[13] == text[16] == text[22] == ":"
        and text[23:] == "00"
    ):
        key = text[:13] + text[19:]
        known = _HOURS.get(key)
        if known is not None and text[14:16] in _SIXTY and text[17:19] in _SIXTY:
            return f"{known[0]}{text[13:19]}+00:00", known[1]
        instant, local_date = _convert(text)
        if len(_HOURS) >= _REMEMBERED:
            _HOURS.clear()
        _HOURS[key] = (instant[:13], local_date)
        return instant, local_date
    return _convert(text)


def _convert(text: str) -> tuple[str, str]:
    at = _instant(text)
    if at.tzinfo is None:
        raise ValueError(f"{text!r} has no offset")
    check_plausible_year(at.year)  # also keeps the conversion to UTC from overflowing
    return str(at.astimezone(_UTC)), at.date().isoformat()


# the crossing fields in CROSSING_FIELDS order with their defaults (None: required)
_FIELDS = (
    ("event_id", None),
    ("authority", None),
    ("border_post", None),
    ("direction", None),
    ("at", None),
    ("from_country", None),
    ("to_country", None),
    ("surname", None),
    ("given_name", ""),
    ("patronymic", ""),
    ("sex", ""),
    ("birth_date", ""),
    ("nationality", None),
    ("document_type", "P"),
    ("document_number", None),
    ("document_issuer", ""),
    ("document_expiry", ""),
    ("purpose", "other"),
    ("grounds", ""),
)
assert tuple(name for name, _ in _FIELDS) == CROSSING_FIELDS


def quick_row(fields: dict[str, str], node_authority: str, source: str) -> CrossingRow | None:
    """The SQLite-form row of a plainly valid record of this node, or None (go the full way)."""
    values = [fields.get(name, default) for name, default in _FIELDS]
    if None in values:
        return None  # a required field is missing
    return quick_values(values, node_authority, source)  # type: ignore[arg-type]


def quick_values(values: Sequence[str], node_authority: str, source: str) -> CrossingRow | None:
    """`quick_row` for the field values in CROSSING_FIELDS order (a CSV line's columns)."""
    # each code is checked by taking the code table's own copy of it (None if unknown)
    origin: str | None
    destination: str | None
    nationality: str | None
    direction: str | None
    sex: str | None
    document_type: str | None
    issuer: str | None
    purpose: str | None
    grounds: str | None
    (
        event_id,
        authority,
        border_post,
        direction,
        at_text,
        origin,
        destination,
        surname,
        given,
        patronymic,
        sex,
        birth,
        nationality,
        document_type,
        number,
        issuer,
        expiry,
        purpose,
        grounds,
    ) = values
    try:
        if not (
            authority == node_authority
            and authority in _COUNTRIES
            and (origin := _COUNTRIES.get(origin)) is not None
            and (destination := _COUNTRIES.get(destination)) is not None
            and origin != destination
            and (nationality := _COUNTRIES.get(nationality)) is not None
            and (direction := _DIRECTIONS.get(direction)) is not None
            and (
                (direction == "exit" and authority == origin)
                or (direction == "entry" and authority == destination)
            )
            and 0 < len(event_id) <= 64
            and 0 < len(border_post) <= 32
            and 0 < len(surname) <= 200
            and len(given) <= 200
            and len(patronymic) <= 200
            and 0 < len(number) <= 32
            and (sex := _SEXES.get(sex)) is not None
            and (document_type := _DOCUMENT_TYPES.get(document_type)) is not None
            and (issuer := _ISSUERS.get(issuer)) is not None
            and (purpose := _PURPOSES.get(purpose)) is not None
            and (grounds := _GROUNDS.get(grounds)) is not None
            and event_id.strip() is event_id
            and border_post.strip() is border_post
            and surname.strip() is surname
            and given.strip() is given
            and patronymic.strip() is patronymic
            and number.strip() is number
            and birth.strip() is birth
            and event_id.isprintable()
            and border_post.isprintable()
            and surname.isprintable()
            and given.isprintable()
            and patronymic.isprintable()
            and number.isprintable()
        ):
            return None
        if birth and birth not in _BIRTHS:
            if not _FIRST_YEAR <= birth[:4] <= _LAST_YEAR:
                return None
            check_partial_date(birth)
            _remember(_BIRTHS, birth, birth)
        instant, local_date = _instant_texts(at_text)
        expiry_day = _EXPIRIES.get(expiry) if expiry else None
        if expiry and expiry_day is None:
            if not (
                len(expiry) == 10
                and expiry[4] == expiry[7] == "-"
                and expiry.isascii()
                and _FIRST_YEAR <= expiry[:4] <= _LAST_YEAR
            ):
                return None
            expiry_day = _day(expiry).isoformat()
            _remember(_EXPIRIES, expiry, expiry_day)
    except (ValueError, TypeError, AttributeError, OverflowError):
        return None
    key = person_key(nationality, number)
    if len(key) > len(nationality) + 1 + DOCUMENT_NUMBER_LENGTH:  # `NAT:NUMBER`
        return None  # longer in capitals (`ß` is `SS`) than a document number may be
    return (
        node_authority,  # the same code (checked above), one string for every row
        event_id,
        border_post,
        direction,
        instant,
        local_date,
        origin,
        destination,
        surname,
        given,
        patronymic,
        sex,
        birth,
        nationality,
        document_type,
        number,
        issuer,
        expiry_day,
        purpose,
        grounds,
        key,
        source,
    )
