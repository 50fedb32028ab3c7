"""Variation: the small, valid differences between records of one person.

Clerks drop, double or swap a letter; forms get surname and given name the wrong way round;
birth dates lose their day or month, or have day and month swapped. Such records are valid
(they must be stored, not quarantined) and are what linkage has to see through.
"""

from __future__ import annotations

import random

from rmis.synth.columns import BIRTH_DATE, GIVEN_NAME, SURNAME

TYPO = 0.006
SWAPPED_NAMES = 0.004
BIRTH_DATE_VARIANT = 0.006
ANY_VARIANT = TYPO + SWAPPED_NAMES + BIRTH_DATE_VARIANT


def misspell(name: str, rng: random.Random) -> str:
    """The name with one letter dropped, doubled, or swapped with its neighbour."""
    if len(name) < 4:
        return name
    i = 1 + rng.randrange(len(name) - 2)
    kind = rng.randrange(3)
    if kind == 2 and name[i] != name[i + 1]:
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    if kind == 0:
        return name[:i] + name[i + 1 :]
    return name[:i] + name[i] + name[i:]


def blur_birth_date(text: str, rng: random.Random) -> str:
    """Day and month swapped (when that is still a date), or only the year (and month), or ''."""
    if len(text) != 10:
        return text
    year, month, day = text[:4], text[5:7], text[8:]
    u = rng.random()
    if u < 0.35 and day <= "12" and day != month:
        return f"{year}-{day}-{month}"
    if u < 0.6:
        return ""
    if u < 0.85:
        return year
    return f"{year}-{month}"


def vary_record(row: list[str], u: float, rng: random.Random) -> str | None:
    """Apply one variant when `u` (a uniform draw) falls in a variant's share; its kind."""
    if u >= ANY_VARIANT:
        return None
    if u < TYPO:
        column = SURNAME if rng.random() < 0.6 else GIVEN_NAME
        before = row[column]
        row[column] = misspell(before, rng)
        return "typo" if row[column] != before else None
    if u < TYPO + SWAPPED_NAMES:
        if not row[GIVEN_NAME]:
            return None
        row[SURNAME], row[GIVEN_NAME] = row[GIVEN_NAME], row[SURNAME]
        return "swapped-names"
    before = row[BIRTH_DATE]
    row[BIRTH_DATE] = blur_birth_date(before, rng)
    return "birth-date" if row[BIRTH_DATE] != before else None
