"""Crossings: record one or a batch, read one back."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Body

from rmis.access import authorize_person_access, record_access
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.errors import ValidationFailed
from rmis.ingest import fields_record, ingest_records
from rmis.registry import get_crossing

router = APIRouter(tags=["crossings"])

EXAMPLE = {
    "event_id": "TJK-DYU-000123",
    "authority": "TJK",
    "border_post": "TJK-DYU",
    "direction": "exit",
    "at": "2023-04-12T06:35:00+05:00",
    "from_country": "TJK",
    "to_country": "RUS",
    "surname": "Раҳмонов",
    "given_name": "Ҷамшед",
    "patronymic": "",
    "sex": "M",
    "birth_date": "1990-01-02",
    "nationality": "TJK",
    "document_type": "P",
    "document_number": "400123456",
    "document_issuer": "TJK",
    "document_expiry": "2030-01-01",
    "purpose": "work",
    "grounds": "",
}
MAX_BATCH = 10_000


@router.post("/v1/crossings")
def post_crossings(
    node: NodeDep,
    principal: PrincipalDep,
    body: Any = Body(..., examples=[EXAMPLE]),
) -> dict[str, Any]:
    """Record one crossing (an object) or a batch (a list of at most 10,000).

    Answers `read / stored / duplicate / quarantined`, and for each quarantined record its
    position in the batch and every problem. Re-sending a crossing stores nothing new.
    """
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_BATCH:
        raise ValidationFailed(f"a batch holds at most {MAX_BATCH} crossings, not {len(items)}")
    records = (
        fields_record(i, json.dumps(item, ensure_ascii=False, sort_keys=True), item)
        for i, item in enumerate(items, 1)
    )
    summary = ingest_records(
        node.registry,
        records,
        principal,
        source=f"api:{principal.user}",
        node_authority=node.authority,
        batch_size=node.settings.ingest_batch_size,
        keep_held=True,
    )
    return summary.as_dict()


@router.get("/v1/crossings/{authority}/{event_id}")
def read_crossing(
    authority: str, event_id: str, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """One crossing with its traveller (person-level: audited, needs X-Purpose)."""
    authorize_person_access(principal, authority)
    with node.registry.unit_of_work() as conn:
        crossing = get_crossing(conn, authority, event_id)
        record_access(conn, principal, "crossing.read", f"crossing:{authority}/{event_id}")
    return crossing
