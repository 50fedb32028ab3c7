"""Running a border check and confirming the decision on it: what the API and CLI call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

import orjson
import uuid6
from sqlalchemy import Connection, select

from rmis.access import access_entry, authorize, authorize_person_access, record_access
from rmis.border.check import (
    BorderCheckRequest,
    TypedDocument,
    document_section,
    falsification_section,
    last_trips,
    lost_stolen_section,
    presented_document,
)
from rmis.border.facts import (
    ConnectionLost,
    RegistryFacts,
    StoredCheck,
    check_connection,
    read_facts,
    write_check,
)
from rmis.border.screening import WatchlistScreener, screen_traveller
from rmis.border.signals import PresentedDocument
from rmis.border.stays import stay_section
from rmis.border.trips import chronological
from rmis.border.writer import check_writer
from rmis.errors import Conflict, NotFound, StorageError, ValidationFailed
from rmis.ingest import fields_record, ingest_records
from rmis.model import AuditEntry, Permission, Principal
from rmis.node import Node
from rmis.registry.border_tables import border_checks

Decision = Literal["admit", "refuse"]
SCREENING_REFERS = frozenset({"hit", "possible"})


def run_check(
    node: Node,
    principal: Principal,
    request: BorderCheckRequest,
    screener: WatchlistScreener | None = None,
) -> dict[str, Any]:
    """Check a traveller at a post; the answer is stored until a person confirms it."""
    return check_with_text(node, principal, request, screener)[0]


def check_with_text(
    node: Node,
    principal: Principal,
    request: BorderCheckRequest,
    screener: WatchlistScreener | None = None,
) -> tuple[dict[str, Any], str]:
    """`run_check`'s answer and the JSON text stored with it (what the API sends back)."""
    prepared = prepare_check(node, principal, request, screener)
    if prepared.unwritten is not None:
        check_writer(node.registry).write(*prepared.unwritten)
    return prepared.answer, prepared.text


@dataclass(frozen=True, slots=True)
class PreparedCheck:
    """A check answered: its answer, the JSON text stored, and, if not stored yet, the row
    and audit entry the registry's `CheckWriter` must write before the answer is given."""

    answer: dict[str, Any]
    text: str
    unwritten: tuple[StoredCheck, AuditEntry] | None


def prepare_check(
    node: Node,
    principal: Principal,
    request: BorderCheckRequest,
    screener: WatchlistScreener | None = None,
) -> PreparedCheck:
    """Everything of a check but, on PostgreSQL, its write, which `rmis.border.writer`
    groups with other checks' writes (the caller hands it over and waits)."""
    authorize(principal, Permission.BORDER_CHECK)
    authorize_person_access(principal, node.authority)
    at = request.at or dt.datetime.now(dt.UTC)
    doc, reading, typed = presented_document(request, at.date())
    document, refer = document_section(doc, reading, at.date())
    shown = _Presented(at, doc, typed, crossing_fields(node.authority, request, doc, at),
                       document, refer)  # fmt: skip
    for attempt in (1, 2):
        try:
            with check_connection(node.registry) as conn:
                facts = read_facts(conn, doc)
                return _judged(conn, node, principal, request, screener, shown, facts)
        except ConnectionLost as e:  # a pooled connection the server dropped: once more
            if attempt == 2:
                raise StorageError(f"the registry is unreachable: {e}") from e
    raise AssertionError("unreachable")


@dataclass(frozen=True, slots=True)
class _Presented:
    """What the post presented, read before the registry is asked."""

    at: dt.datetime
    doc: PresentedDocument
    typed: TypedDocument | None
    crossing: dict[str, str]
    document: dict[str, Any]
    refer: list[str]


