"""Derived columns, link classes and clustering: the pure parts of linkage."""

from __future__ import annotations

from rmis.linkage import (
    LinkClass,
    PairEvidence,
    ReviewDecision,
    classify_link,
    cluster_records,
    derive_columns,
    identity_key,
)
from rmis.linkage.columns import birth_columns


def _record(**fields: str) -> dict[str, str]:
    return {"record_id": "x", "surname": "", "given_name": "", **fields}


def test_one_name_in_three_scripts_has_one_order_free_key() -> None:
    keys = {
        derive_columns(_record(surname=s, given_name=g))["name_stems"]
        for s, g in (("Рахмонов", "Джамшед"), ("RAKHMONOV", "DZHAMSHED"), ("Ҷамшед", "Раҳмон"))
    }
    assert len(keys) == 1


def test_birth_date_parts_and_swap() -> None:
    full = birth_columns("1990-04-07")
    assert (full["birth_year"], full["birth_month"], full["birth_day"]) == ("1990", "04", "07")
    assert full["birth_swapped"] == "1990-07-04"
    assert birth_columns("1990")["birth_month"] is None
    assert birth_columns("")["birth_year"] is None
    assert birth_columns("1990-04-25")["birth_swapped"] is None


def test_document_folds_ocr_confusions() -> None:
    assert derive_columns(_record(document_number="4O12B456"))["document_folded"] == "40128456"


def test_identity_key_ignores_record_id_and_source() -> None:
    left = _record(surname="A", record_id="1", source="RUS")
    right = _record(surname="A", record_id="2", source="TJK")
    assert identity_key(left) == identity_key(right)
    assert identity_key(left) != identity_key(_record(surname="B"))


def test_link_classes() -> None:
    sure = PairEvidence(0.999, 4, 3, 2)
    assert classify_link(sure) is LinkClass.WHITE
    assert classify_link(PairEvidence(0.7, 0, 3, 2)) is LinkClass.YELLOW
    assert classify_link(PairEvidence(0.1, 4, 0, 2)) is LinkClass.RED
    assert classify_link(PairEvidence(0.1, 0, 0, 2)) is None
    assert classify_link(sure, ReviewDecision.DIFFERENT) is LinkClass.GREEN


def test_clusters_keep_reviewed_apart_records_apart() -> None:
    links = [("a", "b", 0.99), ("b", "c", 0.98)]
    together = cluster_records("abc", links)
    assert len(set(together.values())) == 1
    apart = cluster_records("abc", links, apart=[("a", "c")])
    assert apart["a"] == apart["b"] != apart["c"]


def test_clusters_do_not_depend_on_link_order() -> None:
    links = [("a", "b", 0.99), ("b", "c", 0.98), ("c", "d", 0.97)]
    forward = cluster_records("abcd", links, apart=[("a", "d")])
    backward = cluster_records("abcd", list(reversed(links)), apart=[("a", "d")])
    assert forward == backward
