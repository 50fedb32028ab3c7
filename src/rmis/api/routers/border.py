"""The border check, lost and stolen documents, and overstays (person-level, audited)."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Body, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from rmis.access import authorize
from rmis.api.deps import NodeDep, PrincipalDep, request_principal
from rmis.border import (
    AlertReport,
    BorderCheckRequest,
    StoredCheck,
    check_writer,
    clear_alert,
    confirm_check,
    get_alert,
    get_check,
    list_alerts,
    list_overstays,
    prepare_check,
    report_alerts,
)
from rmis.errors import ValidationFailed
from rmis.model import AuditEntry, Permission
from rmis.node import Node

router = APIRouter(tags=["border"])
MAX_ALERTS = 10_000

CHECK_EXAMPLE = {
    "mrz": [
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
    ],
    "border_post": "RUS-DME",
    "direction": "entry",
    "at": "2011-06-01T10:00:00+03:00",
    "grounds": "visa-free",
}


class Decision(BaseModel):
    """A person's decision on a check: `admit` records the crossing; `refuse` needs a note."""

    decision: Literal["admit", "refuse"]
    note: str = ""


class Clearing(BaseModel):
    reason: str


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """A JSON schema with its `$defs` put in place of each reference (for `openapi_extra`)."""
    defs = schema.pop("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return inline(defs[ref.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        return [inline(item) for item in node] if isinstance(node, list) else node

    return dict(inline(schema))


CHECK_OPENAPI = {
    "parameters": [
        {"name": "x-api-key", "in": "header", "required": False, "schema": {"type": "string"}},
        {"name": "authorization", "in": "header", "required": False, "schema": {"type": "string"}},
        {"name": "x-purpose", "in": "header", "required": True, "schema": {"type": "string"},
         "description": "Why the caller needs the data"},
    ],
    "requestBody": {
        "required": True,
        "content": {"application/json": {
            "schema": _inlined(BorderCheckRequest.model_json_schema()),
            "example": CHECK_EXAMPLE,
        }},
    },
}  # fmt: skip


@router.post(
    "/v1/border-checks",
    response_class=Response,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
    openapi_extra=CHECK_OPENAPI,
)
async def post_border_check(http: Request) -> Response:
    """Check a traveller: document, lost/stolen, screening, stay, last trips; clear or refer.

    Screening runs when the app has a `screener` (a `WatchlistScreener`); else the answer
    says it was not run. The body is the answer exactly as stored with the check, sent once
    the check and its audit entry are committed. The busiest endpoint of a post reads its
    caller and body itself (the same rules as every other endpoint), which spares FastAPI's
    per-request dependency machinery.
    """
    principal = await request_principal(http)
    request = _check_request(await http.body())
    node: Node = http.app.state.node
    screener = getattr(http.app.state, "screener", None)
    prepared = await run_in_threadpool(prepare_check, node, principal, request, screener)
    if prepared.unwritten is not None:
        await _written(node, *prepared.unwritten)
    return Response(prepared.text, media_type="application/json")


def _check_request(body: bytes) -> BorderCheckRequest:
    """The request body as a `BorderCheckRequest`; errors as FastAPI reports a body's."""
    try:
        return BorderCheckRequest.model_validate_json(body)
    except ValidationError as e:
        errors = [{**error, "loc": ("body", *error["loc"])} for error in e.errors()]
        raise RequestValidationError(errors, body=body) from e


async def _written(node: Node, check: StoredCheck, entry: AuditEntry) -> None:
    """Hand the check to the registry's writer; wait on the event loop, not in a thread."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        loop.call_soon_threadsafe(_settle, done, error)

    check_writer(node.registry).submit(check, entry, settle)
    await done


def _settle(done: asyncio.Future[None], error: BaseException | None) -> None:
    if done.done():  # the caller went away; the check is stored all the same
        return
    if error is None:
        done.set_result(None)
    else:
        done.set_exception(error)


@router.get("/v1/border-checks/{check_id}")
def read_border_check(check_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """A stored check with the decision on it, if any."""
    return get_check(node, principal, check_id)


@router.post("/v1/border-checks/{check_id}/decision")
def decide_border_check(
    check_id: str, decision: Decision, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """A person decides: admitting records the crossing; a refusal states its grounds."""
    return confirm_check(node, principal, check_id, decision.decision, decision.note)


@router.post("/v1/document-alerts")
def post_document_alerts(
    node: NodeDep, principal: PrincipalDep, body: Any = Body(...)
) -> dict[str, Any]:
    """Report one lost, stolen or revoked document (an object) or a list of at most 10,000."""
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_ALERTS:
        raise ValidationFailed(f"at most {MAX_ALERTS} alerts at once, not {len(items)}")
    reports = [_report(i, item) for i, item in enumerate(items)]
    with node.registry.unit_of_work() as conn:
        stored = report_alerts(conn, principal, reports)
    created = sum(new for _, new in stored)
    return {
        "read": len(stored),
        "created": created,
        "already_reported": len(stored) - created,
        "alerts": [alert.to_json_dict() for alert, _ in stored[:100]],
    }


def _report(position: int, item: Any) -> AlertReport:
    from pydantic import ValidationError

    try:
        return AlertReport.model_validate(item)
    except ValidationError as e:
        problems = [
            {"field": f"{position}." + ".".join(map(str, x["loc"])), "message": x["msg"]}
            for x in e.errors()
        ]
        raise ValidationFailed("invalid document alert", problems) from e


@router.get("/v1/document-alerts")
def get_document_alerts(
    node: NodeDep,
    principal: PrincipalDep,
    active: bool = Query(True, description="Only alerts that still stand"),
    number: str = Query("", description="Only alerts on this document number"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> list[dict[str, Any]]:
    """Reported documents, newest report first."""
    from rmis.border import find_alerts

    authorize(principal, Permission.DOCUMENT_ALERTS_READ)
    with node.registry.reader() as conn:
        if number:
            alerts = find_alerts(conn, number, active=active)
        else:
            alerts = list_alerts(conn, active, limit, offset)
    return [alert.to_json_dict() for alert in alerts]


@router.get("/v1/document-alerts/{alert_id}")
def get_document_alert(alert_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    authorize(principal, Permission.DOCUMENT_ALERTS_READ)
    with node.registry.reader() as conn:
        return get_alert(conn, alert_id).to_json_dict()


@router.delete("/v1/document-alerts/{alert_id}")
def delete_document_alert(
    alert_id: str, clearing: Clearing, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Clear an alert (found, or reported by mistake); it is kept with who cleared it and why."""
    with node.registry.unit_of_work() as conn:
        return clear_alert(conn, principal, alert_id, clearing.reason).to_json_dict()


@router.get("/v1/overstays")
def get_overstays(
    node: NodeDep,
    principal: PrincipalDep,
    on: dt.date = Query(..., description="The day judged"),
    year: Literal["calendar", "rolling"] = Query("calendar", description="The 90/365 year"),
) -> dict[str, Any]:
    """Everyone present on `on` past their allowed stay, computed in the database."""
    with node.registry.unit_of_work() as conn:
        return list_overstays(conn, principal, node.authority, on, year)
