"""Entries and hits as JSON, the same for the API and the CLI."""

from __future__ import annotations

from typing import Any

from rmis.screening import WatchlistEntry
from rmis.watchlist.store import StoredHit


def entry_dict(entry: WatchlistEntry) -> dict[str, Any]:
    return {
        "entry_id": entry.entry_id,
        "version": entry.version,
        "names": [
            {"surname": n.surname, "given_name": n.given_name, "patronymic": n.patronymic}
            for n in entry.names
        ],
        "birth_date": entry.birth_date,
        "sex": entry.sex,
        "nationality": entry.nationality,
        "documents": list(entry.documents),
        "list_name": entry.list_name,
        "reason": entry.reason,
        "listed_by": entry.listed_by,
    }


def hit_dict(stored: StoredHit) -> dict[str, Any]:
    hit = stored.hit
    return {
        "hit_id": stored.hit_id,
        "query_id": hit.query_id,
        "entry_id": hit.entry_id,
        "entry_version": hit.entry_version,
        "score": hit.score,
        "decision": hit.decision.value,
        "explanation": list(hit.explanation),
        "status": stored.status,
        "person": stored.person,
        "screened_at": stored.screened_at.isoformat(),
        "screened_by": stored.screened_by,
    }
