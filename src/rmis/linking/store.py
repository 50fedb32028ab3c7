"""Repository of identity resolution in the registry: records to link, identities, links,
reviews, persons and saved models. Functions take a `Connection` and never commit.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update

from rmis.errors import NotFound
from rmis.linkage import LinkClass, ReviewDecision
from rmis.linking.records import Link
from rmis.registry.linkage_tables import (
    identity_links,
    link_reviews,
    linkage_models,
    linked_persons,
    person_records,
)
from rmis.registry.tables import crossings

# The person-record fields a crossing carries (ARCHITECTURE.md), as linkage reads them.
RECORD_FIELDS = ("surname", "given_name", "patronymic", "sex", "birth_date", "nationality",
                 "document_number")  # fmt: skip

# What a reviewer may decide about a link, and what the link classes make of it.
REVIEW_DECISIONS: dict[str, ReviewDecision] = {
    LinkClass.GREEN.value: ReviewDecision.DIFFERENT,
    LinkClass.WHITE.value: ReviewDecision.SAME,
}


@dataclass(frozen=True, slots=True)
class SavedModel:
    version: int
    model: dict[str, Any]
    trained_at: dt.datetime
    identities: int


def record_id(authority: str, event_id: str) -> str:
    """A crossing's id as a person record: `authority/event_id`."""
    return f"{authority}/{event_id}"


def split_record_id(text: str) -> tuple[str, str]:
    """`authority/event_id` back into its parts; NotFound when it is not one."""
    authority, sep, event_id = text.partition("/")
    if not sep or not authority or not event_id:
        raise NotFound(f"{text!r} is not a record id (authority/event_id)")
    return authority, event_id


def save_model(conn: Connection, model: Mapping[str, Any], identities: int, at: dt.datetime) -> int:
    """Store a trained model as the next version; its version."""
    newest = conn.execute(select(func.max(linkage_models.c.version))).scalar_one()
    version = int(newest or 0) + 1
    conn.execute(
        insert(linkage_models).values(
            version=version, model=json.dumps(model), trained_at=at, identities=identities
        )
    )
    return version


def latest_model(conn: Connection) -> SavedModel | None:
    """The newest saved model, or None when none was trained yet."""
    row = conn.execute(
        select(linkage_models).order_by(linkage_models.c.version.desc()).limit(1)
    ).first()
    if row is None:
        return None
    return SavedModel(row.version, json.loads(row.model), row.trained_at, row.identities)


def _record_columns() -> list[Any]:
    return [crossings.c.authority, crossings.c.event_id, *(crossings.c[f] for f in RECORD_FIELDS)]


def _as_record(row: Any) -> dict[str, str]:
    out = {f: str(getattr(row, f) or "") for f in RECORD_FIELDS}
    out["record_id"] = record_id(row.authority, row.event_id)
    out["source"] = out["authority"] = row.authority
    out["event_id"] = row.event_id
    return out


def unlinked_records(conn: Connection) -> list[dict[str, str]]:
    """Person records of the crossings no person holds yet."""
    joined = crossings.outerjoin(
        person_records,
        and_(
            person_records.c.authority == crossings.c.authority,
            person_records.c.event_id == crossings.c.event_id,
        ),
    )
    query = select(*_record_columns()).select_from(joined)
    rows = conn.execute(query.where(person_records.c.person_id.is_(None)))
    return [_as_record(r) for r in rows]


def all_records(conn: Connection) -> list[dict[str, str]]:
    """Person records of every crossing."""
    return [_as_record(r) for r in conn.execute(select(*_record_columns()))]


def linked_identity_records(conn: Connection) -> list[dict[str, str]]:
    """One person record of each linked identity (its records are written identically)."""
    joined = person_records.join(
        crossings,
        and_(
            person_records.c.authority == crossings.c.authority,
            person_records.c.event_id == crossings.c.event_id,
        ),
    )
    first = (
        select(func.min(person_records.c.event_id).label("event_id"), person_records.c.identity_key)
        .group_by(person_records.c.identity_key)
        .subquery()
    )
    query = (
        select(*_record_columns())
        .select_from(joined)
        .join(
            first,
            and_(
                first.c.identity_key == person_records.c.identity_key,
                first.c.event_id == person_records.c.event_id,
            ),
        )
    )
    return [_as_record(r) for r in conn.execute(query)]


