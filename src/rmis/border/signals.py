"""Signs that a document is falsified or shared: each a sentence an officer can act on.

Pure functions over what the post read and what the registry holds; none of them decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rmis.border.posts import fastest_hours
from rmis.names import canonical_form


@dataclass(frozen=True, slots=True)
class PresentedDocument:
    """A travel document's data as presented (read from its MRZ, or typed at the post)."""

    document_type: str
    issuing_state: str
    document_number: str
    surname: str
    given_names: str
    nationality: str
    birth_date: dt.date | None
    sex: str
    expiry_date: dt.date | None

    @property
    def person_key(self) -> str:
        return f"{self.nationality}:{self.document_number}"


_COMPARED = ("document_number", "issuing_state", "nationality", "birth_date", "sex")
_NAMES = ("surname", "given_names")


def mrz_typed_differences(mrz: PresentedDocument, typed: PresentedDocument) -> list[str]:
    """Fields where the data typed at the post differ from the MRZ (names across scripts)."""
    out = []
    for field in _COMPARED:
        read, keyed = getattr(mrz, field), getattr(typed, field)
        if keyed not in (None, "") and str(read) != str(keyed):
            out.append(f"{field}: the MRZ reads '{read}', the post typed '{keyed}'")
    for field in _NAMES:
        read, keyed = getattr(mrz, field), getattr(typed, field)
        if keyed and canonical_form(read) != canonical_form(keyed):
            out.append(f"{field}: the MRZ reads {read!r}, the post typed {keyed!r}")
    return out


def impossible_travel(
    last: Mapping[str, Any] | None, post: str, at: dt.datetime
) -> tuple[str | None, str | None]:
    """(signal, note): a signal if the document's last crossing was too far away too recently.

    The note says when a post's position is unknown and the test could not be made.
    """
    if last is None or last["border_post"] == post:
        return None, None
    hours_needed = fastest_hours(str(last["border_post"]), post)
    if hours_needed is None:
        return None, f"no known position for {last['border_post']} or {post}: travel not timed"
    last_at = dt.datetime.fromisoformat(str(last["at"]))
    hours = abs((at - last_at).total_seconds()) / 3600
    if hours >= hours_needed:
        return None, None
    message = (
        f"presented at {last['border_post']} {hours:.1f} h earlier ({last['at']}); "
        f"the two posts are at least {hours_needed:.1f} h apart"
    )
    return message, None


def other_identities(
    presented: PresentedDocument,
    crossings: Sequence[Mapping[str, Any]],
    registered_person_key: str | None,
) -> list[str]:
    """Other identities the document number was recorded with: another birth date or sex,
    or the same issuer's number registered to another nationality."""
    out = []
    if registered_person_key and registered_person_key != presented.person_key:
        out.append(
            f"{presented.issuing_state} document {presented.document_number} is registered "
            f"to {registered_person_key}"
        )
    birth = presented.birth_date.isoformat() if presented.birth_date else ""
    births = sorted({str(c["birth_date"]) for c in crossings if len(str(c["birth_date"])) == 10})
    others = [b for b in births if b != birth]
    if birth and others:
        out.append(
            f"document {presented.document_number} was carried with birth date(s) "
            f"{', '.join(others)}, not {birth}"
        )
    sexes = sorted({str(c["sex"]) for c in crossings if c["sex"] in ("M", "F")})
    if presented.sex in ("M", "F") and [s for s in sexes if s != presented.sex]:
        out.append(f"document {presented.document_number} was carried by sex {'/'.join(sexes)}")
    return out
