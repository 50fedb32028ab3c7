"""A synthetic watchlist for the demo: listed persons drawn from the synthetic population.

Each entry is a person of the name corpus (any of the region's nationalities) written in one
of their scripts, with birth date, sex, nationality and passport number. Deterministic for
a seed; the persons are new ones, so they match no traveller unless added on purpose.
"""

from __future__ import annotations

import datetime as dt
import random

from rmis.names import PersonName
from rmis.screening import WatchlistEntry
from rmis.synth.corpus import list_nationalities
from rmis.synth.identity import PassportOffice, Period, create_person

PERIOD = Period(dt.date(2022, 1, 1).toordinal(), dt.date(2023, 12, 31).toordinal())
LIST_NAME = "ATC"


def synthetic_watchlist(count: int, seed: int, listed_by: str = LIST_NAME) -> list[WatchlistEntry]:
    """`count` listed persons, ids `WL-S00001`...; their passports from their own office."""
    rng = random.Random(f"watchlist-{seed}")
    office = PassportOffice(seed + 1_000_003)
    nations = list_nationalities()
    entries = []
    for n in range(1, count + 1):
        sex = "M" if rng.random() < 0.85 else "F"
        person = create_person(
            f"S{n}", rng.choice(nations), sex, rng.randint(18, 60), PERIOD, office, rng
        )
        surname, given, patronymic = person.written_name(rng.randrange(3), 0)
        entries.append(
            WatchlistEntry(
                f"WL-S{n:05d}",
                (PersonName(surname, given, patronymic),),
                person.birth_date,
                person.sex,
                person.nationality,
                (person.passports[0].number,),
                LIST_NAME,
                "synthetic entry for the demo",
                listed_by,
            )
        )
    return entries