def add_records(conn: Connection, identity_of: Mapping[str, str], at: dt.datetime) -> None:
    """Record each new crossing (by record id) with its identity; persons come after."""
    rows = []
    for rid, key in identity_of.items():
        authority, event_id = split_record_id(rid)
        rows.append(
            {"authority": authority, "event_id": event_id, "identity_key": key,
             "person_id": "", "linked_at": at}
        )  # fmt: skip
    if rows:
        conn.execute(insert(person_records), rows)


def persons_of_identities(conn: Connection) -> dict[str, str]:
    """Each identity's current person: "" for an identity not yet given one, and for one
    whose newest records have not joined its person yet.
    """
    t = person_records
    rows = conn.execute(
        select(t.c.identity_key, func.min(t.c.person_id), func.max(t.c.person_id)).group_by(
            t.c.identity_key
        )
    )
    return {key: low if low == high else "" for key, low, high in rows}


def earlier_persons(conn: Connection) -> dict[str, str]:
    """Each identity's person before this run ("" when it had none)."""
    t = person_records
    rows = conn.execute(
        select(t.c.identity_key, func.max(t.c.person_id)).group_by(t.c.identity_key)
    )
    return {key: person or "" for key, person in rows}


def move_identities(conn: Connection, person_of: Mapping[str, str]) -> None:
    """Give each identity's records the person named."""
    if not person_of:
        return
    table = person_records
    statement = (
        update(table).where(table.c.identity_key == _bind("key")).values(person_id=_bind("person"))
    )
    conn.execute(statement, [{"key": k, "person": p} for k, p in person_of.items()])


def _bind(name: str) -> Any:
    return bindparam(name)


def keep_persons(conn: Connection, person_ids: Iterable[str], at: dt.datetime) -> None:
    """Make `person_ids` exactly the linked persons: add the new ones, drop the rest."""
    wanted = set(person_ids)
    known = set(conn.execute(select(linked_persons.c.person_id)).scalars())
    added = [{"person_id": p, "created_at": at} for p in sorted(wanted - known)]
    if added:
        conn.execute(insert(linked_persons), added)
    gone = [{"p": p} for p in known - wanted]
    if gone:
        conn.execute(delete(linked_persons).where(linked_persons.c.person_id == _bind("p")), gone)


def replace_links(
    conn: Connection, links: Iterable[Link], model_version: int, at: dt.datetime, everything: bool
) -> None:
    """Store links (replacing the same pairs; every link first when `everything`)."""
    rows = [
        {"left_key": k.left, "right_key": k.right, "probability": k.probability,
         "link_class": k.link_class.value, "model_version": model_version, "linked_at": at}
        for k in links
    ]  # fmt: skip
    table = identity_links
    if everything:
        conn.execute(delete(table))
    elif rows:
        pair = and_(table.c.left_key == _bind("l"), table.c.right_key == _bind("r"))
        conn.execute(
            delete(table).where(pair), [{"l": r["left_key"], "r": r["right_key"]} for r in rows]
        )
    if rows:
        conn.execute(insert(table), rows)


def all_links(conn: Connection) -> list[Link]:
    """Every stored link."""
    t = identity_links
    rows = conn.execute(select(t.c.left_key, t.c.right_key, t.c.probability, t.c.link_class))
    return [
        Link(r.left_key, r.right_key, float(r.probability), LinkClass(r.link_class)) for r in rows
    ]


def get_link(conn: Connection, left: str, right: str) -> dict[str, Any]:
    """One stored link (either order of its identities)."""
    low, high = sorted((left, right))
    t = identity_links
    row = conn.execute(select(t).where(t.c.left_key == low, t.c.right_key == high)).first()
    if row is None:
        raise NotFound(f"no link between identities {low} and {high}")
    return _link_dict(row)


def _link_dict(row: Any) -> dict[str, Any]:
    return {
        "left": row.left_key,
        "right": row.right_key,
        "probability": float(row.probability),
        "link_class": row.link_class,
        "model_version": row.model_version,
    }


def set_link_class(conn: Connection, left: str, right: str, link_class: LinkClass) -> None:
    t = identity_links
    conn.execute(
        update(t)
        .where(t.c.left_key == left, t.c.right_key == right)
        .values(link_class=link_class.value)
    )


