"""Border crossings and the traveller's person record: the contracts every part keeps."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
)

from rmis.model.countries import ICAO_COUNTRY_CODES

CROSSING_FIELDS: tuple[str, ...] = (
    "event_id",
    "authority",
    "border_post",
    "direction",
    "at",
    "from_country",
    "to_country",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "nationality",
    "document_type",
    "document_number",
    "document_issuer",
    "document_expiry",
    "purpose",
    "grounds",
)
PERSON_FIELDS: tuple[str, ...] = (
    "record_id",
    "source",
    "surname",
    "given_name",
    "patronymic",
    "sex",
    "birth_date",
    "nationality",
    "document_number",
)

# ASCII digits only: `\d` would also take other scripts' digits, which `int` reads but no other
# system holding the date would
_PARTIAL_DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")

# Every date a crossing record holds (the instant, the birth date, the document's expiry) lies
# in these years, as the departures statistics' years do. Anything earlier or later is a typing
# error, and the extremes Python can hold (years 1 and 9999) would overflow on the way to UTC or
# in the stay rules' day arithmetic.
FIRST_PLAUSIBLE_YEAR = 1900
LAST_PLAUSIBLE_YEAR = 2200


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class Purpose(StrEnum):
    WORK = "work"
    STUDY = "study"
    PRIVATE = "private"
    TOURISM = "tourism"
    TRANSIT = "transit"
    OFFICIAL = "official"
    OTHER = "other"


class StayGrounds(StrEnum):
    """Legal grounds of a stay, as the host state's post records them."""

    VISA_FREE = "visa-free"
    LABOUR_PATENT = "labour-patent"
    EAEU_CONTRACT = "eaeu-contract"
    RESIDENCE_PERMIT = "residence-permit"
    TEMPORARY_RESIDENCE = "temporary-residence"
    STUDENT = "student"
    VISA = "visa"
    OFFICIAL = "official"
    NONE = ""

    @classmethod
    def parse(cls, text: str) -> StayGrounds:
        """The grounds named by `text`, also as written with underscores ("labour_patent")."""
        try:
            return cls(text.strip().lower().replace("_", "-").replace(" ", "-"))
        except ValueError:
            known = ", ".join(g.value for g in cls if g.value)
            raise ValueError(f"unknown grounds {text!r}: one of {known}, or empty") from None


def check_partial_date(text: str) -> str:
    """Accept empty, YYYY, YYYY-MM or a real YYYY-MM-DD (a birth date may be partial)."""
    if not text:
        return text
    # the pattern first: `date.fromisoformat` also reads week dates (`2023-W01-1`), which would be
    # kept as written
    if not _PARTIAL_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in text.split("-")]
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        raise ValueError(f"{text!r} has no month {parts[1]}")
    if len(parts) == 3:
        try:
            dt.date(*parts)
        except ValueError as e:
            raise ValueError(f"{text!r} is not a real date ({e})") from None
    return text


def check_plausible_year(year: int) -> None:
    """Refuse a date whose year is outside FIRST_PLAUSIBLE_YEAR..LAST_PLAUSIBLE_YEAR."""
    if not FIRST_PLAUSIBLE_YEAR <= year <= LAST_PLAUSIBLE_YEAR:
        raise ValueError(
            f"year {year} is outside the plausible years "
            f"{FIRST_PLAUSIBLE_YEAR} to {LAST_PLAUSIBLE_YEAR}"
        )


def check_birth_date(text: str) -> str:
    """A crossing's birth date: a partial date (`check_partial_date`) in a plausible year."""
    check_partial_date(text)
    if text:
        check_plausible_year(int(text[:4]))
    return text


def _plausible_instant(at: dt.datetime) -> dt.datetime:
    check_plausible_year(at.year)
    return at


def _plausible_day(day: dt.date | None) -> dt.date | None:
    if day is not None:
        check_plausible_year(day.year)
    return day


