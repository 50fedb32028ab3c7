"""Persons: who a traveller is and where they went (person-level, audited)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from rmis.access import authorize_person_access, record_access
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.registry import crossings_of_person, get_person

router = APIRouter(tags=["persons"])


@router.get("/v1/persons/{person_key}")
def read_person(
    person_key: str,
    node: NodeDep,
    principal: PrincipalDep,
    limit: int = Query(100, ge=1, le=1000, description="How many crossings, newest first"),
) -> dict[str, Any]:
    """A person (`NAT:DOCUMENT` until identity resolution), documents and crossings."""
    authorize_person_access(principal, node.authority)
    with node.registry.unit_of_work() as conn:
        person = get_person(conn, person_key)
        person["crossings"] = crossings_of_person(conn, person_key, limit)
        record_access(conn, principal, "person.read", f"person:{person_key}")
    return person
