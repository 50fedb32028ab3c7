"""The holder's name in the MRZ: transliteration, layout and truncation.

Doc 9303 Part 3 (section 4.6 and the transliteration tables of section 6): the primary
identifier (surname), then ``<<``, then the secondary identifier (given names) with ``<``
between names; spaces and hyphens become ``<``, apostrophes are dropped, and national
letters are written with the recommended Latin letters. Cyrillic follows the Doc 9303 table
(Х KH, Ж ZH, Ц TS, Ч CH, Ш SH, Щ SHCH, Ъ IE, Ы Y, Ь dropped, Ю IU, Я IA, Й I).
"""

from __future__ import annotations

import unicodedata

CYRILLIC_TO_MRZ: dict[str, str] = {
    "А": "A", "Б": "B", "В": "V", "Г": "G", "Д": "D", "Е": "E", "Ё": "E", "Ж": "ZH",
    "З": "Z", "И": "I", "Й": "I", "К": "K", "Л": "L", "М": "M", "Н": "N", "О": "O",
    "П": "P", "Р": "R", "С": "S", "Т": "T", "У": "U", "Ф": "F", "Х": "KH", "Ц": "TS",
    "Ч": "CH", "Ш": "SH", "Щ": "SHCH", "Ъ": "IE", "Ы": "Y", "Ь": "", "Э": "E", "Ю": "IU",
    "Я": "IA",
}  # fmt: skip
"""Doc 9303 Part 3, section 6, Cyrillic (Russian letters)."""

LATIN_TO_MRZ: dict[str, str] = {
    "Æ": "AE", "Ø": "OE", "Œ": "OE", "Þ": "TH", "Ð": "D", "Ł": "L", "Đ": "D", "Ħ": "H",
}  # fmt: skip
"""Latin letters with no Unicode decomposition to a base letter (Doc 9303 Part 3, section 6)."""

_SEPARATORS = frozenset(" -\u2010\u2011\u2013,.")
_DROPPED = frozenset("'\u2019\u02bc\u02bb`")


def transliterate(text: str) -> str:
    """`text` in MRZ characters: A-Z, with ``<`` for spaces and hyphens.

    Raises ValueError for a letter with no Doc 9303 transliteration here (for instance the
    Tajik Ҷ): such names must be transliterated by national rules first.
    """
    return "".join(_mrz_letters(char) for char in text.upper())


def _mrz_letters(char: str) -> str:
    if "A" <= char <= "Z":
        return char
    if char in _SEPARATORS:
        return "<"
    if char in _DROPPED:
        return ""
    if char in CYRILLIC_TO_MRZ:
        return CYRILLIC_TO_MRZ[char]
    if char in LATIN_TO_MRZ:
        return LATIN_TO_MRZ[char]
    base = unicodedata.normalize("NFKD", char)[:1]
    if "A" <= base <= "Z":
        return base
    raise ValueError(f"no MRZ transliteration for {char!r}")


def format_name_field(surname: str, given_names: str, width: int) -> str:
    """The name field of `width` characters; a name too long is cut at the field's end.

    The surname is kept whole when it fits with the ``<<`` separator; the given names are
    then cut. A cut never leaves a ``<`` at the end of the name.
    """
    primary = _join(transliterate(surname))
    secondary = _join(transliterate(given_names))
    name = f"{primary}<<{secondary}" if secondary else primary
    return name[:width].rstrip("<").ljust(width, "<")


def _join(text: str) -> str:
    return "<".join(part for part in text.split("<") if part)


def read_name_field(field: str) -> tuple[str, str]:
    """(surname, given names) from a name field, ``<`` read as space, single spaces."""
    primary, _, secondary = field.partition("<<")
    return _words(primary), _words(secondary)


def _words(text: str) -> str:
    return " ".join(part for part in text.split("<") if part)
