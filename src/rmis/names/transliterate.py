"""Names written in the transliteration systems of the CIS passports, registers and clerks.

Each system is a short pipeline over the normalised name: context rules first (a letter whose
rendering depends on its neighbours), then one `str.translate` over a table from `tables`.
Letters no table covers fall back to `anyascii` in the systems that write Latin.
"""

import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import lru_cache
from typing import Final

from anyascii import anyascii

from rmis.names import tables
from rmis.names.normalise import normalise_name
from rmis.names.script import CyrillicLanguage, detect_cyrillic_language

Step = Callable[[str], str]


class System(StrEnum):
    """A way of writing a name; the value is the name `transliterate` accepts."""

    ICAO = "icao"  # Cyrillic → Latin, ICAO Doc 9303 (Russian passports from about 2014)
    RU1997 = "ru1997"  # Cyrillic → Latin, Russian passports 1997–2010
    GOST2006 = "gost2006"  # Cyrillic → Latin, GOST R 52535.1-2006 (2010 to about 2014)
    TAJIK_PASSPORT = "tajik_passport"  # Tajik Cyrillic → Latin of Tajik passports
    KYRGYZ_PASSPORT = "kyrgyz_passport"  # Kyrgyz Cyrillic → Latin of Kyrgyz passports
    KAZAKH_PASSPORT = "kazakh_passport"  # Kazakh Cyrillic → Latin of Kazakh passports
    UZBEK_LATIN = "uzbek_latin"  # Uzbek Cyrillic → official Uzbek Latin
    UZBEK_CYRILLIC = "uzbek_cyrillic"  # official Uzbek Latin → Uzbek Cyrillic
    LATIN_ASCII = "latin_ascii"  # Azerbaijani, Turkmen, Uzbek, Kazakh Latin → passport ASCII
    RUSSIAN_CLERK = "russian_clerk"  # national Cyrillic letters → Russian ones
    RUSSIAN_CYRILLIC = "russian_cyrillic"  # passport Latin → Russian Cyrillic (rough)
    NATIONAL = "national"  # Cyrillic → Latin as the passport of its alphabet's country writes it


class AsciiFallbackTable(dict[int, str]):
    """Translate table to Latin; a letter missing from the standard gets anyascii's reading."""

    def __init__(self, letters: Mapping[str, str]) -> None:
        super().__init__({ord(letter): out for letter, out in letters.items()})
        for code in range(128):
            self.setdefault(code, chr(code))

    def __missing__(self, code: int) -> str:
        out = anyascii(chr(code)).upper()
        self[code] = out
        return out


def _translate(letters: Mapping[str, str], *, latin: bool) -> Step:
    table: dict[int, str] = (
        AsciiFallbackTable(letters) if latin else {ord(k): v for k, v in letters.items()}
    )
    return lambda text: text.translate(table)


def _replace(pattern: str, replacement: str | Mapping[str, str]) -> Step:
    """A context rule: regex matches become `replacement`, or its entry for the matched text."""
    compiled = re.compile(pattern)
    if isinstance(replacement, str):
        return lambda text: compiled.sub(replacement, text)
    lookup = dict(replacement)
    return lambda text: compiled.sub(lambda match: lookup[match.group()], text)


def _alternation(keys: Mapping[str, str]) -> str:
    """Regex matching any key, longest first so digraphs win over their letters."""
    return "|".join(re.escape(key) for key in sorted(keys, key=len, reverse=True))


_CYR_VOWELS: Final = "АЕЁИОУЫЭЮЯІЇЄӢӮӨҮҰӘЎ"
# After the digraph step of RUSSIAN_CYRILLIC a word holds both Latin and Cyrillic letters.
_VOWEL: Final = "[AEIOUЕЁЮЯУ]"
_CONSONANT: Final = r"[^\W\d_AEIOUYЕЁЮЯУ]"
_WORD_START: Final = r"(?<![^\W\d_])"  # start of text or after a non-letter
_LATIN_ASCII_LETTERS: Final = tables.LATIN_ASCII

_CLERK: Final = _translate(tables.RUSSIAN_CLERK, latin=False)
_UZBEK_MARKS: Final = _replace(r"(?<=[OG])'", "")


def _clerk_for(letters: Mapping[str, str]) -> Step:
    """Russian systems see the letters their table lacks as a Russian clerk writes them."""
    return _translate(
        {k: v for k, v in tables.RUSSIAN_CLERK.items() if k not in letters}, latin=False
    )


def _russian_latin(letters: Mapping[str, str]) -> tuple[Step, ...]:
    return (_clerk_for(letters), _translate({**letters, **_LATIN_ASCII_LETTERS}, latin=True))


