"""Repairing quarantined records: correct fields, validate again, store once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rmis.access import authorize, record_access
from rmis.ingest.pipeline import check_record
from rmis.ingest.readers import RawRecord
from rmis.model import Crossing, Permission, Principal, Problem, QuarantineStatus
from rmis.registry import (
    Registry,
    get_quarantined,
    list_quarantined,
    resolve_quarantined,
    row_builder,
    update_held,
    write_crossings,
)


@dataclass(frozen=True, slots=True)
class RetryOutcome:
    """What retrying one quarantined record did."""

    id: str
    status: str  # stored | duplicate | held | already-resolved
    problems: list[dict[str, str]] = field(default_factory=list)
    event_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "event_id": self.event_id,
            "problems": self.problems,
        }


def retry_quarantined(
    registry: Registry,
    principal: Principal,
    record_id: str,
    corrections: dict[str, str],
    *,
    node_authority: str,
) -> RetryOutcome:
    """Apply `corrections` to a held record and validate it again; stored at most once."""
    authorize(principal, Permission.QUARANTINE_MANAGE)
    with registry.unit_of_work() as conn:
        held = get_quarantined(conn, record_id)
        if held.status is QuarantineStatus.RESOLVED:
            return RetryOutcome(held.id, "already-resolved", event_id=held.resolution)
        fields = {**held.fields, **corrections}
        outcome = check_record(RawRecord(held.line, held.raw, fields), node_authority)
        record_access(
            conn,
            principal,
            "quarantine.retry",
            f"quarantine:{held.id}",
            {"corrected": sorted(corrections), "valid": isinstance(outcome, Crossing)},
        )
        if isinstance(outcome, list):
            update_held(conn, held.id, fields, outcome)
            return RetryOutcome(held.id, "held", _dicts(outcome))
        stored = write_crossings(conn, [row_builder(registry.dialect)(outcome, held.source)])
        resolve_quarantined(conn, held.id, f"{outcome.authority}/{outcome.event_id}")
        status = "stored" if stored else "duplicate"
        return RetryOutcome(held.id, status, event_id=outcome.event_id)


def retry_all(registry: Registry, principal: Principal, *, node_authority: str) -> dict[str, int]:
    """Validate every held record again (after a rule or code table changed)."""
    counts = {"stored": 0, "duplicate": 0, "held": 0, "already-resolved": 0}
    with registry.reader() as conn:
        ids = [r.id for r in list_quarantined(conn, limit=1_000_000)]
    for record_id in ids:
        outcome = retry_quarantined(
            registry, principal, record_id, {}, node_authority=node_authority
        )
        counts[outcome.status] += 1
    return counts


def _dicts(problems: list[Problem]) -> list[dict[str, str]]:
    return [p.as_dict() for p in problems]