def _judged(
    conn: Connection,
    node: Node,
    principal: Principal,
    request: BorderCheckRequest,
    screener: WatchlistScreener | None,
    shown: _Presented,
    facts: RegistryFacts,
) -> PreparedCheck:
    at, doc, on = shown.at, shown.doc, shown.at.date()
    lost, lost_refer = lost_stolen_section(facts)
    signals, signal_refer = falsification_section(request, doc, shown.typed, facts, at)
    screening = screen_traveller(screener, conn, principal, doc, facts.watchlist_seen)
    passages = chronological(facts.crossings)
    stay, stay_refer = stay_section(
        node.authority, doc.nationality, request.grounds, on, passages, request.direction
    )
    refer = shown.refer + lost_refer + signal_refer + stay_refer + _screening_refer(screening)
    answer = {
        "check_id": str(uuid6.uuid7()),
        "at": at.isoformat(),
        "authority": node.authority,
        "border_post": request.border_post,
        "direction": request.direction.value,
        "traveller": _traveller(doc),
        "verdict": "refer" if refer else "clear",
        "reasons": refer,
        "document": shown.document,
        "lost_stolen": lost,
        "falsification": signals,
        "screening": screening,
        "stay": stay,
        "last_trips": last_trips(passages, on),
        "decided_by": "a person: RMIS recommends, the officer decides",
    }
    text = compact_json(answer)
    check, entry = _stored(principal, answer, text, shown.crossing)
    if conn.dialect.name != "postgresql":
        write_check(conn, check, entry)
        return PreparedCheck(answer, text, None)
    # written after the check's own transaction, which may hold the audit head's lock
    return PreparedCheck(answer, text, (check, entry))


def compact_json(value: dict[str, Any]) -> str:
    """`value` as compact JSON text, non-ASCII characters as they are: orjson's, which is
    byte for byte what `json.dumps(value, ensure_ascii=False, separators=(",", ":"))` gives
    for a check's answer, in a tenth of the time; `json`'s for what orjson refuses (text
    that is not valid Unicode)."""
    try:
        return orjson.dumps(value).decode()
    except orjson.JSONEncodeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _screening_refer(screening: dict[str, Any]) -> list[str]:
    if screening.get("status") in SCREENING_REFERS:
        return [f"watchlist {screening['status']}: {r}" for r in screening.get("reasons", [])]
    return []


def _traveller(doc: PresentedDocument) -> dict[str, Any]:
    return {
        "person_key": doc.person_key,
        "surname": doc.surname,
        "given_names": doc.given_names,
        "nationality": doc.nationality,
        "birth_date": doc.birth_date.isoformat() if doc.birth_date else None,
        "sex": doc.sex,
        "document_type": doc.document_type,
        "issuing_state": doc.issuing_state,
        "document_number": doc.document_number,
        "expiry_date": doc.expiry_date.isoformat() if doc.expiry_date else None,
    }


def crossing_fields(
    authority: str, request: BorderCheckRequest, doc: PresentedDocument, at: dt.datetime
) -> dict[str, str]:
    """The crossing a confirmed admission records (the crossing format's fields)."""
    other = request.other_country or doc.nationality
    if other == authority:
        raise ValidationFailed(
            "name the other country of the crossing",
            [{"field": "other_country", "message": f"required for {authority}'s own nationals"}],
        )
    entry = request.direction.value == "entry"
    return {
        "authority": authority,
        "border_post": request.border_post,
        "direction": request.direction.value,
        "at": at.isoformat(),
        "from_country": other if entry else authority,
        "to_country": authority if entry else other,
        "surname": doc.surname,
        "given_name": doc.given_names,
        "sex": doc.sex,
        "birth_date": doc.birth_date.isoformat() if doc.birth_date else "",
        "nationality": doc.nationality,
        "document_type": doc.document_type[:2] or "P",
        "document_number": doc.document_number,
        "document_issuer": doc.issuing_state,
        "document_expiry": doc.expiry_date.isoformat() if doc.expiry_date else "",
        "purpose": request.purpose.value,
        "grounds": request.grounds,
    }


