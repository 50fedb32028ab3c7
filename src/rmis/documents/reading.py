"""What a reader makes of one machine-readable zone: the fields and every problem found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from rmis.documents.layout import MrzFormat

Severity = Literal["error", "warning"]
Sex = Literal["M", "F", "X"]

JsonValue = str | bool | None | list[dict[str, str | None]]


@dataclass(frozen=True, slots=True)
class MrzProblem:
    """One thing wrong with a field; `suggestion` is the field's corrected value, if any."""

    field: str
    message: str
    severity: Severity = "error"
    suggestion: str | None = None

    def to_json_dict(self) -> dict[str, str | None]:
        return {
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True, slots=True)
class MrzCorrection:
    """One character read differently from how it was printed or scanned.

    `in_reading` is True when the reading already uses the corrected character (a letter in
    a numeric field read as its digit look-alike), False when it is only suggested because it
    would make a failed check digit verify.
    """

    field: str
    line: int
    column: int
    read: str
    corrected: str
    in_reading: bool


@dataclass(frozen=True, slots=True)
class MrzReading:
    """The fields of one MRZ, as read; `problems` lists everything that did not check out."""

    format: MrzFormat
    document_type: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    birth_date: date | None
    sex: Sex
    expiry_date: date | None
    optional_data: str
    problems: tuple[MrzProblem, ...]
    lines: tuple[str, ...] = ()
    corrections: tuple[MrzCorrection, ...] = ()

    @property
    def valid(self) -> bool:
        """No problem of error severity (warnings allowed)."""
        return not any(problem.severity == "error" for problem in self.problems)

    def is_expired(self, on: date) -> bool:
        """True if the expiry date is known and `on` is after it."""
        return self.expiry_date is not None and on > self.expiry_date

    def corrected_lines(self) -> tuple[str, ...]:
        """The zone with every correction applied, read or suggested; parse it to re-check."""
        rows = [list(line) for line in self.lines]
        for fix in self.corrections:
            rows[fix.line][fix.column] = fix.corrected
        return tuple("".join(row) for row in rows)

    def to_json_dict(self) -> dict[str, JsonValue]:
        """The reading as the ``rmis mrz`` contract fixes it: these keys, ISO 8601 dates."""
        return {
            "format": self.format,
            "document_type": self.document_type,
            "issuing_state": self.issuing_state,
            "document_number": self.document_number,
            "surname": self.surname,
            "given_names": self.given_names,
            "nationality": self.nationality,
            "birth_date": _iso(self.birth_date),
            "sex": self.sex,
            "expiry_date": _iso(self.expiry_date),
            "optional_data": self.optional_data,
            "valid": self.valid,
            "problems": [problem.to_json_dict() for problem in self.problems],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
