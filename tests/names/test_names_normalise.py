"""The normalised written form."""

import pytest

from rmis.names import normalise_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  rahmonov   jamshed ", "RAHMONOV JAMSHED"),
        ("Rahmonov, Jamshed.", "RAHMONOV JAMSHED"),
        ("Раҳмонов Ҷамшед", "РАҲМОНОВ ҶАМШЕД"),
        # Every apostrophe a keyboard offers for the Uzbek oʻ and gʻ.
        ("Oʻgʻli", "O'G'LI"),
        ("O‘g‘li", "O'G'LI"),
        ("O’g’li", "O'G'LI"),
        ("O`g`li", "O'G'LI"),
        ("Oʼgʼli", "O'G'LI"),
        ("O'g'li", "O'G'LI"),
        ("Ma´ruf", "MA'RUF"),
        # Hyphens of every width, with or without spaces around them.
        ("Рахмон‐Зода", "РАХМОН-ЗОДА"),
        ("Рахмон – Зода", "РАХМОН-ЗОДА"),
        ("Rahmon--zoda", "RAHMON-ZODA"),
        ("-Rahmon- 'Ali'", "RAHMON-ALI"),
        ("'Rahmon' Ali-", "RAHMON ALI"),
        ("ＲＡＨＭＯＮ", "RAHMON"),
        ("Rah\u00admon", "RAHMON"),
        ("Сафари\u0306", "САФАРЙ"),
        ("Weiß", "WEISS"),
        ("РAХМОНОВ", "РАХМОНОВ"),  # Latin A in a Cyrillic surname
        ("TСOI", "TCOI"),  # Cyrillic С in a Latin surname
        ("", ""),
        (" ,.;- ", ""),
    ],
)
def test_normalise_name(text: str, expected: str) -> None:
    assert normalise_name(text) == expected


def test_normalise_name_composes_decomposed_tajik_letters() -> None:
    assert normalise_name("Сафари\u0304") == "САФАРӢ"


@pytest.mark.parametrize("text", ["AAЁФK\u200d\u0301", "РAХ\u0306", "Y\u0306АБ", "ǅ İ ΐ ŉ"])
def test_normalise_name_is_idempotent_in_unicode_corners(text: str) -> None:
    once = normalise_name(text)
    assert normalise_name(once) == once