def list_links(
    conn: Connection, link_class: str | None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Links of one class (all when None), the least certain first."""
    t = identity_links
    query = select(t).order_by(t.c.probability, t.c.left_key, t.c.right_key)
    if link_class:
        query = query.where(t.c.link_class == link_class)
    return [_link_dict(r) for r in conn.execute(query.limit(limit).offset(offset))]


def links_of(conn: Connection, keys: Iterable[str]) -> list[dict[str, Any]]:
    """Every link touching one of the identities."""
    wanted = sorted(set(keys))
    if not wanted:
        return []
    t = identity_links
    query = select(t).where(t.c.left_key.in_(wanted) | t.c.right_key.in_(wanted))
    return [_link_dict(r) for r in conn.execute(query.order_by(t.c.left_key, t.c.right_key))]


def add_review(
    conn: Connection, left: str, right: str, decision: str, reason: str, by: str, at: dt.datetime
) -> None:
    low, high = sorted((left, right))
    conn.execute(
        insert(link_reviews).values(
            left_key=low, right_key=high, decision=decision, reason=reason, by=by, at=at
        )
    )


def reviews(conn: Connection) -> dict[frozenset[str], ReviewDecision]:
    """The newest review of each reviewed pair."""
    t = link_reviews
    out: dict[frozenset[str], ReviewDecision] = {}
    for row in conn.execute(select(t.c.left_key, t.c.right_key, t.c.decision).order_by(t.c.id)):
        out[frozenset((row.left_key, row.right_key))] = REVIEW_DECISIONS[row.decision]
    return out


def reviews_of(conn: Connection, left: str, right: str) -> list[dict[str, Any]]:
    """A pair's reviews, oldest first."""
    low, high = sorted((left, right))
    t = link_reviews
    rows = conn.execute(
        select(t).where(t.c.left_key == low, t.c.right_key == high).order_by(t.c.id)
    )
    return [
        {"decision": r.decision, "reason": r.reason, "by": r.by, "at": _iso(r.at)} for r in rows
    ]


def _iso(at: dt.datetime) -> str:
    return (at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at).isoformat()


def identity_of_record(conn: Connection, authority: str, event_id: str) -> str:
    """The identity key of a linked crossing."""
    t = person_records
    key = conn.execute(
        select(t.c.identity_key).where(t.c.authority == authority, t.c.event_id == event_id)
    ).scalar_one_or_none()
    if key is None:
        raise NotFound(f"crossing {authority}/{event_id} is not linked to a person")
    return str(key)


def person_of_record(conn: Connection, authority: str, event_id: str) -> str | None:
    t = person_records
    found = conn.execute(
        select(t.c.person_id).where(t.c.authority == authority, t.c.event_id == event_id)
    ).scalar_one_or_none()
    return str(found) if found else None


def records_of_person(conn: Connection, person_id: str) -> list[dict[str, Any]]:
    """A linked person's records: each crossing's id, identity and person-record fields."""
    joined = person_records.join(
        crossings,
        and_(
            person_records.c.authority == crossings.c.authority,
            person_records.c.event_id == crossings.c.event_id,
        ),
    )
    query = (
        select(
            person_records.c.identity_key,
            crossings.c.direction,
            crossings.c.at,
            crossings.c.border_post,
            *_record_columns(),
        )  # fmt: skip
        .select_from(joined)
        .where(person_records.c.person_id == person_id)
        .order_by(crossings.c.at.desc())
    )
    out = []
    for row in conn.execute(query):
        record = _as_record(row)
        record.update(identity_key=row.identity_key, direction=row.direction,
                      border_post=row.border_post, at=_iso(row.at))  # fmt: skip
        out.append(record)
    return out


def count_persons(conn: Connection) -> dict[str, int]:
    """Linked records, identities and persons in the registry."""
    t = person_records
    records, identities = conn.execute(
        select(func.count(), func.count(t.c.identity_key.distinct()))
    ).one()
    persons = conn.execute(select(func.count()).select_from(linked_persons)).scalar_one()
    return {"records": int(records), "identities": int(identities), "persons": int(persons)}


def identity_records(conn: Connection, keys: Iterable[str]) -> dict[str, list[dict[str, str]]]:
    """The linked records of each identity (its person-record fields and record id)."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    joined = person_records.join(
        crossings,
        and_(
            person_records.c.authority == crossings.c.authority,
            person_records.c.event_id == crossings.c.event_id,
        ),
    )
    query = (
        select(person_records.c.identity_key, person_records.c.person_id, *_record_columns())
        .select_from(joined)
        .where(person_records.c.identity_key.in_(wanted))
        .order_by(crossings.c.authority, crossings.c.event_id)
    )
    out: dict[str, list[dict[str, str]]] = {}
    for row in conn.execute(query):
        record = _as_record(row)
        record["person_id"] = row.person_id
        out.setdefault(row.identity_key, []).append(record)
    return out