def _stored(
    principal: Principal, answer: dict[str, Any], text: str, crossing: dict[str, str]
) -> tuple[StoredCheck, AuditEntry]:
    """The check's row as stored, and the audit entry that goes with it."""
    check = StoredCheck(
        check_id=answer["check_id"],
        at=dt.datetime.fromisoformat(answer["at"]),
        authority=answer["authority"],
        border_post=answer["border_post"],
        direction=answer["direction"],
        person_key=answer["traveller"]["person_key"],
        officer=principal.user,
        verdict=answer["verdict"],
        crossing=compact_json(crossing),
        answer=text,
    )
    detail = {"check_id": answer["check_id"], "verdict": answer["verdict"],
              "border_post": answer["border_post"], "direction": answer["direction"],
              "screening": answer["screening"]["status"]}  # fmt: skip
    subject = f"person:{answer['traveller']['person_key']}"
    return check, access_entry(principal, "border.check", subject, detail)


def get_check(node: Node, principal: Principal, check_id: str) -> dict[str, Any]:
    """A stored check's answer and the decision on it, if any (audited)."""
    authorize(principal, Permission.BORDER_CHECK)
    authorize_person_access(principal, node.authority)
    with node.registry.unit_of_work() as conn:
        row = _check_row(conn, check_id)
        record_access(conn, principal, "border.check.read", f"border-check:{check_id}")
    return {**json.loads(row.answer), "decision": _decision(row)}


def _check_row(conn: Connection, check_id: str) -> Any:
    query = select(border_checks).where(border_checks.c.id == check_id)
    row = conn.execute(query.with_for_update()).first()
    if row is None:
        raise NotFound(f"no border check {check_id!r}")
    return row


def _decision(row: Any) -> dict[str, Any] | None:
    if not row.decision:
        return None
    at = row.decided_at
    at = at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at
    return {"decision": row.decision, "at": at.isoformat(), "by": row.decided_by,
            "note": row.decision_note}  # fmt: skip


def confirm_check(
    node: Node, principal: Principal, check_id: str, decision: Decision, note: str = ""
) -> dict[str, Any]:
    """Record a person's decision on a check; admitting records the crossing (once).

    A refusal needs its grounds in `note`: RMIS never refuses by itself.
    """
    authorize(principal, Permission.BORDER_CHECK)
    authorize(principal, Permission.CROSSINGS_WRITE)
    if decision == "refuse" and not note.strip():
        raise ValidationFailed(
            "a refusal states its grounds", [{"field": "note", "message": "required to refuse"}]
        )
    with node.registry.unit_of_work() as conn:
        row = _check_row(conn, check_id)
        if row.decision:
            raise Conflict(f"border check {check_id} was already decided: {row.decision}")
        _decide(conn, principal, row, decision, note)
    outcome: dict[str, Any] = {"check_id": check_id, "decision": decision, "crossing": None}
    if decision == "admit":
        outcome["crossing"] = _record_crossing(node, principal, check_id, row.crossing)
    return outcome


def _decide(conn: Connection, principal: Principal, row: Any, decision: str, note: str) -> None:
    conn.execute(
        border_checks.update()
        .where(border_checks.c.id == row.id)
        .values(
            decision=decision,
            decided_at=dt.datetime.now(dt.UTC),
            decided_by=principal.user,
            decision_note=note,
        )
    )
    detail = {"check_id": row.id, "decision": decision, "verdict": row.verdict, "note": note}
    record_access(conn, principal, "border.decide", f"person:{row.person_key}", detail)


def _record_crossing(
    node: Node, principal: Principal, check_id: str, crossing: str
) -> dict[str, Any]:
    fields = {**json.loads(crossing), "event_id": f"check-{check_id}"}
    record = fields_record(1, json.dumps(fields, ensure_ascii=False, sort_keys=True), fields)
    summary = ingest_records(
        node.registry, [record], principal, source=f"border-check:{principal.user}",
        node_authority=node.authority, keep_held=True,
    )  # fmt: skip
    return {"event_id": fields["event_id"], **summary.as_dict()}
