"""Linking a batch of person records: identities, a model, scored pairs, classes, persons.

Records written identically (same names, birth date, sex, nationality and document) are one
identity and are compared once; Splink scores pairs of identities; the link classes and the
clustering (`rmis.linkage`) turn the pairs into persons.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from rmis.errors import ValidationFailed
from rmis.linkage import (
    DEFAULT_THRESHOLDS,
    LinkClass,
    PairEvidence,
    ReviewDecision,
    Thresholds,
    classify_link,
    cluster_records,
    derive_columns,
    identity_key,
    merges,
)
from rmis.linkage.comparisons import UNIQUE_ID
from rmis.linking.engine import Backend, duckdb_backend, predict_pairs, train_model

Step = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Link:
    """A classified pair of identities."""

    left: str
    right: str
    probability: float
    link_class: LinkClass


@dataclass(slots=True)
class Identities:
    """Distinct identities of a batch: their derived columns and the records of each."""

    frame: pd.DataFrame
    records_of: dict[str, list[str]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.records_of)


@dataclass(slots=True)
class LinkOutcome:
    """Each record's person, the links found, and the model that found them."""

    person_of_record: dict[str, str]
    links: list[Link]
    model: dict[str, Any]
    identities: Identities

    def summary(self) -> dict[str, Any]:
        classes = {c.value: 0 for c in LinkClass}
        for link in self.links:
            classes[link.link_class.value] += 1
        return {
            "records": len(self.person_of_record),
            "identities": len(self.identities),
            "persons": len(set(self.person_of_record.values())),
            "links": classes,
        }


def build_identities(records: Iterable[Mapping[str, str]]) -> Identities:
    """Collapse records into identities keyed by `identity_key`; every record_id once."""
    records_of: dict[str, list[str]] = {}
    rows: list[dict[str, Any]] = []
    for record in records:
        record_id = (record.get("record_id") or "").strip()
        if not record_id:
            raise ValidationFailed("a person record without record_id")
        key = identity_key(record)
        members = records_of.get(key)
        if members is None:
            records_of[key] = [record_id]
            rows.append({UNIQUE_ID: key, **derive_columns(record)})
        else:
            members.append(record_id)
    frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=[UNIQUE_ID])
    return Identities(frame, records_of)


def classify_pairs(
    pairs: pd.DataFrame,
    reviews: Mapping[frozenset[str], ReviewDecision] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> list[Link]:
    """Links of the scored pairs, reviews deciding where a pair was reviewed."""
    reviews = reviews or {}
    links = []
    for left, right, probability, document, birth, sex, given in pairs.itertuples(index=False):
        evidence = PairEvidence(float(probability), int(document), int(birth), int(sex), int(given))
        left, right = sorted((str(left), str(right)))
        link_class = classify_link(evidence, reviews.get(frozenset((left, right))), thresholds)
        if link_class is not None:
            links.append(Link(left, right, float(probability), link_class))
    return links


def persons_of(
    ids: Iterable[str],
    links: Iterable[Link],
    apart: Iterable[tuple[str, str]] = (),
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> dict[str, str]:
    """Each identity's person: links that merge (`rmis.linkage.merges`) join, green ones
    keep their two records apart.
    """
    links = list(links)
    whites = [
        (k.left, k.right, k.probability)
        for k in links
        if merges(k.link_class, k.probability, thresholds)
    ]
    kept_apart = [*apart, *((k.left, k.right) for k in links if k.link_class == LinkClass.GREEN)]
    return cluster_records(ids, whites, kept_apart)


def link_records(
    records: Iterable[Mapping[str, str]],
    model: dict[str, Any] | None = None,
    backend: Backend | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
    step: Step | None = None,
    reviews: Mapping[frozenset[str], ReviewDecision] | None = None,
) -> LinkOutcome:
    """Link a batch of person records: train a model on them unless one is given. Reviewed
    pairs (by identity key) take their reviewer's class.
    """
    backend = backend or duckdb_backend()
    say = step or (lambda _: None)
    say("preparing identities")
    identities = build_identities(records)
    if model is None and len(identities) > 1:
        say("training the model")
        model = train_model(identities.frame, backend)
    links: list[Link] = []
    if model is not None and len(identities) > 1:
        say("scoring pairs")
        pairs = predict_pairs(identities.frame, model, backend, thresholds.yellow)
        links = classify_pairs(pairs, reviews, thresholds)
    say("clustering persons")
    person_of_identity = persons_of(identities.records_of, links, thresholds=thresholds)
    person_of_record = {
        record_id: person_of_identity[key]
        for key, members in identities.records_of.items()
        for record_id in members
    }
    return LinkOutcome(person_of_record, links, model or {}, identities)


def link_increment(
    before: LinkOutcome,
    records: Iterable[Mapping[str, str]],
    backend: Backend | None = None,
    reviews: Mapping[frozenset[str], ReviewDecision] | None = None,
    thresholds: Thresholds = DEFAULT_THRESHOLDS,
) -> LinkOutcome:
    """Link new records to an earlier outcome with its model: only pairs involving a new
    identity are scored; the earlier links are kept, so the result equals linking all
    records at once with that model.
    """
    from rmis.linking.engine import match_new

    backend = backend or duckdb_backend()
    known = before.identities
    added = build_identities(records)
    fresh = [k for k in added.records_of if k not in known.records_of]
    new_frame = added.frame[added.frame[UNIQUE_ID].isin(fresh)]
    pairs = match_new(known.frame, new_frame, before.model, backend, thresholds.yellow)
    links = [*before.links, *classify_pairs(pairs, reviews, thresholds)]
    if reviews:
        links = _apply_reviews(links, reviews)
    records_of = {k: list(v) for k, v in known.records_of.items()}
    for key, members in added.records_of.items():
        records_of.setdefault(key, []).extend(members)
    frame = pd.concat([known.frame, new_frame], ignore_index=True)
    identities = Identities(frame, records_of)
    person_of_identity = persons_of(records_of, links, thresholds=thresholds)
    person_of_record = {r: person_of_identity[k] for k, ms in records_of.items() for r in ms}
    return LinkOutcome(person_of_record, links, before.model, identities)


def _apply_reviews(
    links: list[Link], reviews: Mapping[frozenset[str], ReviewDecision]
) -> list[Link]:
    """Links with each reviewed pair's class set by its review."""
    from rmis.linkage.classes import REVIEWED_CLASS

    out = []
    for link in links:
        decision = reviews.get(frozenset((link.left, link.right)))
        if decision is None:
            out.append(link)
        else:
            out.append(Link(link.left, link.right, link.probability, REVIEWED_CLASS[decision]))
    return out
