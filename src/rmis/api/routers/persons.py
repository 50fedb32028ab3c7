"""Persons: who a traveller is and where they went (person-level, audited)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from rmis.access import authorize_person_access, record_access
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.errors import NotFound
from rmis.linking import store
from rmis.registry import crossings_of_person, get_person

router = APIRouter(tags=["persons"])


@router.get("/v1/persons/{person_id}")
def read_person(
    person_id: str,
    node: NodeDep,
    principal: PrincipalDep,
    limit: int = Query(100, ge=1, le=1000, description="How many crossings, newest first"),
) -> dict[str, Any]:
    """A linked person (its UUID) with its records and links, or a document holder
    (`NAT:DOCUMENT`) with documents and crossings."""
    authorize_person_access(principal, node.authority)
    with node.registry.unit_of_work() as conn:
        if ":" in person_id:
            person = get_person(conn, person_id)
            person["crossings"] = crossings_of_person(conn, person_id, limit)
            linked = {store.person_of_record(conn, c["authority"], c["event_id"])
                      for c in person["crossings"]}  # fmt: skip
            person["linked_persons"] = sorted(p for p in linked if p)
        else:
            person = linked_person(conn, person_id, limit)
        record_access(conn, principal, "person.read", f"person:{person_id}")
    return person


def linked_person(conn: Any, person_id: str, limit: int) -> dict[str, Any]:
    """A person found by linkage: records newest first, documents, and every link of its
    identities (within the person, and yellow or red ones to other persons)."""
    records = store.records_of_person(conn, person_id)
    if not records:
        raise NotFound(f"no person {person_id!r}")
    keys = {r["identity_key"] for r in records}
    documents = sorted({(r["nationality"], r["document_number"]) for r in records})
    return {
        "person_id": person_id,
        "records": len(records),
        "identities": len(keys),
        "documents": [{"nationality": n, "number": d} for n, d in documents],
        "crossings": records[:limit],
        "links": store.links_of(conn, keys),
    }
