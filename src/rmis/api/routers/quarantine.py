"""Quarantine: list, inspect, correct and retry the records ingest held back."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body, Query

from rmis.access import authorize, record_access
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.ingest import retry_all, retry_quarantined
from rmis.model import Permission, QuarantinedRecord, QuarantineStatus
from rmis.registry import count_quarantined, get_quarantined, list_quarantined

router = APIRouter(tags=["quarantine"])


def quarantined_dict(record: QuarantinedRecord, full: bool = False) -> dict[str, Any]:
    """A quarantined record as JSON; `full` adds its raw text and fields."""
    out: dict[str, Any] = {
        "id": record.id,
        "source": record.source,
        "line": record.line,
        "status": record.status.value,
        "problems": [p.as_dict() for p in record.problems],
        "received_at": record.received_at.isoformat(),
        "resolution": record.resolution,
    }
    if full:
        out |= {"raw": record.raw, "fields": record.fields}
    return out


@router.get("/v1/quarantine")
def list_held(
    node: NodeDep,
    principal: PrincipalDep,
    status: QuarantineStatus | None = QuarantineStatus.HELD,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Quarantined records with their problems (no raw text: open one to see it)."""
    authorize(principal, Permission.QUARANTINE_MANAGE)
    with node.registry.reader() as conn:
        records = list_quarantined(conn, status, limit, offset)
        total = count_quarantined(conn, status)
    return {"total": total, "records": [quarantined_dict(r) for r in records]}


@router.get("/v1/quarantine/{record_id}")
def show_held(record_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """One quarantined record with its raw text and fields (audited)."""
    authorize(principal, Permission.QUARANTINE_MANAGE)
    with node.registry.unit_of_work() as conn:
        record = get_quarantined(conn, record_id)
        record_access(conn, principal, "quarantine.read", f"quarantine:{record.id}")
    return quarantined_dict(record, full=True)


@router.post("/v1/quarantine/{record_id}/retry")
def retry_held(
    record_id: str,
    node: NodeDep,
    principal: PrincipalDep,
    corrections: dict[str, str] = Body(default_factory=dict, embed=True),
) -> dict[str, Any]:
    """Correct fields of a held record and validate it again; stored once when valid."""
    outcome = retry_quarantined(
        node.registry, principal, record_id, corrections, node_authority=node.authority
    )
    return outcome.as_dict()


@router.post("/v1/quarantine/retry")
def retry_every_held(node: NodeDep, principal: PrincipalDep) -> dict[str, int]:
    """Validate every held record again, as it stands."""
    return retry_all(node.registry, principal, node_authority=node.authority)
