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
from rmis.linkage.columns import birth_columns, document_halves


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


def test_document_halves_never_overlap_and_skip_short_numbers() -> None:
    assert document_halves("401122334") == ("4011", "2334")
    assert document_halves("6582947") == ("658", "947")
    assert document_halves("FA123456") == ("FA12", "3456")
    assert document_halves("12345") == ("", "")
    folded = derive_columns(_record(document_number="FA 1234567"))
    assert (folded["document_head"], folded["document_tail"]) == ("FA12", "4567")


def _one_typo(number: str) -> list[str]:
    digits = "0123456789"
    changed = [number[:i] + d + number[i + 1 :] for i in range(len(number)) for d in digits]
    dropped = [number[:i] + number[i + 1 :] for i in range(len(number))]
    added = [number[:i] + d + number[i:] for i in range(len(number) + 1) for d in digits]
    swapped = [
        number[:i] + number[i + 1] + number[i] + number[i + 2 :] for i in range(len(number) - 1)
    ]
    return [t for t in (*changed, *dropped, *added, *swapped) if t != number]


def test_a_number_with_one_typo_keeps_a_half() -> None:
    for number in ("9564028", "401122334"):
        head, tail = document_halves(number)
        middle = len(number) // 2
        for typo in _one_typo(number):
            if (
                typo
                == number[: middle - 1] + number[middle] + number[middle - 1] + number[middle + 1 :]
            ):
                continue  # the two middle characters of an even length swapped
            if (len(typo) < 8) != (len(number) < 8):
                continue  # across eight characters the halves change length
            typo_head, typo_tail = document_halves(typo)
            assert typo_head == head or typo_tail == tail, typo


def test_surname_head_is_the_canonical_surnames_first_letters() -> None:
    heads = {derive_columns(_record(surname=s))["surname_head"] for s in ("Хингстон", "HINGSTXON")}
    assert heads == {"HI"}
    assert derive_columns(_record(surname=""))["surname_head"] is None


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


def test_siblings_consecutive_documents_wait_for_a_person() -> None:
    # document level 2: one series, numbers differing in the last character
    twins = PairEvidence(0.999, 2, 3, 2, given_level=1)
    assert twins.siblings
    assert classify_link(twins) is LinkClass.YELLOW
    assert classify_link(twins, ReviewDecision.SAME) is LinkClass.WHITE
    mistyped = PairEvidence(0.999, 2, 3, 2, given_level=6)
    assert classify_link(mistyped) is LinkClass.WHITE
    assert classify_link(PairEvidence(0.999, 2, 3, 2)) is LinkClass.WHITE  # given unknown
    assert classify_link(PairEvidence(0.999, 4, 3, 2, given_level=0)) is LinkClass.WHITE


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
