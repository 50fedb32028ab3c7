"""Watchlist services the CLI and the API share: keep entries, screen people, review hits.

Each node keeps one in-memory `WatchlistIndex` per registry, built on first use from the
stored entries and brought up to date before every screening from the entries' history
(only the versions written since it last looked), so a change made by another process is
seen without a rebuild.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from rmis.access import authorize, record_access
from rmis.errors import ValidationFailed
from rmis.model import Permission, PersonRecord, Principal
from rmis.registry import Registry
from rmis.screening import ScreeningConfig, WatchlistEntry, WatchlistIndex
from rmis.watchlist import store
from rmis.watchlist.records import query_of

REVIEW_OUTCOMES = (store.CONFIRMED, store.DISMISSED)


@dataclass(slots=True)
class _IndexState:
    index: WatchlistIndex
    seen: int
    lock: threading.Lock


_INDEXES: weakref.WeakKeyDictionary[Registry, _IndexState] = weakref.WeakKeyDictionary()
_INDEXES_LOCK = threading.Lock()


def node_index(
    registry: Registry,
    config: ScreeningConfig | None = None,
    conn: Connection | None = None,
    latest: int | None = None,
) -> WatchlistIndex:
    """The registry's index, built on first use and caught up with every stored change
    (read on `conn` when given, so a caller's transaction needs no second connection).
    `latest`, the newest history id if the caller has just read it, spares asking again.
    """
    with _INDEXES_LOCK:
        state = _INDEXES.get(registry)
        if state is None:
            with registry.reader() as build_conn:
                seen = store.latest_version_id(build_conn)
                index = WatchlistIndex.build(store.iter_entries(build_conn), config)
            state = _INDEXES[registry] = _IndexState(index, seen, threading.Lock())
    with state.lock:
        if latest is not None and latest <= state.seen:
            changes = []
        elif conn is None:
            with registry.reader() as read_conn:
                changes = _changes(read_conn, state.seen)
        else:
            changes = _changes(conn, state.seen)
        for row_id, change, entry in changes:
            if change == "removed":
                state.index.remove(entry.entry_id)
            else:
                state.index.add(entry)
            state.seen = row_id
    return state.index


def _changes(conn: Connection, seen: int) -> list[tuple[int, str, WatchlistEntry]]:
    # the newest id is an index-only look-up; the changes are read only when there are some
    if store.latest_version_id(conn) <= seen:
        return []
    return store.changes_since(conn, seen)


def load_entries(
    registry: Registry, principal: Principal, entries: list[WatchlistEntry]
) -> dict[str, int]:
    """Add or update many entries in one transaction; counts of each change (audited)."""
    authorize(principal, Permission.WATCHLIST_MANAGE)
    at, counts = dt.datetime.now(dt.UTC), {"added": 0, "updated": 0, "unchanged": 0}
    with registry.unit_of_work() as conn:
        for entry in entries:
            counts[store.put_entry(conn, _checked(entry), principal.user, at)] += 1
        record_access(conn, principal, "watchlist.load", "watchlist", counts)
    node_index(registry)
    return counts


def put_entry(registry: Registry, principal: Principal, entry: WatchlistEntry) -> WatchlistEntry:
    """Add an entry or store a new version of it (audited); the stored entry."""
    authorize(principal, Permission.WATCHLIST_MANAGE)
    with registry.unit_of_work() as conn:
        change = store.put_entry(conn, _checked(entry), principal.user, dt.datetime.now(dt.UTC))
        stored = store.get_entry(conn, entry.entry_id)
        detail = {"change": change, "version": stored.version}
        record_access(conn, principal, f"watchlist.{change}", f"entry:{entry.entry_id}", detail)
    node_index(registry)
    return stored


def remove_entry(registry: Registry, principal: Principal, entry_id: str) -> WatchlistEntry:
    """Take an entry off the list (audited); its history stays."""
    authorize(principal, Permission.WATCHLIST_MANAGE)
    with registry.unit_of_work() as conn:
        entry = store.remove_entry(conn, entry_id, principal.user, dt.datetime.now(dt.UTC))
        record_access(conn, principal, "watchlist.remove", f"entry:{entry_id}")
    node_index(registry)
    return entry


def list_entries(
    registry: Registry, principal: Principal, limit: int = 100, offset: int = 0
) -> tuple[int, list[WatchlistEntry]]:
    """The total and a page of current entries (audited: they name persons)."""
    authorize(principal, Permission.WATCHLIST_MANAGE)
    with registry.unit_of_work() as conn:
        entries = store.list_entries(conn, limit, offset)
        total = store.count_entries(conn)
        record_access(conn, principal, "watchlist.list", "watchlist", {"returned": len(entries)})
    return total, entries


def entry_with_history(
    registry: Registry, principal: Principal, entry_id: str
) -> tuple[WatchlistEntry | None, list[dict[str, Any]]]:
    """An entry (None once removed) and every version of it (audited)."""
    authorize(principal, Permission.WATCHLIST_MANAGE)
    with registry.unit_of_work() as conn:
        history = store.entry_history(conn, entry_id)
        if not history:
            store.get_entry(conn, entry_id)  # raises NotFound
        record_access(conn, principal, "watchlist.read", f"entry:{entry_id}")
        return store.find_entry(conn, entry_id), history


def _checked(entry: WatchlistEntry) -> WatchlistEntry:
    problems = []
    if not entry.entry_id.strip():
        problems.append({"field": "entry_id", "message": "is empty"})
    if not entry.names or not any(n.surname.strip() for n in entry.names):
        problems.append({"field": "names", "message": "an entry needs at least one surname"})
    if problems:
        raise ValidationFailed(f"watchlist entry {entry.entry_id!r} is invalid", problems)
    return entry


def person_fingerprint(record: PersonRecord) -> str:
    """A digest of what identifies the screened person; changes when their data change."""
    fields = record.model_dump(exclude={"record_id", "source"})
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def screen_person(
    registry: Registry, principal: Principal, record: PersonRecord
) -> list[store.StoredHit]:
    """Screen one person: alerts and reviews, stored and audited; pairs a liaison dismissed
    for the same person data and entry version are not raised again.
    """
    with registry.unit_of_work() as conn:
        return screen_in(conn, registry, principal, record)


def screen_in(
    conn: Connection,
    registry: Registry,
    principal: Principal,
    record: PersonRecord,
    audit_clear: bool = True,
    index: WatchlistIndex | None = None,
) -> list[store.StoredHit]:
    """`screen_person` inside the caller's transaction. With `audit_clear` False a screening
    that raises no hit writes nothing (the caller audits it as part of its own action).
    `index`, if given, is the node's index already caught up in this transaction.
    """
    authorize(principal, Permission.SCREEN)
    index = node_index(registry, conn=conn) if index is None else index
    hits = index.screen(query_of(record))
    if not hits and not audit_clear:
        return []
    fingerprint, at = person_fingerprint(record), dt.datetime.now(dt.UTC)
    person = record.model_dump()
    dismissed = store.dismissed_entries(conn, fingerprint) if hits else set()
    kept = [h for h in hits if (h.entry_id, h.entry_version) not in dismissed]
    stored = [store.save_hit(conn, h, person, fingerprint, principal.user, at) for h in kept]
    detail = {"hits": [s.hit_id for s in stored], "suppressed": len(hits) - len(kept)}
    record_access(conn, principal, "screening.screen", f"record:{record.record_id}", detail)
    return stored


def list_hits(
    registry: Registry, principal: Principal, status: str | None, limit: int, offset: int
) -> list[store.StoredHit]:
    """Hits of one status, newest first (audited)."""
    authorize(principal, Permission.HITS_REVIEW)
    with registry.unit_of_work() as conn:
        hits = store.list_hits(conn, status, limit, offset)
        record_access(conn, principal, "hits.list", "hits", {"returned": len(hits)})
    return hits


def get_hit(registry: Registry, principal: Principal, hit_id: str) -> store.StoredHit:
    authorize(principal, Permission.HITS_REVIEW)
    with registry.unit_of_work() as conn:
        hit = store.get_hit(conn, hit_id)
        record_access(conn, principal, "hits.read", f"hit:{hit_id}")
    return hit


def review_hit(
    registry: Registry, principal: Principal, hit_id: str, outcome: str, reason: str
) -> store.StoredHit:
    """Confirm or dismiss a hit with a reason (audited)."""
    authorize(principal, Permission.HITS_REVIEW)
    if outcome not in REVIEW_OUTCOMES:
        raise ValidationFailed(
            f"outcome must be one of {', '.join(REVIEW_OUTCOMES)}",
            [{"field": "outcome", "message": f"{outcome!r} is not an outcome"}],
        )
    if not reason.strip():
        raise ValidationFailed(
            "a review needs a reason", [{"field": "reason", "message": "is empty"}]
        )
    with registry.unit_of_work() as conn:
        hit = store.review_hit(
            conn, hit_id, outcome, reason, principal.user, dt.datetime.now(dt.UTC)
        )
        record_access(conn, principal, f"hits.{outcome}", f"hit:{hit_id}", {"reason": reason})
    return hit
