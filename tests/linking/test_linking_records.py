"""Linking batches with Splink on DuckDB: hand-written hard pairs in a synthetic background,
incremental linking equal to a full run, and reviewed green links never merged.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path
from typing import Any

import pytest

from rmis.linkage import LinkClass, ReviewDecision, identity_key
from rmis.linking import LinkOutcome, duckdb_backend, link_records, train_model
from rmis.linking.records import link_increment
from rmis.synth import RegionConfig
from rmis.synth.columns import CROSSING_COLUMNS
from rmis.synth.region import Ledger, RegionRun

FIELDS = ("surname", "given_name", "patronymic", "sex", "birth_date", "nationality",
          "document_number")  # fmt: skip
HARD = Path(__file__).parent.parent / "linkage" / "hard_pairs.csv"


def background(persons: int = 600) -> list[dict[str, str]]:
    """A few records of each of `persons` synthetic people, written in every script."""
    config = RegionConfig(persons=persons, seed=11, dirty_share=0.0, resend_share=0.0)
    rng, out = random.Random(11), []
    for n, (_, records) in enumerate(RegionRun(config, Ledger()).people()):
        if n >= persons:
            break
        for authority, row, _ in rng.sample(records, min(3, len(records))):
            raw = dict(zip(CROSSING_COLUMNS, row, strict=True))
            out.append({"record_id": raw["event_id"], "source": authority,
                        **{k: raw[k] for k in FIELDS}})  # fmt: skip
    return out


def hard_pairs() -> list[dict[str, str]]:
    with HARD.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def outcome() -> LinkOutcome:
    return link_records([*background(), *hard_pairs()])


def test_hard_pairs_are_one_person(outcome: LinkOutcome) -> None:
    person = outcome.person_of_record
    for row in hard_pairs():
        if row["same_as"]:
            assert person[row["record_id"]] == person[row["same_as"]], row["case"]


@pytest.mark.parametrize(("left", "right"), [("T1", "T2"), ("F1", "F2")])
def test_twins_and_father_and_son_stay_apart(outcome: LinkOutcome, left: str, right: str) -> None:
    assert outcome.person_of_record[left] != outcome.person_of_record[right]


def test_twins_consecutive_passports_wait_for_a_person(outcome: LinkOutcome) -> None:
    classes = {frozenset((k.left, k.right)): k.link_class for k in outcome.links}
    assert classes.get(frozenset((_key("T1"), _key("T2")))) in (LinkClass.YELLOW, None)
    assert classes[frozenset((_key("H14"), _key("H15")))] is LinkClass.WHITE  # a typo


def test_a_document_number_outweighs_the_share_of_matches(outcome: LinkOutcome) -> None:
    """u from random pairs with their matches taken out: an equal document number, nearly
    unique to a person, weighs far more than 1 / lambda, about all that u counted over the
    sample's matching pairs would allow.
    """
    share = outcome.model["probability_two_random_records_match"]
    document = next(
        c for c in outcome.model["comparisons"] if c["output_column_name"] == "document"
    )
    exact = document["comparison_levels"][1]
    assert exact["m_probability"] / exact["u_probability"] > 10 / share


def test_a_model_trained_on_part_of_the_identities_finds_the_same_persons(
    outcome: LinkOutcome,
) -> None:
    part = train_model(outcome.identities.frame, duckdb_backend(), most_identities=700)
    assert (
        part["probability_two_random_records_match"]
        != outcome.model["probability_two_random_records_match"]
    )  # trained on other pairs
    again = link_records([*background(), *hard_pairs()], model=part)
    agree = _partition(again.person_of_record) & _partition(outcome.person_of_record)
    assert len(agree) >= 0.99 * len(_partition(outcome.person_of_record))
    for row in hard_pairs():
        if row["same_as"]:
            assert (
                again.person_of_record[row["record_id"]] == again.person_of_record[row["same_as"]]
            )


def test_every_record_has_a_person(outcome: LinkOutcome) -> None:
    assert len(outcome.person_of_record) == len(background()) + len(hard_pairs())
    assert outcome.summary()["links"]["white"] > 0


def _partition(person_of: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for record, person in person_of.items():
        groups.setdefault(person, set()).add(record)
    return {frozenset(g) for g in groups.values()}


def test_incremental_equals_full(outcome: LinkOutcome) -> None:
    records = [*background(), *hard_pairs()]
    first, later = records[::2], records[1::2]
    before = link_records(first, model=outcome.model)
    after = link_increment(before, later)
    full = link_records(records, model=outcome.model)
    assert after.person_of_record == full.person_of_record
    assert _partition(after.person_of_record) == _partition(outcome.person_of_record)


def _key(record_id: str) -> str:
    row: dict[str, Any] = next(r for r in hard_pairs() if r["record_id"] == record_id)
    return identity_key(row)


def test_reviewed_green_link_is_never_merged_again(outcome: LinkOutcome) -> None:
    records = [*background(), *hard_pairs()]
    reviews = {frozenset((_key("H1"), _key("H2"))): ReviewDecision.DIFFERENT}
    reviewed = link_records(records, model=outcome.model, reviews=reviews)
    person = reviewed.person_of_record
    assert person["H1"] != person["H2"]
    classes = {frozenset((k.left, k.right)): k.link_class for k in reviewed.links}
    assert classes[frozenset((_key("H1"), _key("H2")))] is LinkClass.GREEN
    again = link_increment(link_records(records[:-3], model=outcome.model, reviews=reviews),
                           records[-3:], reviews=reviews)  # fmt: skip
    assert again.person_of_record["H1"] != again.person_of_record["H2"]
