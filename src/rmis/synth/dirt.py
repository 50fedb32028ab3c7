"""Dirt: records that a validating ingest must quarantine, each problem named.

A dirty record carries one problem, sometimes two: an unknown country code, an impossible
date, a direction that is neither entry nor exit, a missing surname, a crossing whose
recording state is not the state left (exit) or entered (entry), a sex that is not M, F or X,
or a nationality that is lower-case garbage rather than a code.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from rmis.synth.columns import (
    AT,
    AUTHORITY,
    BIRTH_DATE,
    DIRECTION,
    FROM_COUNTRY,
    NATIONALITY,
    SEX,
    SURNAME,
    TO_COUNTRY,
)
from rmis.synth.geography import AUTHORITIES

TWO_PROBLEMS = 0.15
UNKNOWN_CODES = ("XYZ", "QZX", "XQY")
IMPOSSIBLE_DAYS = ("02-30", "02-31", "04-31", "06-31", "09-31", "11-31", "13-01", "00-10")
BAD_DIRECTIONS = ("out", "in", "transit", "E")
BAD_SEXES = ("U", "0", "1", "?", "MF")
BAD_NATIONALITIES = ("tj", "uz1", "kg-", "a2e", "kazz", "n/a", "tjk1")

Problem = tuple[str, str, str]  # field, kind, value written


def _unknown_country(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    column = FROM_COUNTRY if FROM_COUNTRY not in taken and rng.random() < 0.5 else TO_COUNTRY
    if column in taken:
        column = FROM_COUNTRY
    row[column] = UNKNOWN_CODES[rng.randrange(len(UNKNOWN_CODES))]
    taken.add(column)
    return (
        ("from_country" if column == FROM_COUNTRY else "to_country"),
        "unknown-country",
        row[column],
    )


def _impossible_date(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    day = IMPOSSIBLE_DAYS[rng.randrange(len(IMPOSSIBLE_DAYS))]
    if rng.random() < 0.5 or not row[BIRTH_DATE][:4].isdigit():
        row[AT] = row[AT][:5] + day + row[AT][10:]
        taken.add(AT)
        return "at", "impossible-date", row[AT]
    row[BIRTH_DATE] = row[BIRTH_DATE][:4] + "-" + day
    taken.add(BIRTH_DATE)
    return "birth_date", "impossible-date", row[BIRTH_DATE]


def _bad_direction(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    row[DIRECTION] = BAD_DIRECTIONS[rng.randrange(len(BAD_DIRECTIONS))]
    taken.add(DIRECTION)
    return "direction", "bad-direction", row[DIRECTION]


def _missing_surname(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    row[SURNAME] = ""
    taken.add(SURNAME)
    return "surname", "missing-surname", ""


def _wrong_state(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    """An exit whose from_country (or an entry whose to_country) is not the recorder."""
    column = FROM_COUNTRY if row[DIRECTION] == "exit" else TO_COUNTRY
    others = [
        c for c in AUTHORITIES if c not in (row[AUTHORITY], row[FROM_COUNTRY], row[TO_COUNTRY])
    ]
    row[column] = others[rng.randrange(len(others))]
    taken.add(column)
    name = "from_country" if column == FROM_COUNTRY else "to_country"
    return name, "authority-mismatch", row[column]


def _bad_sex(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    row[SEX] = BAD_SEXES[rng.randrange(len(BAD_SEXES))]
    taken.add(SEX)
    return "sex", "bad-sex", row[SEX]


def _bad_nationality(row: list[str], rng: random.Random, taken: set[int]) -> Problem:
    row[NATIONALITY] = BAD_NATIONALITIES[rng.randrange(len(BAD_NATIONALITIES))]
    taken.add(NATIONALITY)
    return "nationality", "bad-nationality", row[NATIONALITY]


Spoiler = Callable[[list[str], random.Random, set[int]], Problem]
# Spoilers that need the direction intact come first, so a second problem never undoes them.
SPOILERS: tuple[tuple[str, Spoiler], ...] = (
    ("authority-mismatch", _wrong_state),
    ("unknown-country", _unknown_country),
    ("impossible-date", _impossible_date),
    ("missing-surname", _missing_surname),
    ("bad-sex", _bad_sex),
    ("bad-nationality", _bad_nationality),
    ("bad-direction", _bad_direction),
)


def spoil_record(row: list[str], rng: random.Random) -> list[Problem]:
    """Make the record invalid in one or two ways; returns (field, kind, value) of each."""
    count = 2 if rng.random() < TWO_PROBLEMS else 1
    chosen = sorted(rng.sample(range(len(SPOILERS)), count))
    if count == 2 and {SPOILERS[i][0] for i in chosen} == {"authority-mismatch", "bad-direction"}:
        chosen = chosen[:1]
    taken: set[int] = set()
    return [SPOILERS[i][1](row, rng, taken) for i in chosen]
