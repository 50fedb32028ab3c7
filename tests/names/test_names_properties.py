"""Properties over any string: nothing raises, normal forms are fixed points."""

from hypothesis import given, settings
from hypothesis import strategies as st

from rmis.names import (
    PersonName,
    System,
    canonical_form,
    compare_names,
    detect_cyrillic_language,
    detect_script,
    is_patronymic,
    name_keys,
    normalise_name,
    patronymic_root,
    phonetic_key,
    split_patronymic,
    surname_stem,
    transliterate,
    transliteration_variants,
)

# Letters, marks and joiners of the scripts names arrive in, so shrinking finds real cases.
WORD_LETTERS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZaeioxyz'-ʻʼ’`АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
    "ҲҶҚҒӮӢҢӨҮӘҰҺІЎЇЄҐəğıöşüçäňýžİ\u0301\u0308\u200d\u00ad"
)
ONE_WORD = st.text(alphabet=st.sampled_from(WORD_LETTERS), max_size=20)
NAME_LETTERS = st.text(alphabet=st.sampled_from(WORD_LETTERS + " ."), max_size=20)
ANY_TEXT = st.text() | NAME_LETTERS


@settings(max_examples=300)
@given(ANY_TEXT)
def test_normalise_name_is_idempotent(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once


@settings(max_examples=300)
@given(ANY_TEXT)
def test_canonical_form_is_idempotent_ascii(text: str) -> None:
    once = canonical_form(text)
    assert canonical_form(once) == once
    assert canonical_form(normalise_name(text)) == once
    assert once.isascii() and once == once.strip() and "  " not in once


@settings(max_examples=200)
@given(ANY_TEXT)
def test_no_function_raises(text: str) -> None:
    detect_script(text)
    detect_cyrillic_language(text)
    phonetic_key(text)
    surname_stem(text)
    is_patronymic(text)
    split_patronymic(text)
    patronymic_root(text)
    transliteration_variants(text)
    for system in System:
        transliterate(text, system)
    name_keys(text, text[::-1], text[:2])


@settings(max_examples=200)
@given(ANY_TEXT, ANY_TEXT, ANY_TEXT, ANY_TEXT)
def test_compare_names_scores_in_range(a: str, b: str, c: str, d: str) -> None:
    result = compare_names(PersonName(a, b), PersonName(c, d, a))
    assert 0.0 <= result.score <= 1.0
    assert result.explanation


@settings(max_examples=200)
@given(ONE_WORD, ONE_WORD)
def test_name_keys_ignore_field_order(surname: str, given_name: str) -> None:
    left = name_keys(surname, given_name, "-")
    right = name_keys(given_name, surname, "-")
    assert {k for k in left if k.startswith("stems:")} == {
        k for k in right if k.startswith("stems:")
    }