def _national_latin(letters: Mapping[str, str]) -> tuple[Step, ...]:
    return (_translate({**letters, **_LATIN_ASCII_LETTERS}, latin=True),)


_SYSTEMS: Final[Mapping[System, tuple[Step, ...]]] = {
    System.ICAO: _russian_latin(tables.ICAO_9303),
    System.RU1997: (
        _clerk_for(tables.RU_1997),
        _replace(f"{_WORD_START}Е|(?<=[{_CYR_VOWELS}ЪЬ])Е", "YE"),
        _replace("(?<=[ЖЧШЩ])Ё", "E"),
        _translate({**tables.RU_1997, **_LATIN_ASCII_LETTERS}, latin=True),
    ),
    System.GOST2006: _russian_latin(tables.GOST_2006),
    System.TAJIK_PASSPORT: _national_latin(tables.TAJIK_PASSPORT),
    System.KYRGYZ_PASSPORT: _national_latin(tables.KYRGYZ_PASSPORT),
    System.KAZAKH_PASSPORT: _national_latin(tables.KAZAKH_PASSPORT),
    System.UZBEK_LATIN: (
        _replace(f"{_WORD_START}Е|(?<=[{_CYR_VOWELS}Ъ])Е", "YE"),
        _translate({**tables.UZBEK_LATIN, **_LATIN_ASCII_LETTERS}, latin=True),
    ),
    System.UZBEK_CYRILLIC: (
        _replace(_alternation(tables.UZBEK_CYRILLIC_DIGRAPHS), tables.UZBEK_CYRILLIC_DIGRAPHS),
        _replace(f"{_WORD_START}E", "Э"),
        _translate(tables.UZBEK_CYRILLIC_SINGLE, latin=False),
    ),
    System.LATIN_ASCII: (_UZBEK_MARKS, _translate(_LATIN_ASCII_LETTERS, latin=True)),
    System.RUSSIAN_CLERK: (_CLERK,),
    System.RUSSIAN_CYRILLIC: (
        _translate(_LATIN_ASCII_LETTERS, latin=True),
        _replace(
            _alternation(tables.RUSSIAN_FROM_LATIN_DIGRAPHS), tables.RUSSIAN_FROM_LATIN_DIGRAPHS
        ),
        # ICAO and GOST write Ю and Я as IU and IA; after a consonant IA is mostly -ия (MARIA).
        _replace("IU", "Ю"),
        _replace(f"{_WORD_START}IA|(?<={_VOWEL})IA", "Я"),
        _replace(f"(?<={_CONSONANT})IA", "ИЯ"),
        # Й: a final I after a vowel (TSOI, NIKOLAI), a final II (EVGENII), Y after a vowel.
        _replace(rf"(?<={_VOWEL})I\b", "Й"),
        _replace(f"{_WORD_START}Y|(?<={_VOWEL})Y", "Й"),
        _translate(tables.RUSSIAN_FROM_LATIN_SINGLE, latin=False),
    ),
}

LATIN_SYSTEMS: Final = (
    System.ICAO,
    System.RU1997,
    System.GOST2006,
    System.TAJIK_PASSPORT,
    System.KYRGYZ_PASSPORT,
    System.KAZAKH_PASSPORT,
    System.UZBEK_LATIN,
    System.LATIN_ASCII,
)


_NATIONAL_SYSTEMS: Final = {
    CyrillicLanguage.TAJIK: System.TAJIK_PASSPORT,
    CyrillicLanguage.KYRGYZ: System.KYRGYZ_PASSPORT,
    CyrillicLanguage.KAZAKH: System.KAZAKH_PASSPORT,
    CyrillicLanguage.UZBEK: System.UZBEK_LATIN,
}


def transliterate(text: str, system: System | str = System.ICAO) -> str:
    """Return the normalised name as `system` writes it (upper case).

    Letters the system's standard does not cover are left as they are in the Cyrillic-writing
    systems and read by anyascii in the Latin-writing ones. NATIONAL picks the system from the
    alphabet `detect_cyrillic_language` guesses, ICAO when it guesses none of Central Asia's.
    Raises ValueError for an unknown system name; never for the text.
    """
    chosen = System(system)
    name = normalise_name(text)
    if chosen is System.NATIONAL:
        language = detect_cyrillic_language(name)
        chosen = _NATIONAL_SYSTEMS.get(language, System.ICAO) if language else System.ICAO
    return _run(name, chosen)


@lru_cache(maxsize=65536)
def _run(name: str, system: System) -> str:
    for step in _SYSTEMS[system]:
        name = step(name)
    return name


def transliteration_variants(text: str) -> frozenset[str]:
    """Return every distinct Latin spelling the passport systems give the name, for queries."""
    name = normalise_name(text)
    return frozenset(_run(name, system) for system in LATIN_SYSTEMS)
