"""Links between identities: the ones waiting for a person to decide, and their review."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from rmis.access import authorize, record_access
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.errors import AccessDenied
from rmis.linking import review_link, store
from rmis.model import Permission, Principal

router = APIRouter(tags=["persons"])

LinkClassName = Literal["white", "yellow", "red", "green"]


class LinkReviewIn(BaseModel):
    decision: Literal["green", "white"]
    reason: Annotated[str, Field(min_length=1)]


def _reviewer(principal: Principal, owner: str) -> None:
    authorize(principal, Permission.LINKS_REVIEW, owner)
    if not principal.purpose.strip():
        raise AccessDenied("state the purpose of this person-level access (X-Purpose header)")


@router.get("/v1/links")
def list_links(
    node: NodeDep,
    principal: PrincipalDep,
    link_class: Annotated[LinkClassName | None, Query(alias="class")] = "yellow",
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Links of one class (default yellow: waiting for review), each with both identities'
    records (audited)."""
    _reviewer(principal, node.authority)
    with node.registry.unit_of_work() as conn:
        links = store.list_links(conn, link_class, limit, offset)
        records = store.identity_records(conn, [k for x in links for k in (x["left"], x["right"])])
        for link in links:
            link["left_records"] = records.get(link["left"], [])
            link["right_records"] = records.get(link["right"], [])
        record_access(conn, principal, "links.list", f"links:{link_class or 'all'}",
                      {"count": len(links)})  # fmt: skip
    return {"links": links}


@router.post("/v1/links/{left}/{right}/review")
def review(
    left: str, right: str, body: LinkReviewIn, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Decide a link: `green` (different people: never merged again) or `white` (one
    person), always with a reason (audited)."""
    _reviewer(principal, node.authority)
    return review_link(node.registry, principal, left, right, body.decision, body.reason)
