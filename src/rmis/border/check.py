"""The border check: document, lost and stolen papers, screening, stay and last trips.

RMIS recommends (`clear` or `refer`, each with its reasons); a person decides, and
confirming a check records the crossing. Every check and decision is audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from rmis.border.alerts import document_number_key
from rmis.border.facts import RegistryFacts
from rmis.border.signals import (
    PresentedDocument,
    impossible_travel,
    mrz_typed_differences,
    other_identities,
)
from rmis.border.trips import Passage, recorded_stays
from rmis.documents import MrzReading, parse_mrz
from rmis.errors import ValidationFailed
from rmis.model import Direction, Purpose
from rmis.model.crossing import CountryCode

LAST_TRIPS = 5


class TypedDocument(BaseModel):
    """Document data typed at the post (or read by other means than the MRZ)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    document_type: str = "P"
    issuing_state: str = ""
    document_number: str = ""
    surname: str = ""
    given_names: str = ""
    nationality: str = ""
    birth_date: dt.date | None = None
    sex: Literal["M", "F", "X", ""] = ""
    expiry_date: dt.date | None = None


class BorderCheckRequest(BaseModel):
    """What the post sends: an MRZ, typed document data or both, and where and which way."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    mrz: list[str] | str | None = None
    document: TypedDocument | None = None
    border_post: Annotated[str, Field(min_length=1, max_length=32)]
    direction: Direction
    at: AwareDatetime | None = None
    grounds: str = ""
    purpose: Purpose = Purpose.OTHER
    other_country: CountryCode | None = None

    @model_validator(mode="after")
    def _has_a_document(self) -> BorderCheckRequest:
        if not self.mrz and self.document is None:
            raise ValueError("send the MRZ, the document's fields, or both")
        return self


def presented_document(request: BorderCheckRequest, on: dt.date) -> tuple[
    PresentedDocument, MrzReading | None, TypedDocument | None
]:  # fmt: skip
    """The document as presented: the MRZ when read, else the typed fields."""
    reading = parse_mrz(request.mrz, today=on) if request.mrz else None
    if reading is not None:
        return _from_reading(reading), reading, request.document
    assert request.document is not None
    typed = request.document
    if not (typed.document_number and typed.nationality):
        raise ValidationFailed(
            "typed document data need at least the number and the nationality",
            [{"field": "document", "message": "document_number and nationality are required"}],
        )
    return _from_typed(typed), None, None


def _from_reading(r: MrzReading) -> PresentedDocument:
    return PresentedDocument(
        r.document_type, r.issuing_state, r.document_number, r.surname, r.given_names,
        r.nationality, r.birth_date, "" if r.sex == "X" else r.sex, r.expiry_date,
    )  # fmt: skip


def _from_typed(t: TypedDocument) -> PresentedDocument:
    return PresentedDocument(
        t.document_type, t.issuing_state or t.nationality, document_number_key(t.document_number),
        t.surname, t.given_names, t.nationality, t.birth_date, t.sex, t.expiry_date,
    )  # fmt: skip


def document_section(
    doc: PresentedDocument, reading: MrzReading | None, on: dt.date
) -> tuple[dict[str, Any], list[str]]:
    """(document section, reasons to refer): the MRZ's problems and the expiry on `on`."""
    reasons = []
    if reading is not None:
        reasons += [
            f"MRZ {p.field}: {p.message}" for p in reading.problems if p.severity == "error"
        ]
    if doc.expiry_date is not None and on > doc.expiry_date:
        reasons.append(f"expired on {doc.expiry_date}")
    warnings = [f"MRZ {p.field}: {p.message}" for p in reading.problems] if reading else []
    warnings = [w for w in warnings if w not in reasons]
    if doc.expiry_date is None:
        warnings.append("no expiry date known")
    status = "expired" if doc.expiry_date and on > doc.expiry_date else "valid"
    if reading is not None and not reading.valid:
        status = "invalid"
    section = {
        "status": status,
        "reasons": reasons + warnings,
        "mrz": reading.to_json_dict() if reading is not None else None,
    }
    return section, reasons


def lost_stolen_section(facts: RegistryFacts) -> tuple[dict[str, Any], list[str]]:
    reasons = [
        f"reported {a.report.status.value} by {a.report.reporting_authority} "
        f"on {a.report.reported_on} ({a.report.source})"
        for a in facts.alerts
    ]
    section = {
        "status": "hit" if reasons else "clear",
        "reasons": reasons,
        "alerts": [a.to_json_dict() for a in facts.alerts],
    }
    return section, reasons


def falsification_section(
    request: BorderCheckRequest,
    doc: PresentedDocument,
    typed: TypedDocument | None,
    facts: RegistryFacts,
    at: dt.datetime,
) -> tuple[dict[str, Any], list[str]]:
    signals = other_identities(doc, facts.crossings, facts.registered_to)
    last = facts.crossings[0] if facts.crossings else None
    travel, note = impossible_travel(last, request.border_post, at)
    signals += [travel] if travel else []
    if typed is not None:
        signals += mrz_typed_differences(doc, _from_typed(typed))
    section = {"status": "signals" if signals else "none", "reasons": signals}
    if note:
        section["notes"] = [note]
    return section, signals


def last_trips(passages: list[Passage], on: dt.date) -> list[dict[str, Any]]:
    """The newest trips the records show (`passages` oldest first), newest first."""
    stays = recorded_stays(passages, on)
    return [trip.to_json_dict() for trip in reversed(stays.trips[-LAST_TRIPS:])]
