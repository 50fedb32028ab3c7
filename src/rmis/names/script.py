"""Which script a name is written in and, for Cyrillic, which national alphabet."""

from bisect import bisect_right
from enum import StrEnum
from typing import Final


class Script(StrEnum):
    """The script of a name's letters."""

    CYRILLIC = "cyrillic"
    LATIN = "latin"
    ARMENIAN = "armenian"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class CyrillicLanguage(StrEnum):
    """The national Cyrillic alphabet a name is most likely written in."""

    TAJIK = "tajik"
    KYRGYZ = "kyrgyz"
    KAZAKH = "kazakh"
    UZBEK = "uzbek"
    BELARUSIAN = "belarusian"
    UKRAINIAN = "ukrainian"
    RUSSIAN = "russian"


# Half-open code point ranges, sorted; letters outside them belong to some other script.
_RANGES: Final = (
    (0x0041, 0x005B, Script.LATIN),
    (0x0061, 0x007B, Script.LATIN),
    (0x00C0, 0x00D7, Script.LATIN),
    (0x00D8, 0x00F7, Script.LATIN),
    (0x00F8, 0x02B0, Script.LATIN),  # with IPA extensions: Azerbaijani ə is U+0259
    (0x0400, 0x0530, Script.CYRILLIC),
    (0x0531, 0x0590, Script.ARMENIAN),
    (0x1C80, 0x1C90, Script.CYRILLIC),
    (0x1E00, 0x1F00, Script.LATIN),
    (0x2C60, 0x2C80, Script.LATIN),
    (0x2DE0, 0x2E00, Script.CYRILLIC),
    (0xA640, 0xA6A0, Script.CYRILLIC),
    (0xA720, 0xA800, Script.LATIN),
    (0xFB13, 0xFB18, Script.ARMENIAN),
    (0xFF21, 0xFF3B, Script.LATIN),
    (0xFF41, 0xFF5B, Script.LATIN),
)
_STARTS: Final = tuple(start for start, _, _ in _RANGES)


def script_of_letter(letter: str) -> Script:
    """Return the script of one letter; UNKNOWN for letters of any other script."""
    code = ord(letter)
    index = bisect_right(_STARTS, code) - 1
    if index >= 0:
        start, end, script = _RANGES[index]
        if start <= code < end:
            return script
    return Script.UNKNOWN


def detect_script(text: str) -> Script:
    """Return the one script all letters of `text` share, MIXED if they span several, else UNKNOWN.

    Only letters count (spaces, digits, punctuation and modifier apostrophes do not), so
    "O'G'LI" is LATIN and "Раҳмонов-Зода" is CYRILLIC.
    """
    found = {script_of_letter(ch) for ch in text if ch.isalpha() and not _is_modifier(ch)}
    if len(found) > 1:
        return Script.MIXED
    if found and Script.UNKNOWN not in found:
        return found.pop()
    return Script.UNKNOWN


def _is_modifier(ch: str) -> bool:
    # Spacing modifier letters (ʻ ʼ ˮ ...) are used as apostrophes, not as letters of a script.
    return 0x02B0 <= ord(ch) < 0x0300


_TAJIK_ONLY: Final = frozenset("ҷӣӯ")
_KAZAKH_ONLY: Final = frozenset("әұһ")
_KYRGYZ_KAZAKH: Final = frozenset("ңөү")
_KAZAKH_WITH_KYRGYZ: Final = frozenset("әұһіқғ")
_UKRAINIAN_ONLY: Final = frozenset("єїґ")


def detect_cyrillic_language(text: str) -> CyrillicLanguage | None:
    """Guess the national Cyrillic alphabet from its special letters; None without Cyrillic.

    A guess, not a finding: a name with only Russian letters is RUSSIAN even when its bearer is
    Tajik, because a Russian clerk wrote it. Letters shared by several alphabets are resolved
    towards the commoner migrant origin (қ ғ ҳ alone → Tajik).
    """
    letters = frozenset(text.casefold())
    if not any(script_of_letter(ch) is Script.CYRILLIC for ch in letters if ch.isalpha()):
        return None
    if letters & _TAJIK_ONLY:
        return CyrillicLanguage.TAJIK
    if "ў" in letters:
        # Belarusian has і and ы but no и; Uzbek Cyrillic has и but neither і nor ы.
        return CyrillicLanguage.BELARUSIAN if letters & {"і", "ы"} else CyrillicLanguage.UZBEK
    if letters & _KYRGYZ_KAZAKH:
        return CyrillicLanguage.KAZAKH if letters & _KAZAKH_WITH_KYRGYZ else CyrillicLanguage.KYRGYZ
    if letters & _KAZAKH_ONLY:
        return CyrillicLanguage.KAZAKH
    if "ҳ" in letters:
        return CyrillicLanguage.TAJIK
    if letters & {"қ", "ғ"}:
        # Kazakh writes ы, Tajik and Uzbek Cyrillic do not.
        return CyrillicLanguage.KAZAKH if "ы" in letters else CyrillicLanguage.TAJIK
    return _detect_i_alphabet(letters)


def _detect_i_alphabet(letters: frozenset[str]) -> CyrillicLanguage:
    """Tell Ukrainian, Belarusian and Russian apart once no Central Asian letter is present."""
    if letters & _UKRAINIAN_ONLY:
        return CyrillicLanguage.UKRAINIAN
    if "і" in letters:
        # Ukrainian keeps и beside і; Belarusian has no и.
        return CyrillicLanguage.UKRAINIAN if "и" in letters else CyrillicLanguage.BELARUSIAN
    return CyrillicLanguage.RUSSIAN
