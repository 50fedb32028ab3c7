"""Statistics: aggregates only, never a person."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from rmis.access import authorize
from rmis.api.deps import NodeDep, PrincipalDep
from rmis.model import Permission, Purpose
from rmis.model.crossing import FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR
from rmis.stats import DepartureQuery, departures_report, departures_sentence

router = APIRouter(tags=["stats"])


@router.get("/v1/stats/departures")
def departures(
    node: NodeDep,
    principal: PrincipalDep,
    year: int = Query(..., ge=FIRST_PLAUSIBLE_YEAR, le=LAST_PLAUSIBLE_YEAR),
    authority: str = Query("", pattern="^([A-Z]{3})?$", description="Default: this node's"),
    purpose: Purpose | None = None,
    nationality: str = Query("", pattern="^([A-Z]{1,3})?$", description="Default: authority's"),
) -> dict[str, Any]:
    """Distinct nationals whose exit the authority recorded in `year`, by sex and destination,
    with the previous year's figure and the change."""
    authorize(principal, Permission.STATS_READ)
    query = DepartureQuery(
        authority or node.authority, year, nationality, purpose.value if purpose else ""
    )
    with node.registry.reader() as conn:
        report = departures_report(conn, query)
    return report | {"summary": departures_sentence(report)}
