"""Check digits of the machine-readable zone (ICAO Doc 9303 Part 3, section 4.9)."""

from __future__ import annotations

from itertools import cycle
from operator import mul

WEIGHTS = (7, 3, 1)
FILLER = "<"
MRZ_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")


def character_value(char: str) -> int:
    """Value of one MRZ character: digits as themselves, A-Z as 10-35, the filler as 0."""
    if "0" <= char <= "9":
        return ord(char) - ord("0")
    if "A" <= char <= "Z":
        return ord(char) - ord("A") + 10
    if char == FILLER:
        return 0
    raise ValueError(f"not an MRZ character: {char!r}")


_VALUES = {char: character_value(char) for char in MRZ_CHARACTERS}


def check_digit(value: str) -> str:
    """The check digit of `value`, weights 7-3-1 repeating, modulo 10."""
    try:
        total = sum(map(mul, map(_VALUES.__getitem__, value), cycle(WEIGHTS)))
    except KeyError:
        for char in value:
            character_value(char)  # raises on the first character that is not an MRZ one
        raise
    return str(total % 10)
