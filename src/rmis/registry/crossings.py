"""Reading crossings, persons and documents back from the registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, func, select

from rmis.errors import NotFound
from rmis.registry.tables import crossings, documents, persons


def _crossing_dict(row: Any) -> dict[str, Any]:
    out = dict(row._mapping)
    out.pop("id", None)
    at = out["at"]
    out["at"] = (at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at).isoformat()
    out["local_date"] = out["local_date"].isoformat()
    expiry = out["document_expiry"]
    out["document_expiry"] = expiry.isoformat() if expiry else ""
    return out


def get_crossing(conn: Connection, authority: str, event_id: str) -> dict[str, Any]:
    """One stored crossing by its source identity."""
    row = conn.execute(
        select(crossings).where(
            crossings.c.authority == authority, crossings.c.event_id == event_id
        )
    ).first()
    if row is None:
        raise NotFound(f"no crossing {event_id!r} recorded by {authority}")
    return _crossing_dict(row)


def crossings_of_person(
    conn: Connection, person_key: str, limit: int = 100
) -> list[dict[str, Any]]:
    """A person's crossings, newest first."""
    rows = conn.execute(
        select(crossings)
        .where(crossings.c.person_key == person_key)
        .order_by(crossings.c.at.desc())
        .limit(limit)
    )
    return [_crossing_dict(r) for r in rows]


def get_person(conn: Connection, person_key: str) -> dict[str, Any]:
    """A person (nationality and document number until linkage) with their documents."""
    row = conn.execute(select(persons).where(persons.c.person_key == person_key)).first()
    if row is None:
        raise NotFound(f"no person {person_key!r}")
    docs = conn.execute(
        select(
            documents.c.issuer, documents.c.number, documents.c.document_type, documents.c.expiry
        )
        .where(documents.c.person_key == person_key)
        .order_by(documents.c.number)
    )
    return {
        "person_key": row.person_key,
        "nationality": row.nationality,
        "document_number": row.document_number,
        "documents": [
            {
                "issuer": d.issuer,
                "number": d.number,
                "document_type": d.document_type,
                "expiry": d.expiry.isoformat() if d.expiry else "",
            }
            for d in docs
        ],
    }


def count_rows(conn: Connection) -> dict[str, int]:
    """How many crossings, persons and documents the registry holds."""
    return {
        table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        for table in (crossings, persons, documents)
    }
