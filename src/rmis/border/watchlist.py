"""The node's watchlist screening plugged into the border check.

The traveller, as the MRZ or the typed fields present them, is screened as a person record
against the node's stored watchlist (`rmis.watchlist`). Hits are stored for a liaison to
review and audited; a dismissed hit on the same person data is not raised again.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection

from rmis.border.signals import PresentedDocument
from rmis.model import PersonRecord, Principal
from rmis.registry import Registry
from rmis.screening import Decision
from rmis.watchlist import StoredHit, node_index, screen_in

NO_ENTRIES = {"status": "not_run", "reason": "no watchlist entries on this node: not screened"}


def traveller_record(traveller: PresentedDocument) -> PersonRecord | None:
    """The traveller as a person record; None without a surname to screen by."""
    fields: dict[str, Any] = {
        "record_id": traveller.person_key,
        "source": "border-check",
        "surname": traveller.surname,
        "given_name": traveller.given_names,
        "sex": traveller.sex,
        "birth_date": traveller.birth_date.isoformat() if traveller.birth_date else "",
        "nationality": traveller.nationality or None,
        "document_number": traveller.document_number,
    }
    for attempt in (fields, fields | {"nationality": None}):
        try:
            return PersonRecord(**attempt)
        except ValidationError:
            continue
    return None


class NodeWatchlistScreener:
    """A `WatchlistScreener` over the watchlist stored in a node's registry."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def warm(self) -> int:
        """Build the watchlist index now rather than on the first traveller; its size."""
        return len(node_index(self.registry))

    def screen(
        self,
        conn: Connection,
        principal: Principal,
        traveller: PresentedDocument,
        watchlist_seen: int | None = None,
    ) -> dict[str, Any]:
        index = node_index(self.registry, conn=conn, latest=watchlist_seen)
        if len(index) == 0:
            return dict(NO_ENTRIES)
        record = traveller_record(traveller)
        if record is None:
            reason = "the document gives no surname to screen by: not screened"
            return {"status": "not_run", "reason": reason, "entries": len(index)}
        stored = screen_in(conn, self.registry, principal, record, False, index)
        return screening_section(stored, len(index))


def screening_section(stored: list[StoredHit], entries: int) -> dict[str, Any]:
    """`hit` on any alert, `possible` on review hits only, else `clear`; one reason per hit."""
    alerts = [s for s in stored if s.hit.decision is Decision.ALERT]
    status = "hit" if alerts else "possible" if stored else "clear"
    return {
        "status": status,
        "reasons": [_reason(s) for s in stored],
        "entries": entries,
        "hits": [_hit(s) for s in stored],
    }


def _reason(stored: StoredHit) -> str:
    hit = stored.hit
    why = "; ".join(hit.explanation)
    return f"{hit.decision.value} on entry {hit.entry_id} (score {hit.score:.2f}): {why}"


def _hit(stored: StoredHit) -> dict[str, Any]:
    hit = stored.hit
    return {
        "hit_id": stored.hit_id,
        "entry_id": hit.entry_id,
        "entry_version": hit.entry_version,
        "score": round(hit.score, 4),
        "decision": hit.decision.value,
        "explanation": list(hit.explanation),
    }