def _parse_instant(value: Any) -> Any:
    """Read ISO 8601 text with the standard library (fixed-offset tzinfo, fast to convert)."""
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value)
        except ValueError:
            return value  # the model reports it
    return value


def _empty_to_none(value: Any) -> Any:
    return None if value == "" else value


if TYPE_CHECKING:
    CountryCode = str
else:
    # a Literal is checked inside pydantic-core, far faster than a Python validator
    CountryCode = Literal[tuple(sorted(ICAO_COUNTRY_CODES))]
COUNTRY_FIELDS = frozenset(
    {"authority", "from_country", "to_country", "nationality", "document_issuer"}
)
OptionalCountryCode = Annotated[CountryCode | None, BeforeValidator(_empty_to_none)]
PartialDate = Annotated[str, AfterValidator(check_partial_date)]
Sex = Literal["M", "F", "X", ""]
CrossingBirthDate = Annotated[str, AfterValidator(check_birth_date)]
# No name, post code, event id or document number holds a control character (C0, DEL or C1),
# and PostgreSQL cannot store NUL in text at all: such text is refused, checked inside
# pydantic-core like the other constraints.
NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f-\x9f]*$"
_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f]")
EventId = Annotated[str, Field(min_length=1, max_length=64, pattern=NO_CONTROL_CHARACTERS)]
PostCode = Annotated[str, Field(min_length=1, max_length=32, pattern=NO_CONTROL_CHARACTERS)]
Surname = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_CONTROL_CHARACTERS)]
OtherName = Annotated[str, Field(max_length=200, pattern=NO_CONTROL_CHARACTERS)]
DOCUMENT_NUMBER_LENGTH = 32


def check_number_in_capitals(number: str) -> str:
    """The person key holds the number in capitals, which can be longer (`ß` is `SS`)."""
    if len(number.upper()) > DOCUMENT_NUMBER_LENGTH:
        raise ValueError(
            f"{len(number.upper())} characters in capitals, more than the "
            f"{DOCUMENT_NUMBER_LENGTH} a document number holds"
        )
    return number


DocumentNumber = Annotated[
    str,
    Field(min_length=1, max_length=DOCUMENT_NUMBER_LENGTH, pattern=NO_CONTROL_CHARACTERS),
    AfterValidator(check_number_in_capitals),
]


class PersonRecord(BaseModel):
    """One source's record of a person: the unit of screening and linkage.

    Names are kept as written, in any script; normalised forms are derived elsewhere.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    record_id: Annotated[str, Field(min_length=1, max_length=128, pattern=NO_CONTROL_CHARACTERS)]
    source: str = ""
    surname: Surname
    given_name: OtherName = ""
    patronymic: OtherName = ""
    sex: Sex = ""
    birth_date: PartialDate = ""
    nationality: OptionalCountryCode = None
    document_number: Annotated[
        str, Field(max_length=DOCUMENT_NUMBER_LENGTH, pattern=NO_CONTROL_CHARACTERS)
    ] = ""


class Crossing(BaseModel):
    """A crossing of a member state's border, as the recording authority's post saw it."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    event_id: EventId
    authority: CountryCode
    border_post: PostCode
    direction: Direction
    at: Annotated[
        AwareDatetime, BeforeValidator(_parse_instant), AfterValidator(_plausible_instant)
    ]
    from_country: CountryCode
    to_country: CountryCode
    surname: Surname
    given_name: OtherName = ""
    patronymic: OtherName = ""
    sex: Sex = ""
    birth_date: CrossingBirthDate = ""
    nationality: CountryCode
    document_type: Annotated[str, Field(pattern=r"^[A-Z][A-Z<]?$")] = "P"
    document_number: DocumentNumber
    document_issuer: OptionalCountryCode = None
    document_expiry: Annotated[
        dt.date | None, BeforeValidator(_empty_to_none), AfterValidator(_plausible_day)
    ] = None
    purpose: Purpose = Purpose.OTHER
    grounds: StayGrounds = StayGrounds.NONE

    @property
    def at_utc(self) -> dt.datetime:
        """The instant in UTC."""
        return self.at.astimezone(dt.UTC)

    @property
    def local_date(self) -> dt.date:
        """The calendar date at the post (stay rules count these days)."""
        return self.at.date()

    @property
    def person_key(self) -> str:
        """The person until linkage resolves identities: nationality and document number."""
        return person_key(self.nationality, self.document_number)

    def person_record(self, source: str = "") -> PersonRecord:
        """The traveller as a person record, identified by the crossing's event."""
        return PersonRecord(
            record_id=f"{self.authority}/{self.event_id}",
            source=source or self.authority,
            surname=self.surname,
            given_name=self.given_name,
            patronymic=self.patronymic,
            sex=self.sex,
            birth_date=self.birth_date,
            nationality=self.nationality,
            document_number=self.document_number,
        )


