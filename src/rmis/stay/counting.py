"""Days present: trips merged into runs of calendar days, both ends counted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rmis.stay.model import Trip

Run = tuple[date, date]
"""First and last day present, both inclusive."""


def presence_runs(trips: Sequence[Trip]) -> list[Run]:
    """The days present, merged; an open trip runs on without end (date.max)."""
    runs: list[Run] = []
    for trip in sorted(trips, key=lambda trip: trip.entry):
        last = trip.exit or date.max
        if runs and trip.entry.toordinal() <= runs[-1][1].toordinal() + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], last))
        else:
            runs.append((trip.entry, last))
    return runs


def days_present(runs: Sequence[Run], first: date, last: date) -> int:
    """Days present from `first` to `last`, both inclusive."""
    total = 0
    for start, end in runs:
        overlap = min(end, last).toordinal() - max(start, first).toordinal() + 1
        total += max(0, overlap)
    return total
