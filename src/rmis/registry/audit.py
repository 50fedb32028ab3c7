"""The append-only, hash-chained audit log of person-level access.

Each entry's hash covers its content and the previous entry's hash; the head row holds the
newest sequence number and hash, so an edited, deleted or truncated entry breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from rmis.errors import AuditChainBroken
from rmis.model import AuditEntry
from rmis.registry.tables import audit_head, audit_log

GENESIS = "0" * 64


def _utc(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def entry_hash(seq: int, entry: AuditEntry, prev_hash: str) -> str:
    """The SHA-256 that chains `entry` (number `seq`) to the entry before it."""
    body = {
        "seq": seq,
        "at": _utc(entry.at).isoformat(),
        "authority": entry.authority,
        "user": entry.user,
        "role": entry.role,
        "action": entry.action,
        "subject": entry.subject,
        "purpose": entry.purpose,
        "detail": entry.detail,
    }
    text = prev_hash + json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def append_audit(conn: Connection, entry: AuditEntry) -> int:
    """Write `entry` at the end of the chain; returns its sequence number."""
    head = conn.execute(
        select(audit_head.c.seq, audit_head.c.hash).where(audit_head.c.id == 1).with_for_update()
    ).first()
    seq, prev = (head.seq + 1, head.hash) if head else (1, GENESIS)
    digest = entry_hash(seq, entry, prev)
    conn.execute(
        audit_log.insert().values(
            seq=seq,
            at=_utc(entry.at),
            authority=entry.authority,
            user=entry.user,
            role=entry.role,
            action=entry.action,
            subject=entry.subject,
            purpose=entry.purpose,
            detail=json.dumps(entry.detail, sort_keys=True, ensure_ascii=False, default=str),
            prev_hash=prev,
            hash=digest,
        )
    )
    if head:
        conn.execute(audit_head.update().where(audit_head.c.id == 1).values(seq=seq, hash=digest))
    else:
        conn.execute(audit_head.insert().values(id=1, seq=seq, hash=digest))
    return seq


def _entry_of(row: Any) -> AuditEntry:
    return AuditEntry(
        at=row.at,
        authority=row.authority,
        user=row.user,
        role=row.role,
        action=row.action,
        subject=row.subject,
        purpose=row.purpose,
        detail=json.loads(row.detail),
    )


@dataclass(frozen=True, slots=True)
class AuditVerification:
    entries: int
    head_seq: int
    head_hash: str


def verify_audit(conn: Connection, batch: int = 10_000) -> AuditVerification:
    """Check the whole chain; raises AuditChainBroken naming the first bad entry."""
    prev, expected_seq, count, last = GENESIS, 1, 0, 0
    while True:
        rows = conn.execute(
            select(audit_log).where(audit_log.c.seq > last).order_by(audit_log.c.seq).limit(batch)
        ).all()
        for row in rows:
            _check_row(row, expected_seq, prev)
            prev, expected_seq, count, last = row.hash, row.seq + 1, count + 1, row.seq
        if len(rows) < batch:
            break
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != last or head_hash != prev:
        raise AuditChainBroken(
            f"audit log ends at entry {last} but its head says {head_seq}: "
            "newest entries were deleted or the head was edited",
            seq=min(last, head_seq) + 1,
        )
    return AuditVerification(entries=count, head_seq=head_seq, head_hash=head_hash)


def _check_row(row: Any, expected_seq: int, prev: str) -> None:
    if row.seq != expected_seq:
        raise AuditChainBroken(
            f"audit entries {expected_seq}..{row.seq - 1} are missing (deleted)", seq=expected_seq
        )
    if row.prev_hash != prev:
        raise AuditChainBroken(
            f"audit entry {row.seq} does not follow entry {row.seq - 1} (prev_hash differs)",
            seq=row.seq,
        )
    if entry_hash(row.seq, _entry_of(row), prev) != row.hash:
        raise AuditChainBroken(
            f"audit entry {row.seq} was edited: its content no longer matches its hash",
            seq=row.seq,
        )


def list_audit(conn: Connection, limit: int = 50, subject: str = "") -> list[dict[str, Any]]:
    """The newest entries first, optionally of one subject."""
    query = select(audit_log).order_by(audit_log.c.seq.desc()).limit(limit)
    if subject:
        query = query.where(audit_log.c.subject == subject)
    return [dict(row._mapping) for row in conn.execute(query)]


def count_audit(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())