def person_key(nationality: str, document_number: str) -> str:
    """`NAT:NUMBER`, the identity of a person before linkage."""
    return f"{nationality}:{document_number.upper()}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input record: the field at fault and what is wrong."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


def validate_crossing(raw: dict[str, Any]) -> Crossing | list[Problem]:
    """The valid crossing, or every problem of the record (fields, then cross-field rules)."""
    problems: list[Problem] = []
    crossing: Crossing | None = None
    try:
        crossing = _validate(raw)
    except ValidationError as e:
        problems.extend(_problems_of(e))
    except (TypeError, ValueError) as e:
        problems.append(Problem("record", str(e)))
    faulty = {p.field for p in problems} if problems else set()
    problems.extend(_cross_field_problems(raw, faulty))
    if problems or crossing is None:
        return problems or [Problem("record", "not a crossing")]
    return crossing


_validate = Crossing.__pydantic_validator__.validate_python


def _problems_of(error: ValidationError) -> list[Problem]:
    out = []
    for item in error.errors(include_url=False):
        field = ".".join(str(p) for p in item["loc"]) or "record"
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "missing":
            message = "missing"
        elif item["type"] == "string_too_short" and item.get("input") == "":
            message = "empty, a value is required"
        elif field in COUNTRY_FIELDS and item["type"] == "literal_error":
            message = f"unknown country code {item.get('input')!r} (ICAO 9303 code expected)"
        elif item["type"] == "string_pattern_mismatch" and _CONTROL_CHARACTER.search(
            str(item.get("input"))
        ):
            message = _control_character_message(str(item.get("input")))
        elif item["type"] in ("enum", "literal_error"):
            message = f"{item.get('input')!r} is not one of {_expected(item)}"
        elif isinstance(item.get("input"), str) and item["input"] not in message:
            message = f"{item['input']!r}: {message}"
        out.append(Problem(field, message))
    return out


def _control_character_message(text: str) -> str:
    found = _CONTROL_CHARACTER.search(text)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    return f"{text!r} holds the control character {code}, which no name, code or number holds"


def _expected(item: Any) -> str:
    ctx = item.get("ctx") or {}
    return str(ctx.get("expected", "the allowed values"))


def _cross_field_problems(raw: dict[str, Any], faulty: set[str]) -> list[Problem]:
    authority, direction = raw.get("authority"), raw.get("direction")
    origin, destination = raw.get("from_country"), raw.get("to_country")
    out = []
    if direction == "exit" and authority != origin and not faulty & {"authority", "from_country"}:
        message = f"exit recorded by {authority} but from_country is {origin}"
        out.append(Problem("from_country", message))
    if (
        direction == "entry"
        and authority != destination
        and not faulty & {"authority", "to_country"}
    ):
        message = f"entry recorded by {authority} but to_country is {destination}"
        out.append(Problem("to_country", message))
    if origin and origin == destination and "to_country" not in faulty:
        out.append(Problem("to_country", "from_country and to_country are the same"))
    return out
