"""Quarantined records: every bad input kept with its raw text, origin and problems."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import uuid6
from sqlalchemy import Connection, func, select
from sqlalchemy.dialects import postgresql, sqlite

from rmis.errors import NotFound
from rmis.model import Problem, QuarantinedRecord, QuarantineStatus
from rmis.registry.tables import quarantine


@dataclass(frozen=True, slots=True)
class HeldRecord:
    """A bad record on its way into quarantine."""

    source: str
    line: int
    raw: str
    problems: Sequence[Problem]
    fields: dict[str, str] = field(default_factory=dict)


def fingerprint(authority: str, source: str, line: int, raw: str) -> str:
    """The identity of a bad record, so that reading the same input twice holds it once."""
    return hashlib.sha256(f"{authority}\x1f{source}\x1f{line}\x1f{raw}".encode()).hexdigest()


def _json_text(value: object) -> str:
    """JSON as written, or with every non-ASCII character escaped when it holds a lone surrogate
    (JSON's `\\ud800` escapes decode to one; no database stores it as text): loads the same."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def hold_records(conn: Connection, authority: str, held: Sequence[HeldRecord]) -> int:
    """Put records in quarantine; returns how many were not already held."""
    if not held:
        return 0
    now = dt.datetime.now(dt.UTC)
    rows = [
        {
            "id": str(uuid6.uuid7()),
            "fingerprint": fingerprint(authority, h.source, h.line, h.raw),
            "authority": authority,
            "source": h.source,
            "line": h.line,
            "raw": h.raw,
            "fields": _json_text(h.fields),
            "problems": _json_text([p.as_dict() for p in h.problems]),
            "status": QuarantineStatus.HELD.value,
            "received_at": now,
            "resolution": "",
        }
        for h in held
    ]
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    statement = insert(quarantine).on_conflict_do_nothing()
    result = conn.execute(statement.execution_options(preserve_rowcount=True), rows)
    return int(result.rowcount)


def _record_of(row: object) -> QuarantinedRecord:
    m = row._mapping  # type: ignore[attr-defined]
    problems = tuple(Problem(p["field"], p["message"]) for p in json.loads(m["problems"]))
    return QuarantinedRecord(
        id=m["id"],
        source=m["source"],
        line=m["line"],
        raw=m["raw"],
        fields=json.loads(m["fields"]),
        problems=problems,
        status=QuarantineStatus(m["status"]),
        received_at=m["received_at"],
        resolved_at=m["resolved_at"],
        resolution=m["resolution"],
    )


def list_quarantined(
    conn: Connection,
    status: QuarantineStatus | None = QuarantineStatus.HELD,
    limit: int = 100,
    offset: int = 0,
) -> list[QuarantinedRecord]:
    """Quarantined records in arrival order."""
    query = select(quarantine).order_by(quarantine.c.received_at, quarantine.c.source)
    query = query.order_by(quarantine.c.line).limit(limit).offset(offset)
    if status is not None:
        query = query.where(quarantine.c.status == status.value)
    return [_record_of(r) for r in conn.execute(query)]


def count_quarantined(conn: Connection, status: QuarantineStatus | None = None) -> int:
    query = select(func.count()).select_from(quarantine)
    if status is not None:
        query = query.where(quarantine.c.status == status.value)
    return int(conn.execute(query).scalar_one())


def get_quarantined(conn: Connection, record_id: str) -> QuarantinedRecord:
    """The quarantined record with this id (or the one id starting with it)."""
    rows = conn.execute(
        select(quarantine).where(quarantine.c.id.startswith(record_id, autoescape=True)).limit(2)
    ).all()
    if len(rows) != 1:
        why = "no" if not rows else "more than one"
        raise NotFound(f"{why} quarantined record with id {record_id!r}")
    return _record_of(rows[0])


def resolve_quarantined(conn: Connection, record_id: str, resolution: str) -> None:
    """Mark a held record resolved, saying how (e.g. the crossing it became)."""
    conn.execute(
        quarantine.update()
        .where(quarantine.c.id == record_id)
        .values(
            status=QuarantineStatus.RESOLVED.value,
            resolved_at=dt.datetime.now(dt.UTC),
            resolution=resolution,
        )
    )


def update_held(
    conn: Connection, record_id: str, fields: dict[str, str], problems: Sequence[Problem]
) -> None:
    """Keep a corrected but still invalid record held with its new fields and problems."""
    conn.execute(
        quarantine.update()
        .where(quarantine.c.id == record_id)
        .values(
            fields=_json_text(fields),
            problems=_json_text([p.as_dict() for p in problems]),
        )
    )
