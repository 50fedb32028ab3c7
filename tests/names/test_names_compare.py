"""Name comparison: one person across records, and different people kept apart."""

import dataclasses

import pytest

from rmis.names import NameCompareConfig, NameComparison, PersonName, compare_names

SAME_PERSON = [
    (PersonName("Раҳмонов", "Ҷамшед"), PersonName("RAKHMONOV", "DZHAMSHED")),
    (PersonName("Рахмонов", "Джамшед", "Рахимович"), PersonName("RAHMONOV", "JAMSHED")),
    (PersonName("Rakhmonov", "Jamshed"), PersonName("Rahmonzoda", "Jamshed")),
    (PersonName("Рахмонов", "Джамшед"), PersonName("Раҳмон", "Ҷамшед")),
    (PersonName("YUSUPOV", "RUSTAM"), PersonName("IUSUPOV", "RUSTAM")),
    (PersonName("TSOI", "VIKTOR"), PersonName("TCOI", "VIKTOR")),
    (PersonName("Qoʻchqorov", "Oʻktam"), PersonName("Кучкоров", "Уктам")),
    (PersonName("Өмүрбеков", "Жеңиш"), PersonName("OMURBEKOV", "ZHENGISH")),
    (PersonName("Жәнібек", "Нұрлан"), PersonName("ZHANIBEK", "NURLAN")),
    (PersonName("Əliyev", "Həsən"), PersonName("ALIYEV", "HASAN")),
    (PersonName("Berdimuhamedow", "Gurbanguly"), PersonName("Бердымухамедов", "Гурбангулы")),
    (PersonName("Лукашэнка", "Аляксандр"), PersonName("LUKASHENKA", "ALIAKSANDR")),
    (PersonName("Rahmonov", "Jamshed"), PersonName("Rahmonov", "Jamshid")),
]


@pytest.mark.parametrize(("query", "candidate"), SAME_PERSON)
def test_same_person_scores_high(query: PersonName, candidate: PersonName) -> None:
    assert compare_names(query, candidate).score >= 0.9


DIFFERENT_PEOPLE = [
    (PersonName("Rahmonov", "Rustam"), PersonName("Rahmonov", "Ruslan")),
    (PersonName("Aliev", "Ali"), PersonName("Aliev", "Olim")),
    (PersonName("Aliev", "Ali"), PersonName("Valiev", "Ali")),
    (PersonName("Alimov", "Jamshed"), PersonName("Salimov", "Jamshed")),
    (PersonName("Yusupov", "Rustam"), PersonName("Yunusov", "Rustam")),
    (PersonName("Rahimov", "Jamshed"), PersonName("Rahmonov", "Jamshed")),
    (PersonName("Karimova", "Zarina"), PersonName("Karimova", "Zarifa")),
]


@pytest.mark.parametrize(("query", "candidate"), DIFFERENT_PEOPLE)
def test_different_names_score_low(query: PersonName, candidate: PersonName) -> None:
    assert compare_names(query, candidate).score < 0.8


def test_equal_names_score_one_and_say_why() -> None:
    result = compare_names(PersonName("Раҳмонов", "Ҷамшед"), PersonName("RAHMONOV", "JAMSHED"))
    assert result.score == 1.0
    assert "surname canonical equal" in result.explanation
    assert "given name canonical equal" in result.explanation


def test_de_russified_surname_is_explained() -> None:
    result = compare_names(PersonName("Rakhmonov", "Jamshed"), PersonName("Rahmon", "Jamshed"))
    assert "surname stem equal (de-Russified)" in result.explanation


def test_swapped_fields_are_found_and_explained() -> None:
    result = compare_names(PersonName("JAMSHED", "RAKHMONOV"), PersonName("Рахмонов", "Джамшед"))
    assert result.score >= 0.9
    assert "given names swapped" in result.explanation


def test_words_in_the_wrong_field_still_meet() -> None:
    result = compare_names(PersonName("Rahmonov Jamshed", ""), PersonName("Rahmonov", "Jamshed"))
    assert result.score >= 0.85


def test_patronymic_missing_on_one_side_is_ignored() -> None:
    result = compare_names(
        PersonName("Рахмонов", "Джамшед", "Рахимович"), PersonName("Rahmonov", "Jamshed")
    )
    assert result.score == 1.0
    assert "patronymic ignored (missing on one side)" in result.explanation


def test_patronymic_across_russian_and_uzbek_forms_agrees() -> None:
    result = compare_names(
        PersonName("Рахмонов", "Джамшед Рустамович"),
        PersonName("Rahmonov", "Jamshed Rustam oʻgʻli"),
    )
    assert result.score == 1.0
    assert "patronymic father's name equal" in result.explanation


def test_patronymic_of_another_father_lowers_the_score() -> None:
    result = compare_names(
        PersonName("Rahmonov", "Jamshed", "Rahimovich"),
        PersonName("Rahmonov", "Jamshed", "Karimovich"),
    )
    assert result.score < 0.9
    assert "patronymic differs" in result.explanation


def test_initial_only_agrees_below_a_full_name() -> None:
    full = compare_names(PersonName("Rahmonov", "Jamshed"), PersonName("Rahmonov", "Jamshed"))
    initial = compare_names(PersonName("Rahmonov", "J"), PersonName("Rahmonov", "Jamshed"))
    assert initial.score < full.score
    assert "given name initial agrees" in initial.explanation


def test_empty_names_score_zero() -> None:
    assert compare_names(PersonName("", ""), PersonName("Rahmonov", "Jamshed")).score == 0.0
    assert compare_names(PersonName("", ""), PersonName(" ", "-")).score == 0.0


def test_config_changes_the_weights() -> None:
    query, candidate = PersonName("Rahmonov", "Rustam"), PersonName("Rahmonov", "Ruslan")
    heavy_surname = NameCompareConfig(surname_weight=0.9)
    assert (
        compare_names(query, candidate, heavy_surname).score > compare_names(query, candidate).score
    )


def test_results_are_frozen() -> None:
    result = compare_names(PersonName("A", "B"), PersonName("A", "B"))
    assert isinstance(result, NameComparison)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.score = 0.5  # type: ignore[misc]
