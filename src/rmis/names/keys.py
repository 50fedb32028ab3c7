"""Coarser keys built on the canonical form: sound keys, surname stems and blocking keys."""

import re
from functools import lru_cache
from typing import Final

from rmis.names.canonical import canonical_form
from rmis.names.patronymic import split_patronymic

__all__ = ["canonical_form", "name_keys", "phonetic_key", "surname_stem"]

_VOWELS: Final = frozenset("AEIOU")
_SOUND_DIGRAPHS: Final = re.compile("SH|CH")
# Letters a clerk or a dialect swaps: Arabic h is Russian г (Ibrohim/Ибрагим), final
# devoicing (Mahmud/Mahmut), Yusuf/Юсуп. The affricates meet too: Azerbaijani passports write
# both c (Ниджат, NICAT) and ç (Эльчин, ELCIN) as C, which other records write J or CH.
_SOUND_GROUPS: Final = str.maketrans({"F": "P", "G": "K", "H": "K", "D": "T", "C": "J", "Q": "J"})
_DROP_VOWELS: Final = str.maketrans(dict.fromkeys("AEIOU"))
_RUN: Final = re.compile(r"(.)\1+")


@lru_cache(maxsize=131072)
def phonetic_key(text: str) -> str:
    """Return a coarse sound key per word of the canonical form: the first letter (any vowel
    as A, so Olim and Alim meet) and the consonant skeleton, similar consonants merged.
    """
    return " ".join(_sound_of_word(word) for word in canonical_form(text).split())


def _sound_of_word(word: str) -> str:
    # SH and CH become X and Q, letters the canonical form never holds.
    sounds = _SOUND_DIGRAPHS.sub(lambda m: "X" if m.group() == "SH" else "Q", word)
    sounds = sounds.translate(_SOUND_GROUPS)
    head = "A" if sounds[0] in _VOWELS else sounds[0]
    return _RUN.sub(r"\1", head + sounds[1:].translate(_DROP_VOWELS))


# Surname endings in canonical spelling, longest first: Russian -ov/-ev and patronymic forms,
# the Tajik forms of 2007 and 2016 (-zoda, -zod, -iyon, -far, -pur, -i), Azerbaijani -zade,
# Kazakh -uly/-kyzy.
_SURNAME_ENDINGS: Final = (
    "OVICH", "EVICH", "ICHNA", "OVNA", "EVNA", "ZODA", "ZADE", "ZADA", "KIZI",
    "IEN", "OVA", "EVA", "ZOD", "FAR", "PUR", "ULI", "OV", "EV",
)  # fmt: skip
_MIN_STEM: Final = 3


@lru_cache(maxsize=131072)
def surname_stem(text: str) -> str:
    """Return the canonical surname without its Russian or Central Asian ending, words joined,
    so Рахмонов, Раҳмон, Rahmonzoda and Rahmoni share the stem RAHMON. A stem keeps at least
    three letters (Aliev → ALI).
    """
    stem = canonical_form(text).replace(" ", "")
    for ending in _SURNAME_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= _MIN_STEM:
            stem = stem[: -len(ending)]
            break
    # Tajik -i replaces -ov after a stem ending in i too (Soliev → Soli), so drop one more i.
    if stem.endswith("I") and len(stem) > _MIN_STEM:
        stem = stem[:-1]
    return stem


def name_keys(surname: str, given_name: str, patronymic: str = "") -> frozenset[str]:
    """Return blocking keys that two records of one person share even when one of them swaps
    surname and given name, drops the Russian ending or spells the name in another script.

    Keys: the sorted pair of surname and first-given-name stems, the sorted pair of their sound
    keys, and stem + initial in both orders; with one field empty, "stem:" and the other's
    stem alone. A patronymic inside `given_name` is split off; patronymics never enter a key
    because many records lack them.
    """
    if not patronymic:
        given_name, _ = split_patronymic(given_name)
    first, *_ = canonical_form(given_name).split() or [""]
    family, personal = surname_stem(surname), surname_stem(first)
    if not family or not personal:
        return frozenset({f"stem:{family or personal}"} if family or personal else ())
    low, high = sorted((family, personal))
    sound_low, sound_high = sorted((phonetic_key(family), phonetic_key(personal)))
    return frozenset(
        {
            f"stems:{low}|{high}",
            f"sounds:{sound_low}|{sound_high}",
            f"initial:{family}|{personal[0]}",
            f"initial:{personal}|{family[0]}",
        }
    )
