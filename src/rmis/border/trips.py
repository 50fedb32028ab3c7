"""A traveller's trips in the host state, as its recorded crossings show them.

The same pairing is done in SQL by `rmis.border.overstays`; a test holds the two equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rmis.stay import Trip


@dataclass(frozen=True, slots=True)
class Passage:
    """One recorded crossing, as far as stay rules care: which way, which local day, why."""

    direction: str
    day: dt.date
    grounds: str = ""


@dataclass(frozen=True, slots=True)
class RecordedStays:
    """The trips crossings show; `open_grounds` is the open trip's entry grounds, if present.

    `unrecorded_exits` counts entries followed by another entry: the exit in between was not
    recorded, so only the entry day is counted (never more days than the records show).
    """

    trips: tuple[Trip, ...]
    open_grounds: str | None
    unrecorded_exits: int

    @property
    def present(self) -> bool:
        return self.open_grounds is not None


def passage_of(row: Mapping[str, Any]) -> Passage:
    """A passage from a stored crossing (`rmis.registry.crossings_of_person` rows)."""
    day = row["local_date"]
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    return Passage(str(row["direction"]), day, str(row.get("grounds", "")))


def recorded_stays(passages: Iterable[Passage], on: dt.date) -> RecordedStays:
    """Pair the passages (oldest first) recorded on or before `on` into trips.

    An entry opens a trip; the next passage closes it on its day if it is an exit, on the
    entry day itself if it is another entry. An exit with no open trip is ignored (the entry
    was before the records began). An entry with nothing after it is the open trip.
    """
    trips: list[Trip] = []
    opened: Passage | None = None
    unrecorded = 0
    for passage in (p for p in passages if p.day <= on):
        if opened is not None:
            closes = passage.direction == "exit"
            trips.append(Trip(opened.day, passage.day if closes else opened.day))
            unrecorded += 0 if closes else 1
            opened = None
        if passage.direction == "entry":
            opened = passage
    if opened is not None:
        trips.append(Trip(opened.day))
    return RecordedStays(tuple(trips), opened.grounds if opened else None, unrecorded)


def chronological(rows: Sequence[Mapping[str, Any]]) -> list[Passage]:
    """Passages of stored crossings, oldest first (stored rows come newest first)."""
    return [passage_of(row) for row in sorted(rows, key=lambda row: str(row["at"]))]
