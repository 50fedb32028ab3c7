"""Watchlist entries, their versions, hits and reviews in the registry (SQLAlchemy Core).

Repository functions take a `Connection` and never commit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import uuid6
from sqlalchemy import Connection, func, select

from rmis.errors import Conflict, NotFound
from rmis.names import PersonName
from rmis.registry.watchlist_tables import (
    hit_reviews,
    screening_hits,
    watchlist_entries,
    watchlist_versions,
)
from rmis.screening import Decision, Hit, WatchlistEntry

OPEN, CONFIRMED, DISMISSED = "open", "confirmed", "dismissed"


@dataclass(frozen=True, slots=True)
class StoredHit:
    """A hit as stored: who was screened, which entry version, the evidence, its status."""

    hit_id: str
    hit: Hit
    person: dict[str, Any]
    person_fingerprint: str
    status: str
    screened_at: dt.datetime
    screened_by: str


def entry_content(entry: WatchlistEntry) -> dict[str, Any]:
    """What an entry says, without its version: the body of a history row."""
    return {
        "entry_id": entry.entry_id,
        "names": [[n.surname, n.given_name, n.patronymic] for n in entry.names],
        "birth_date": entry.birth_date,
        "sex": entry.sex,
        "nationality": entry.nationality,
        "documents": list(entry.documents),
        "list_name": entry.list_name,
        "reason": entry.reason,
        "listed_by": entry.listed_by,
    }


def entry_from_content(content: dict[str, Any], version: int) -> WatchlistEntry:
    return WatchlistEntry(
        entry_id=content["entry_id"],
        names=tuple(PersonName(*name) for name in content["names"]),
        birth_date=content["birth_date"],
        sex=content["sex"],
        nationality=content["nationality"],
        documents=tuple(content["documents"]),
        list_name=content["list_name"],
        reason=content["reason"],
        listed_by=content["listed_by"],
        version=version,
    )


def _entry_of(row: Any) -> WatchlistEntry:
    content = dict(row._mapping)
    content["names"] = json.loads(row.names)
    content["documents"] = json.loads(row.documents)
    return entry_from_content(content, row.version)


def find_entry(conn: Connection, entry_id: str, removed: bool = False) -> WatchlistEntry | None:
    """The current entry, or None (also when removed, unless `removed`)."""
    query = select(watchlist_entries).where(watchlist_entries.c.entry_id == entry_id)
    if not removed:
        query = query.where(watchlist_entries.c.removed_at.is_(None))
    row = conn.execute(query).first()
    return None if row is None else _entry_of(row)


def get_entry(conn: Connection, entry_id: str) -> WatchlistEntry:
    entry = find_entry(conn, entry_id)
    if entry is None:
        raise NotFound(f"no watchlist entry {entry_id!r}")
    return entry


def list_entries(conn: Connection, limit: int = 100, offset: int = 0) -> list[WatchlistEntry]:
    """Current entries, ordered by id."""
    query = (
        select(watchlist_entries)
        .where(watchlist_entries.c.removed_at.is_(None))
        .order_by(watchlist_entries.c.entry_id)
        .limit(limit)
        .offset(offset)
    )
    return [_entry_of(row) for row in conn.execute(query)]


def count_entries(conn: Connection) -> int:
    query = select(func.count()).where(watchlist_entries.c.removed_at.is_(None))
    return int(conn.execute(query).scalar_one())


def iter_entries(conn: Connection) -> Iterator[WatchlistEntry]:
    """Every current entry, streamed."""
    query = select(watchlist_entries).where(watchlist_entries.c.removed_at.is_(None))
    for row in conn.execution_options(yield_per=10_000).execute(query):
        yield _entry_of(row)


def put_entry(conn: Connection, entry: WatchlistEntry, by: str, at: dt.datetime) -> str:
    """Store an entry as a new version; 'added', 'updated' or 'unchanged' (same content)."""
    row = conn.execute(
        select(watchlist_entries).where(watchlist_entries.c.entry_id == entry.entry_id)
    ).first()
    content = entry_content(entry)
    if row is not None and row.removed_at is None and entry_content(_entry_of(row)) == content:
        return "unchanged"
    change = "added" if row is None or row.removed_at is not None else "updated"
    version = 1 if row is None else row.version + 1
    values = {
        **content,
        "names": json.dumps(content["names"], ensure_ascii=False),
        "documents": json.dumps(content["documents"], ensure_ascii=False),
        "version": version,
        "updated_at": at,
        "updated_by": by,
        "removed_at": None,
    }
    if row is None:
        conn.execute(watchlist_entries.insert().values(values))
    else:
        table = watchlist_entries
        conn.execute(table.update().where(table.c.entry_id == entry.entry_id).values(values))
    _write_version(conn, entry.entry_id, version, change, content, by, at)
    return change


def remove_entry(conn: Connection, entry_id: str, by: str, at: dt.datetime) -> WatchlistEntry:
    """Mark an entry removed (a new version); its history stays."""
    entry = get_entry(conn, entry_id)
    version = entry.version + 1
    table = watchlist_entries
    conn.execute(
        table.update()
        .where(table.c.entry_id == entry_id)
        .values(version=version, removed_at=at, updated_at=at, updated_by=by)
    )
    _write_version(conn, entry_id, version, "removed", entry_content(entry), by, at)
    return entry


def _write_version(
    conn: Connection,
    entry_id: str,
    version: int,
    change: str,
    content: dict[str, Any],
    by: str,
    at: dt.datetime,
) -> None:
    conn.execute(
        watchlist_versions.insert().values(
            entry_id=entry_id,
            version=version,
            change=change,
            content=json.dumps(content, ensure_ascii=False, sort_keys=True),
            at=at,
            by=by,
        )
    )


def entry_history(conn: Connection, entry_id: str) -> list[dict[str, Any]]:
    """Every version of an entry, oldest first."""
    table = watchlist_versions
    rows = conn.execute(select(table).where(table.c.entry_id == entry_id).order_by(table.c.id))
    return [
        {
            "version": r.version,
            "change": r.change,
            "at": r.at,
            "by": r.by,
            "content": json.loads(r.content),
        }  # fmt: skip
        for r in rows
    ]


def latest_version_id(conn: Connection) -> int:
    """The id of the newest history row: how far an index has caught up."""
    return int(conn.execute(select(func.max(watchlist_versions.c.id))).scalar() or 0)


def changes_since(conn: Connection, seen: int) -> list[tuple[int, str, WatchlistEntry]]:
    """History rows after `seen`: (row id, change, the entry as that version wrote it)."""
    table = watchlist_versions
    rows = conn.execute(select(table).where(table.c.id > seen).order_by(table.c.id))
    return [(r.id, r.change, entry_from_content(json.loads(r.content), r.version)) for r in rows]


def save_hit(
    conn: Connection,
    hit: Hit,
    person: dict[str, Any],
    fingerprint: str,
    by: str,
    at: dt.datetime,
) -> StoredHit:
    """Store a hit, open for review."""
    hit_id = str(uuid6.uuid7())
    conn.execute(
        screening_hits.insert().values(
            id=hit_id,
            query_id=hit.query_id,
            person_fingerprint=fingerprint,
            person=json.dumps(person, ensure_ascii=False, sort_keys=True),
            entry_id=hit.entry_id,
            entry_version=hit.entry_version,
            score=hit.score,
            decision=hit.decision.value,
            explanation=json.dumps(list(hit.explanation), ensure_ascii=False),
            status=OPEN,
            screened_at=at,
            screened_by=by,
        )
    )
    return StoredHit(hit_id, hit, person, fingerprint, OPEN, at, by)


def _hit_of(row: Any) -> StoredHit:
    hit = Hit(
        row.query_id,
        row.entry_id,
        row.score,
        Decision(row.decision),
        tuple(json.loads(row.explanation)),
        row.entry_version,
    )
    person = json.loads(row.person)
    return StoredHit(
        row.id, hit, person, row.person_fingerprint, row.status, row.screened_at, row.screened_by
    )


def get_hit(conn: Connection, hit_id: str) -> StoredHit:
    row = conn.execute(select(screening_hits).where(screening_hits.c.id == hit_id)).first()
    if row is None:
        raise NotFound(f"no hit {hit_id!r}")
    return _hit_of(row)


def list_hits(
    conn: Connection, status: str | None = OPEN, limit: int = 100, offset: int = 0
) -> list[StoredHit]:
    """Hits, newest first, of one status (or all)."""
    query = select(screening_hits).order_by(screening_hits.c.screened_at.desc())
    if status is not None:
        query = query.where(screening_hits.c.status == status)
    return [_hit_of(row) for row in conn.execute(query.limit(limit).offset(offset))]


def review_hit(
    conn: Connection, hit_id: str, outcome: str, reason: str, by: str, at: dt.datetime
) -> StoredHit:
    """Record a liaison's confirmation or dismissal of an open hit."""
    stored = get_hit(conn, hit_id)
    if stored.status != OPEN:
        raise Conflict(f"hit {hit_id} was already {stored.status}")
    conn.execute(
        hit_reviews.insert().values(
            hit_id=hit_id,
            outcome=outcome,
            reason=reason,
            person_fingerprint=stored.person_fingerprint,
            entry_id=stored.hit.entry_id,
            entry_version=stored.hit.entry_version,
            at=at,
            by=by,
        )
    )
    table = screening_hits
    conn.execute(table.update().where(table.c.id == hit_id).values(status=outcome))
    return get_hit(conn, hit_id)


def dismissed_entries(conn: Connection, fingerprint: str) -> set[tuple[str, int]]:
    """(entry id, entry version) pairs dismissed for this exact person data."""
    table = hit_reviews
    rows = conn.execute(
        select(table.c.entry_id, table.c.entry_version).where(
            table.c.person_fingerprint == fingerprint, table.c.outcome == DISMISSED
        )
    )
    return {(r.entry_id, r.entry_version) for r in rows}
