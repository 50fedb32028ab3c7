"""Watchlists, screening and hit review (person-level, audited)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field

from rmis.api.deps import NodeDep, PrincipalDep
from rmis.model import PersonRecord
from rmis.names import PersonName
from rmis.screening import WatchlistEntry
from rmis.watchlist import service
from rmis.watchlist.views import entry_dict, hit_dict

router = APIRouter(tags=["screening"])

PARTIAL_DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"


class NameIn(BaseModel):
    """One name of a listed person, as written, in any script."""

    model_config = ConfigDict(str_strip_whitespace=True)

    surname: Annotated[str, Field(min_length=1, max_length=200)]
    given_name: Annotated[str, Field(max_length=200)] = ""
    patronymic: Annotated[str, Field(max_length=200)] = ""


class EntryIn(BaseModel):
    """A watchlist entry: its names (the first is the main one, the rest aliases) and facts."""

    model_config = ConfigDict(str_strip_whitespace=True)

    names: Annotated[list[NameIn], Field(min_length=1)]
    birth_date: Annotated[str, Field(pattern=PARTIAL_DATE)] = ""
    sex: Literal["M", "F", "X", ""] = ""
    nationality: Annotated[str, Field(max_length=3)] = ""
    documents: list[Annotated[str, Field(max_length=32)]] = []
    list_name: Annotated[str, Field(max_length=64)] = ""
    reason: str = ""
    listed_by: Annotated[str, Field(max_length=64)] = ""

    def entry(self, entry_id: str) -> WatchlistEntry:
        return WatchlistEntry(
            entry_id=entry_id,
            names=tuple(PersonName(n.surname, n.given_name, n.patronymic) for n in self.names),
            birth_date=self.birth_date,
            sex=self.sex,
            nationality=self.nationality,
            documents=tuple(self.documents),
            list_name=self.list_name,
            reason=self.reason,
            listed_by=self.listed_by,
        )


class NewEntryIn(EntryIn):
    entry_id: Annotated[str, Field(min_length=1, max_length=64)]


class ReviewIn(BaseModel):
    outcome: Literal["confirmed", "dismissed"]
    reason: Annotated[str, Field(min_length=1)]


@router.post("/v1/screenings")
def screen(record: PersonRecord, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Screen one person record against the node's watchlists: alerts and reviews, stored."""
    hits = service.screen_person(node.registry, principal, record)
    return {"record_id": record.record_id, "hits": [hit_dict(h) for h in hits]}


@router.get("/v1/watchlist/entries")
def list_entries(
    node: NodeDep,
    principal: PrincipalDep,
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Current watchlist entries (audited)."""
    total, entries = service.list_entries(node.registry, principal, limit, offset)
    return {"total": total, "entries": [entry_dict(e) for e in entries]}


@router.post("/v1/watchlist/entries", status_code=201)
def add_entry(body: NewEntryIn, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Add an entry (or a new version of one with the same id)."""
    return entry_dict(service.put_entry(node.registry, principal, body.entry(body.entry_id)))


@router.post("/v1/watchlist/load")
def load_entries(body: list[NewEntryIn], node: NodeDep, principal: PrincipalDep) -> dict[str, int]:
    """Add or update many entries in one transaction; how many were added, updated, kept."""
    entries = [item.entry(item.entry_id) for item in body]
    return service.load_entries(node.registry, principal, entries)


@router.get("/v1/watchlist/entries/{entry_id}")
def read_entry(entry_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """An entry and every version of it (null once removed)."""
    entry, history = service.entry_with_history(node.registry, principal, entry_id)
    return {"entry": entry and entry_dict(entry), "history": history}


@router.put("/v1/watchlist/entries/{entry_id}")
def update_entry(
    entry_id: str, body: EntryIn, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Store a new version of an entry (or add it)."""
    return entry_dict(service.put_entry(node.registry, principal, body.entry(entry_id)))


@router.delete("/v1/watchlist/entries/{entry_id}")
def remove_entry(entry_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """Take an entry off the list; its history stays."""
    entry = service.remove_entry(node.registry, principal, entry_id)
    return {"entry_id": entry_id, "removed": True, "last_version": entry.version}


@router.get("/v1/hits")
def list_hits(
    node: NodeDep,
    principal: PrincipalDep,
    status: Literal["open", "confirmed", "dismissed", "all"] = "open",
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    """Hits of one status, newest first."""
    wanted = None if status == "all" else status
    hits = service.list_hits(node.registry, principal, wanted, limit, offset)
    return {"hits": [hit_dict(h) for h in hits]}


@router.get("/v1/hits/{hit_id}")
def read_hit(hit_id: str, node: NodeDep, principal: PrincipalDep) -> dict[str, Any]:
    """One hit with its evidence."""
    return hit_dict(service.get_hit(node.registry, principal, hit_id))


@router.post("/v1/hits/{hit_id}/review")
def review_hit(
    hit_id: str, body: ReviewIn, node: NodeDep, principal: PrincipalDep
) -> dict[str, Any]:
    """Confirm or dismiss a hit with a reason; a dismissal holds for the same person data
    and entry version."""
    stored = service.review_hit(node.registry, principal, hit_id, body.outcome, body.reason)
    return hit_dict(stored)
