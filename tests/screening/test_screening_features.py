"""Birth dates, documents, sex and the index, one feature at a time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rmis.names import PersonName
from rmis.screening import (
    BirthDate,
    FeatureWeights,
    PreparedQuery,
    ScreeningQuery,
    WatchlistEntry,
    WatchlistIndex,
    compare_birth_dates,
    compare_documents,
    fold_document,
)

WEIGHTS = FeatureWeights()


def _date(text: str) -> BirthDate:
    return BirthDate.parse(text)


def test_birth_dates_agree_exactly_swapped_partly_or_not_at_all() -> None:
    cases = {
        ("1990-01-02", "1990-01-02"): WEIGHTS.birth_exact,
        ("1990-02-01", "1990-01-02"): WEIGHTS.birth_swapped,
        ("1990-01", "1990-01-02"): WEIGHTS.birth_year_month,
        ("1990", "1990-01-02"): WEIGHTS.birth_year,
        ("1990-03-02", "1990-01-02"): WEIGHTS.birth_conflict,
        ("1991-01-02", "1990-01-02"): WEIGHTS.birth_conflict,
        ("", "1990-01-02"): 0.0,
    }
    for (left, right), weight in cases.items():
        assert compare_birth_dates(_date(left), _date(right), WEIGHTS).weight == weight


def test_unreadable_birth_dates_are_unknown() -> None:
    assert _date("02.01.1990") == BirthDate(0, 0, 0)
    assert _date("1990-13-40") == BirthDate(1990, 0, 0)


def test_document_numbers_meet_through_ocr_confusions() -> None:
    assert fold_document("4O12B4567") == fold_document("401284567")
    assert fold_document("AC 064-2298") == fold_document("AC0642298")
    near = compare_documents(fold_document("401284576"), (fold_document("401284567"),), WEIGHTS)
    assert near.weight == WEIGHTS.document_near
    far = compare_documents("123", ("456",), WEIGHTS)
    assert far.weight == WEIGHTS.document_differs


@given(st.text(max_size=12))
def test_document_folding_is_idempotent(number: str) -> None:
    assert fold_document(fold_document(number)) == fold_document(number)


def _entry(entry_id: str, surname: str, given: str, birth: str = "1990-01-02") -> WatchlistEntry:
    return WatchlistEntry(entry_id, (PersonName(surname, given),), birth, "M", "TJK")


def test_the_index_adds_replaces_and_removes_one_entry_without_a_rebuild() -> None:
    index = WatchlistIndex.build(
        [_entry("E1", "Раҳмонов", "Ҷамшед"), _entry("E2", "Каримов", "Алишер")]
    )
    query = ScreeningQuery("Q", PersonName("RAKHMONOV", "DZHAMSHED"), "1990-01-02", "M")
    assert [h.entry_id for h in index.screen(query)] == ["E1"]
    index.add(_entry("E1", "Раҳмонов", "Ҷамшед", birth="1970-05-05"))
    assert index.screen(query) == [] and len(index) == 2
    index.remove("E1")
    assert "E1" not in index and index.remove("E1") is False
    index.add(_entry("E3", "Rahmon", "Jamshed"))
    assert [h.entry_id for h in index.screen(query)] == ["E3"]


def test_aliases_are_screened_like_names() -> None:
    names = (PersonName("Каримов", "Фаридун"), PersonName("Саидов", "Фируз"))
    index = WatchlistIndex.build([WatchlistEntry("E", names, "1981-11-05", "M")])
    hits = index.screen(ScreeningQuery("Q", PersonName("SAIDOV", "FIRUZ"), "1981-11-05", "M"))
    assert hits and hits[0].explanation[0].startswith("alias 1")


def test_nationality_never_changes_a_score() -> None:
    query = ScreeningQuery("Q", PersonName("RAHMONOV", "JAMSHED"), "1990", "M", "TJK")
    scores = []
    for nationality in ("TJK", "UZB", ""):
        entry = WatchlistEntry(
            "E", (PersonName("Раҳмонов", "Ҷамшед"),), "1990-01-02", "M", nationality
        )
        scores.append(WatchlistIndex.build([entry]).screen(query)[0].score)
    assert len(set(scores)) == 1


def test_candidates_come_from_blocks_not_from_every_entry() -> None:
    entries = [_entry(f"E{i}", f"Фамилия{i:05d}ов", "Алишер") for i in range(2000)]
    index = WatchlistIndex.build([*entries, _entry("T", "Раҳмонов", "Ҷамшед")])
    query = ScreeningQuery("Q", PersonName("RAHMONOV", "JAMSHED"), "1990-01-02", "M")
    assert len(index.candidates(PreparedQuery.of(query))) == 1
