"""The append-only, hash-chained audit log of person-level access.

Each entry's hash covers its content and the previous entry's hash; the head row holds the
newest sequence number and hash, so an edited, deleted or truncated entry breaks the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects import postgresql, sqlite

from rmis.errors import AuditChainBroken
from rmis.model import AuditEntry
from rmis.registry.tables import audit_head, audit_log

GENESIS = "0" * 64


def _utc(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def _hashed_fields(entry: AuditEntry) -> dict[str, Any]:
    return {
        "at": _utc(entry.at).isoformat(),
        "authority": entry.authority,
        "user": entry.user,
        "role": entry.role,
        "action": entry.action,
        "subject": entry.subject,
        "purpose": entry.purpose,
        "detail": entry.detail,
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def entry_hash(seq: int, entry: AuditEntry, prev_hash: str) -> str:
    """The SHA-256 that chains `entry` (number `seq`) to the entry before it."""
    text = prev_hash + _dumps({"seq": seq, **_hashed_fields(entry)})
    return hashlib.sha256(text.encode()).hexdigest()


def hashed_text_around_seq(entry: AuditEntry) -> tuple[str, str]:
    """(before, after): the hashed body of `entry` is `before + str(seq) + after`.

    The keys are sorted and "seq" falls between "role" and "subject", so the database can
    number and hash an entry without the body being built again (`AUDIT_APPEND_SQL`).
    """
    fields = _hashed_fields(entry)
    below = {key: value for key, value in fields.items() if key < "seq"}
    above = {key: value for key, value in fields.items() if key > "seq"}
    return _dumps(below)[:-1] + ', "seq": ', ", " + _dumps(above)[1:]


# One statement numbers, hashes and writes an entry under the head row's lock, so the lock is
# held for no round trip to the client. The hash is SHA-256 of prev_hash + the body, the same
# text `entry_hash` hashes. With no head row the insert meets NULLs and fails: never a silent skip.
AUDIT_APPEND_SQL = """
WITH old AS (
  SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE
), new AS (
  UPDATE audit_head SET seq = old.seq + 1,
    hash = encode(sha256(convert_to(
      old.hash || %(before)s || (old.seq + 1)::text || %(after)s, 'UTF8')), 'hex')
  FROM old WHERE audit_head.id = 1
  RETURNING audit_head.seq, audit_head.hash, old.hash AS prev_hash
)
INSERT INTO audit_log (seq, at, authority, "user", role, action, subject, purpose, detail,
  prev_hash, hash)
SELECT new.seq, %(at)s, %(authority)s, %(user)s, %(role)s, %(action)s, %(subject)s,
  %(purpose)s, %(detail)s, new.prev_hash, new.hash
FROM (VALUES (1)) AS one LEFT JOIN new ON true
RETURNING seq
"""


def audit_append_params(entry: AuditEntry) -> dict[str, Any]:
    """The parameters of `AUDIT_APPEND_SQL` for `entry`."""
    before, after = hashed_text_around_seq(entry)
    return {
        "before": before,
        "after": after,
        "at": _utc(entry.at),
        "authority": entry.authority,
        "user": entry.user,
        "role": entry.role,
        "action": entry.action,
        "subject": entry.subject,
        "purpose": entry.purpose,
        "detail": _dumps(entry.detail),
    }


_HEADED: weakref.WeakSet[Engine] = weakref.WeakSet()
"""Engines whose registry was seen with a head row: it is never deleted once written."""


def audit_head_exists(conn: Connection) -> bool:
    """Whether the chain has its head row (the first append writes it); read once per engine."""
    if conn.engine in _HEADED:
        return True
    found = conn.execute(select(audit_head.c.id).where(audit_head.c.id == 1)).first()
    if found is not None:
        _HEADED.add(conn.engine)
    return found is not None


def ensure_audit_head(conn: Connection) -> None:
    """Write the empty chain's head row (entry 0, the genesis hash) unless it exists, so that
    the first appends of a new registry queue on its lock instead of all writing entry 1."""
    if audit_head_exists(conn):
        return
    values = {"id": 1, "seq": 0, "hash": GENESIS}
    if conn.dialect.name == "postgresql":
        pg_genesis = postgresql.insert(audit_head).values(values)
        conn.execute(pg_genesis.on_conflict_do_nothing(index_elements=["id"]))
    elif conn.dialect.name == "sqlite":
        lite_genesis = sqlite.insert(audit_head).values(values)
        conn.execute(lite_genesis.on_conflict_do_nothing(index_elements=["id"]))


def append_audit(conn: Connection, entry: AuditEntry) -> int:
    """Write `entry` at the end of the chain; returns its sequence number.

    On PostgreSQL one statement does it; elsewhere the head is read (locked), the entry
    written and the head moved on, as three statements.
    """
    ensure_audit_head(conn)
    if conn.dialect.name == "postgresql":
        return int(conn.exec_driver_sql(AUDIT_APPEND_SQL, audit_append_params(entry)).scalar_one())
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
            detail=_dumps(entry.detail),
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
