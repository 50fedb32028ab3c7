"""Identity resolution in the node's registry: new crossings linked to the persons already
found (incrementally, with the saved model), a full re-link on demand, and reviews of links.

Only pairs involving a new identity are scored when new records arrive, so linking after each
ingest gives what a full re-link of the same records with the same model gives. Reviews are
stored and decide the class of their pair in every later run; a green pair never ends in one
person. Person ids are UUIDv7 and stay with their person: a person joining another keeps the
older id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import uuid6
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from rmis.access import authorize, record_access
from rmis.errors import Conflict, ValidationFailed
from rmis.linkage import DEFAULT_THRESHOLDS, LinkClass, Thresholds, identity_key
from rmis.linkage.classes import REVIEWED_CLASS
from rmis.linkage.comparisons import UNIQUE_ID
from rmis.linking import store
from rmis.linking.engine import Backend, duckdb_backend, match_new, predict_pairs, train_model
from rmis.linking.records import Identities, Link, build_identities, classify_pairs, persons_of
from rmis.model import Permission, Principal
from rmis.registry import Registry

Step = Callable[[str], None]


@dataclass(slots=True)
class LinkRun:
    """What one linking run did: records linked, links found by class, persons after it."""

    records: int = 0
    identities: int = 0
    links: dict[str, int] = field(default_factory=lambda: {c.value: 0 for c in LinkClass})
    persons: int = 0
    model_version: int | None = None
    trained: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "identities": self.identities,
            "persons": self.persons,
            "links": dict(self.links),
            "model_version": self.model_version,
            "trained": self.trained,
        }


def has_model(registry: Registry) -> bool:
    """Whether the registry holds a trained linkage model."""
    with registry.reader() as conn:
        return store.latest_model(conn) is not None


def link_new_records(
    registry: Registry,
    principal: Principal,
    backend: Backend | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    step: Step | None = None,
) -> LinkRun:
    """Link the crossings no person holds yet to the persons found so far, training and
    saving a model first when the registry has none.
    """
    authorize(principal, Permission.CROSSINGS_WRITE)
    say, backend = step or _quiet, backend or duckdb_backend()
    say("reading new records")
    with registry.reader() as conn:
        new_records = store.unlinked_records(conn)
        known = build_identities(store.linked_identity_records(conn))
        saved, reviews = store.latest_model(conn), store.reviews(conn)
    run = LinkRun(records=len(new_records))
    if not new_records:
        return _finish(registry, principal, run, "persons.link")
    added = build_identities(new_records)
    fresh = [k for k in added.records_of if k not in known.records_of]
    run.identities = len(fresh)
    model, run.model_version = (saved.model, saved.version) if saved else (None, None)
    if model is None:
        say("training the model")
        model, run.model_version = _train(registry, _union(known, added), backend)
        run.trained = True
    links: list[Link] = []
    if model is not None and fresh:
        say("scoring new pairs")
        new_frame = added.frame[added.frame[UNIQUE_ID].isin(fresh)]
        pairs = match_new(known.frame, new_frame, model, backend, thresholds.yellow)
        links = classify_pairs(pairs, reviews, thresholds)
    say("storing persons")
    at = dt.datetime.now(dt.UTC)
    try:
        with registry.unit_of_work() as conn:
            store.add_records(conn, _identity_of_record(added), at)
            store.replace_links(conn, links, run.model_version or 0, at, everything=False)
            recluster(conn, at, thresholds)
    except IntegrityError as e:
        # another run linked some of the same crossings while this one was scoring them
        raise Conflict(
            "another link run stored persons for some of the same new crossings first; nothing "
            "of this run was stored: run `rmis persons link` again to link what is still new"
        ) from e
    _count(run, links)
    return _finish(registry, principal, run, "persons.link")


def relink_all(
    registry: Registry,
    principal: Principal,
    retrain: bool = False,
    backend: Backend | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    step: Step | None = None,
) -> LinkRun:
    """Score every pair of the registry again (with a newly trained model when `retrain` or
    when none is saved), keeping every review; persons keep their ids where they can.
    """
    authorize(principal, Permission.CROSSINGS_WRITE)
    say, backend = step or _quiet, backend or duckdb_backend()
    say("reading records")
    with registry.reader() as conn:
        records = store.all_records(conn)
        saved, reviews = store.latest_model(conn), store.reviews(conn)
    identities = build_identities(records)
    run = LinkRun(records=len(records), identities=len(identities))
    model, run.model_version = (saved.model, saved.version) if saved else (None, None)
    if model is None or retrain:
        say("training the model")
        model, run.model_version = _train(registry, identities, backend)
        run.trained = True
    links: list[Link] = []
    if model is not None and len(identities) > 1:
        say("scoring pairs")
        pairs = predict_pairs(identities.frame, model, backend, thresholds.yellow)
        links = classify_pairs(pairs, reviews, thresholds)
    say("storing persons")
    at = dt.datetime.now(dt.UTC)
    with registry.unit_of_work() as conn:
        unlinked = store.unlinked_records(conn)
        store.add_records(conn, {r["record_id"]: identity_key(r) for r in unlinked}, at)
        store.replace_links(conn, links, run.model_version or 0, at, everything=True)
        recluster(conn, at, thresholds)
    _count(run, links)
    return _finish(registry, principal, run, "persons.relink")


def review_link(
    registry: Registry, principal: Principal, left: str, right: str, decision: str, reason: str
) -> dict[str, Any]:
    """A person's decision on a link: `green` (different people: never merged again) or
    `white` (one person). Audited; the persons follow at once.
    """
    authorize(principal, Permission.LINKS_REVIEW)
    if not principal.purpose.strip():
        raise ValidationFailed("state the purpose of this review (X-Purpose header)")
    if decision not in store.REVIEW_DECISIONS:
        raise ValidationFailed(
            "decision must be green or white",
            [{"field": "decision", "message": f"{decision!r} is not a decision"}],
        )
    if not reason.strip():
        raise ValidationFailed(
            "a review needs a reason", [{"field": "reason", "message": "is empty"}]
        )
    at = dt.datetime.now(dt.UTC)
    with registry.unit_of_work() as conn:
        left, right = resolve_identity(conn, left), resolve_identity(conn, right)
        link = store.get_link(conn, left, right)
        store.add_review(conn, left, right, decision, reason, principal.user, at)
        link_class = REVIEWED_CLASS[store.REVIEW_DECISIONS[decision]]
        store.set_link_class(conn, link["left"], link["right"], link_class)
        recluster(conn, at)
        subject = f"link:{link['left']}:{link['right']}"
        record_access(conn, principal, f"links.{decision}", subject, {"reason": reason})
        out = store.get_link(conn, left, right)
        out["reviews"] = store.reviews_of(conn, left, right)
    return out


def resolve_identity(conn: Connection, text: str) -> str:
    """An identity key, given as such or as a linked record (`authority/event_id`)."""
    if "/" in text:
        return store.identity_of_record(conn, *store.split_record_id(text))
    return text


def recluster(
    conn: Connection, at: dt.datetime, thresholds: Thresholds = DEFAULT_THRESHOLDS
) -> int:
    """Persons from every stored link and review; each person keeps the oldest id among its
    identities' earlier persons, or gets a new UUIDv7. The number of persons.
    """
    current, earlier = store.persons_of_identities(conn), store.earlier_persons(conn)
    reviewed = store.reviews(conn)
    apart = [_pair(p) for p, d in reviewed.items() if REVIEWED_CLASS[d] == LinkClass.GREEN]
    cluster_of = persons_of(current, store.all_links(conn), apart, thresholds)
    members: dict[str, list[str]] = {}
    for key, cluster in cluster_of.items():
        members.setdefault(cluster, []).append(key)
    taken: set[str] = set()
    moved: dict[str, str] = {}
    for cluster in sorted(members, key=lambda c: (-len(members[c]), c)):
        keys = members[cluster]
        held = sorted({earlier[k] for k in keys if earlier[k]} - taken)
        person = held[0] if held else str(uuid6.uuid7())
        taken.add(person)
        moved.update({k: person for k in keys if current[k] != person})
    store.move_identities(conn, moved)
    store.keep_persons(conn, taken, at)
    return len(taken)


def _pair(pair: frozenset[str]) -> tuple[str, str]:
    low, high = sorted(pair)
    return low, high


def _train(registry: Registry, identities: Identities, backend: Backend) -> tuple[Any, Any]:
    if len(identities) < 2:
        return None, None
    model = train_model(identities.frame, backend)
    with registry.unit_of_work() as conn:
        version = store.save_model(conn, model, len(identities), dt.datetime.now(dt.UTC))
    return model, version


def _union(known: Identities, added: Identities) -> Identities:
    import pandas as pd

    fresh = added.frame[~added.frame[UNIQUE_ID].isin(list(known.records_of))]
    records_of = {**added.records_of, **known.records_of}
    return Identities(pd.concat([known.frame, fresh], ignore_index=True), records_of)


def _identity_of_record(identities: Identities) -> dict[str, str]:
    """Record id → identity key."""
    return {r: k for k, members in identities.records_of.items() for r in members}


def _count(run: LinkRun, links: list[Link]) -> None:
    for link in links:
        run.links[link.link_class.value] += 1


def _finish(registry: Registry, principal: Principal, run: LinkRun, action: str) -> LinkRun:
    with registry.unit_of_work() as conn:
        run.persons = store.count_persons(conn)["persons"]
        record_access(conn, principal, action, "persons", run.as_dict())
    return run


def _quiet(_: str) -> None:
    return None
