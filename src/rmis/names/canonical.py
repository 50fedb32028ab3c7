"""The comparison form that one person's name keeps across scripts and transliterations.

`canonical_form` folds every spelling the transliteration systems, clerks and bearers produce
into one Latin form: KH, H, X → H; DZH, DJ, ZH, J → J; TS, TC, C → C; Y → I; Q → K; GH → G;
W → V; SHCH → SH; NG → N (Kyrgyz and Kazakh ң, which Russian records write н); IO → E (Ё,
which ICAO writes E and Russian records often е); IE after a vowel or at a word start → E;
IU after a consonant → U; double letters single.
The rules were chosen on pairs that must meet (Rakhmonov/Раҳмонов, IUSUPOV/YUSUPOV/Юсупов,
TCOI/TSOI/Цой, DZHAMSHED/JAMSHED/Ҷамшед/Джамшед, ALIEV/ALIYEV) and pairs that must not
(ALI/OLIM, RUSTAM/RUSLAN, ALIEV/VALIEV); tests/names/name_pairs.csv holds them.
"""

import re
from functools import lru_cache
from typing import Final

from rmis.names import tables
from rmis.names.normalise import normalise_name
from rmis.names.transliterate import AsciiFallbackTable

_TO_LATIN: Final = AsciiFallbackTable({**tables.CANONICAL_CYRILLIC, **tables.LATIN_ASCII})
_NOT_LETTER: Final = re.compile(r"[^A-Z ]+")

# Applied in this order, so SHCH and SCH fold before the shorter pairs inside them.
_DIGRAPH_FOLDS: Final = (
    ("SHCH", "SH"), ("SCH", "SH"), ("DZH", "J"), ("DJ", "J"), ("ZH", "J"), ("KH", "H"),
    ("TS", "C"), ("TC", "C"), ("GH", "G"), ("NG", "N"),
)  # fmt: skip
_LETTER_FOLDS: Final = (("X", "H"), ("Q", "K"), ("W", "V"), ("Y", "I"))
_INITIAL_IE: Final = re.compile(r"(?:\b|(?<=[AEIOU]))IE")
_CONSONANT_IU: Final = re.compile(r"(?<=[B-DF-HJ-NP-TV-Z])IU")
_DOUBLE: Final = re.compile(r"([A-Z])\1+")


@lru_cache(maxsize=131072)
def canonical_form(text: str) -> str:
    """Return the script-independent comparison form: upper ASCII letters, single spaces.

    Spellings of one name in Cyrillic, passport Latin of any period and national Latin meet in
    it; hyphens and apostrophes join the letters they separate. Idempotent; never raises.
    """
    latin = normalise_name(text)
    # Letters read from other scripts may be empty (accents) and leave spaces to tidy.
    dirty = not latin.isascii()
    if dirty:
        latin = latin.translate(_TO_LATIN)
    if "O'" in latin:
        latin = latin.replace("O'", "U")  # Uzbek oʻ is the vowel Russian records write у
    if dirty or not latin.replace(" ", "").isalpha():
        latin = " ".join(_NOT_LETTER.sub("", latin).split())
    folded = latin
    while True:
        again = _fold_once(folded)
        if again == folded:
            return folded
        folded = again


def _fold_once(name: str) -> str:
    # Folding one pair can create another (Q+H → KH), hence the caller's loop to a fixed point.
    # str.replace behind an `in` test is several times faster than one regex with a callback.
    for old, new in _LETTER_FOLDS + _DIGRAPH_FOLDS:
        if old in name:
            name = name.replace(old, new)
    # Glides: Ё (IO, YO) is E in ICAO and in Russian records that write е for ё; Е after a
    # vowel or at a word start is YE in the 1997 rules; Ю after a consonant is U (Liudmila,
    # Ludmila).
    if "IO" in name:
        name = name.replace("IO", "E")
    if "IE" in name:
        name = _INITIAL_IE.sub("E", name)
    if "IU" in name:
        name = _CONSONANT_IU.sub("U", name)
    return _DOUBLE.sub(_first_letter, name)


def _first_letter(match: re.Match[str]) -> str:
    return match.group(1)
