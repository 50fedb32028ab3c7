"""One written form per name: case, apostrophes, hyphens, spaces and look-alike letters unified.

The normalised form keeps the script and every letter of the original; it only removes the
variation that carries no meaning (how the keyboard typed an apostrophe, a stray Latin "A" in
a Cyrillic surname). Transliteration and comparison keys start from it.
"""

import re
import unicodedata
from functools import lru_cache
from typing import Final

from rmis.names.script import Script, script_of_letter

# Marks typed for the Uzbek oʻ/gʻ, the tutuq belgisi and Ukrainian/Belarusian apostrophes.
# Spacing accents are among them because NFKC would otherwise split them into space + accent.
_APOSTROPHES: Final = frozenset("'`´ʹʻʼʽʾʿˈˊˋ՚‘’‚‛′‵＇")
_HYPHENS: Final = frozenset("-‐‑‒–—―⁃−﹘﹣－")

_PRE_CASE: Final = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))


class _LetterClasses(dict[int, str]):
    """Translate table, filled on first sight of each character: what it becomes in a name."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        category = unicodedata.category(ch)
        if ch in _APOSTROPHES:
            out = "'"
        elif ch in _HYPHENS:
            out = "-"
        elif category[0] in "LNM":
            out = ch
        elif category == "Cf":
            # Soft hyphens, joiners and direction marks sit inside words; a space would split them.
            out = ""
        else:
            out = " "
        self[code] = out
        return out


_CLASSES: Final = _LetterClasses()

_HYPHEN_RUN: Final = re.compile(r"[\s'-]*-[\s'-]*")
_APOSTROPHE_RUN: Final = re.compile(r"''+")
_EDGE_MARKS: Final = re.compile(r"(?:^|(?<=\s))['-]+|['-]+(?=\s|$)")

# Upper-case letters that look alike in Latin and Cyrillic, as typists mix them.
_LATIN_TO_CYRILLIC: Final = str.maketrans("ABCEHIKMOPTXY", "АВСЕНІКМОРТХУ")
_CYRILLIC_TO_LATIN: Final = str.maketrans("АВСЕНІКМОРТХУ", "ABCEHIKMOPTXY")
_LATIN_LETTER: Final = re.compile(r"[A-Za-zÀ-ÖØ-öø-ʯḀ-ỿⱠ-Ɀ꜠-ꟿ]")
_CYRILLIC_LETTER: Final = re.compile(r"[Ѐ-ԯᲀ-ᲈⷠ-ⷿꙀ-ꚟ]")


@lru_cache(maxsize=65536)
def normalise_name(text: str) -> str:
    """Return `text` upper-cased (NFKC, case-folded, NFC), with one apostrophe ('), one hyphen (-),
    single spaces, no other punctuation, and look-alike letters put into each word's script.

    Idempotent; accepts any string and never raises.
    """
    if text.isascii():
        # NFKC and case folding change nothing in ASCII that upper() does not already do.
        name = text.upper().translate(_CLASSES)
    else:
        name = unicodedata.normalize("NFKC", text.translate(_PRE_CASE)).casefold().upper()
        name = name.translate(_CLASSES)
    if "-" in name:
        name = _HYPHEN_RUN.sub("-", name)
    if "'" in name:
        name = _APOSTROPHE_RUN.sub("'", name)
    if "-" in name or "'" in name:
        name = _EDGE_MARKS.sub("", name)
    name = " ".join(name.split())
    if name.isascii():
        return name
    name = unicodedata.normalize("NFC", name)
    if _LATIN_LETTER.search(name) and _CYRILLIC_LETTER.search(name):
        # Composed letters are counted, so compose first; a swapped letter may compose anew.
        name = " ".join(_unmix_word(word) for word in name.split(" "))
        name = unicodedata.normalize("NFC", name)
    return name


def _unmix_word(word: str) -> str:
    """Write the look-alike letters of a word in the script most of its letters use."""
    scripts = [script_of_letter(ch) for ch in word if ch.isalpha()]
    latin, cyrillic = scripts.count(Script.LATIN), scripts.count(Script.CYRILLIC)
    if not latin or not cyrillic:
        return word
    # On a tie Cyrillic wins: mixed words come mostly from Cyrillic records typed on Latin keys.
    if cyrillic >= latin:
        return word.translate(_LATIN_TO_CYRILLIC)
    return word.translate(_CYRILLIC_TO_LATIN)
