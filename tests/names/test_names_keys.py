"""Comparison forms, sound keys, surname stems and blocking keys on real naming practice."""

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from rmis.names import canonical_form, name_keys, phonetic_key, surname_stem

PAIRS = Path(__file__).with_name("name_pairs.csv")
KEYS: dict[str, Callable[[str], str]] = {
    "canonical": canonical_form,
    "stem": surname_stem,
    "phonetic": phonetic_key,
}


def _pairs() -> list[object]:
    with PAIRS.open(encoding="utf-8", newline="") as lines:
        rows = list(csv.DictReader(lines))
    return [
        pytest.param(row["left"], row["right"], row["key"], row["relation"], id=row["note"])
        for row in rows
    ]


@pytest.mark.parametrize(("left", "right", "key", "relation"), _pairs())
def test_labelled_pair(left: str, right: str, key: str, relation: str) -> None:
    make = KEYS[key]
    if relation == "same":
        assert make(left) == make(right)
    else:
        assert make(left) != make(right)


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Раҳмонов Ҷамшед", "RAHMONOV JAMSHED"),
        ("RAKHMONOV DZHAMSHED", "RAHMONOV JAMSHED"),
        ("Рахмонов Джамшед Рахимович", "RAHMONOV JAMSHED RAHIMOVICH"),
        ("Цой", "COI"),
        ("Юсупов", "IUSUPOV"),
        ("Rahmon-Zoda", "RAHMONZODA"),
        ("  o‘g‘li ", "UGLI"),
        ("", ""),
        ("-- ''", ""),
    ],
)
def test_canonical_form(spelling: str, expected: str) -> None:
    assert canonical_form(spelling) == expected


def test_canonical_form_is_ascii_upper_with_single_spaces() -> None:
    form = canonical_form("  Ҳасанов,   Шоҳруҳ  Ёдгорович! 12 ")
    assert form == "HASANOV SHOHRUH EDGOROVICH"
    assert form.isascii() and form == form.upper() and "  " not in form


@pytest.mark.parametrize(
    ("surname", "stem"),
    [
        ("Рахмонов", "RAHMON"),
        ("Раҳмон", "RAHMON"),
        ("Rahmonzoda", "RAHMON"),
        ("Rahmonova", "RAHMON"),
        ("Rahmon zoda", "RAHMON"),
        ("Алиев", "ALI"),
        ("Алиева", "ALI"),
        ("ALIYEVA", "ALI"),
        ("Ali", "ALI"),
        ("Mammadzade", "MAMAD"),
        ("Nurlanuly", "NURLAN"),
        ("Ov", "OV"),
    ],
)
def test_surname_stem(surname: str, stem: str) -> None:
    assert surname_stem(surname) == stem


def test_phonetic_key_keeps_word_order_and_first_letter() -> None:
    assert phonetic_key("Rahmonov Jamshed") == "RKMNV JMXT"
    assert phonetic_key("Olim") == phonetic_key("Alim") == "ALM"
    assert phonetic_key("Ali") == "AL"


def test_name_keys_survive_swapped_fields() -> None:
    assert name_keys("Rahmonov", "Jamshed") == name_keys("JAMSHED", "RAKHMONOV")


def test_name_keys_survive_script_and_de_russification() -> None:
    russian = name_keys("Рахмонов", "Джамшед", "Рахимович")
    tajik = name_keys("Раҳмон", "Ҷамшед")
    assert "stems:JAMSHED|RAHMON" in russian & tajik


def test_name_keys_split_an_embedded_patronymic() -> None:
    assert name_keys("Рахмонов", "Джамшед Рахимович") == name_keys("Rahmonov", "Jamshed")
    assert name_keys("Rahmonov", "Jamshed Rahim o'g'li") == name_keys("Rahmonov", "Jamshed")


def test_name_keys_keep_namesakes_in_different_pair_blocks() -> None:
    rustam = {k for k in name_keys("Rahmonov", "Rustam") if k.startswith("stems:")}
    ruslan = {k for k in name_keys("Rahmonov", "Ruslan") if k.startswith("stems:")}
    assert rustam.isdisjoint(ruslan)


def test_name_keys_with_one_field_missing() -> None:
    assert name_keys("Rahmonov", "") == frozenset({"stem:RAHMON"})
    assert name_keys("", "") == frozenset()
