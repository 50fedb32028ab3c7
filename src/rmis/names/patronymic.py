"""Patronymics: the Russian fused form (Rahimovich, Rahimovna) and the Turkic father's name +
marker (Rahim oʻgʻli, Bakyt uulu, Aida kyzy, Ali oğlu), recognised in any script.
"""

import re
from typing import Final

from rmis.names.canonical import canonical_form
from rmis.names.normalise import normalise_name

# Markers in canonical spelling: Uzbek oʻgʻli/ugli/ўғли and qizi; Kyrgyz uulu and kyzy;
# Kazakh uly and kyzy; Azerbaijani oğlu and qızı; Russian renderings оглы, кызы, гызы.
TURKIC_MARKERS: Final = frozenset({"UGLI", "OGLI", "OGLU", "UGLU", "ULI", "ULU", "KIZI", "GIZI"})
_FUSED: Final = re.compile(r"(?:OVICH|EVICH|OVNA|EVNA|ICHNA)$")
_MIN_FATHER: Final = 2


def is_patronymic(token: str) -> bool:
    """Say whether one word is a patronymic: a Russian fused form (…ович, …евна, …ична, in
    any script) or a Turkic marker word (ugli, oʻgʻli, qizi, uulu, kyzy, oğlu).
    """
    word = canonical_form(token)
    if " " in word:
        return False
    if word in TURKIC_MARKERS:
        return True
    match = _FUSED.search(word)
    return match is not None and match.start() >= _MIN_FATHER


def split_patronymic(text: str) -> tuple[str, str]:
    """Split a normalised name into (the rest, the patronymic); the patronymic is "" if none.

    A fused form counts only after the first word (Lukashevich Ivan keeps its surname); a
    Turkic marker takes the word before it as the father's name (Jamshed Rustam oʻgʻli →
    ("JAMSHED", "RUSTAM O'G'LI")).
    """
    words = normalise_name(text).split(" ")
    for index, word in enumerate(words):
        if canonical_form(word) in TURKIC_MARKERS:
            start = max(index - 1, 0)
            return _join(words[:start] + words[index + 1 :]), _join(words[start : index + 1])
        if index and is_patronymic(word):
            return _join(words[:index] + words[index + 1 :]), word
    return _join(words), ""


def _join(words: list[str]) -> str:
    return " ".join(word for word in words if word)


def patronymic_root(patronymic: str) -> str:
    """Return the father's name a patronymic carries, in canonical form, so Rustamovich,
    Рустамовна and Rustam oʻgʻli all give RUSTAM.
    """
    words = [w for w in canonical_form(patronymic).split() if w not in TURKIC_MARKERS]
    father = "".join(words)
    match = _FUSED.search(father)
    if match is not None and match.start() >= _MIN_FATHER:
        return father[: match.start()]
    return father
