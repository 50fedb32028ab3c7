"""The answer of a stay assessment, and its JSON form for ``rmis stay --json``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rmis.stay.model import ReentryBan, StayGrounds, Trip
from rmis.stay.rules import StayRule

TripJson = dict[str, int | str | None]
JsonValue = int | str | None | dict[str, int | str | bool | None] | list[TripJson]


@dataclass(frozen=True, slots=True)
class StayResult:
    """How a traveller stands on day `on` under the rule applied.

    - `days_used`: days present in the window ending on `on` (all grounds count).
    - `days_remaining`: the day limit minus that, not below 0; None where no limit applies.
    - `latest_exit`: for an open trip, the last day the traveller may remain, the count staying
      within the limit on every day up to it while old days leave the sliding window; the day
      before entry if none was left on entering; None if no open trip or no end to the stay.
    - `overstay_days`: days of the open trip after `latest_exit`, up to `on`.
    - `days_over_limit_in_window`: the EU short-stay calculator's figure, "days in the window
      minus the limit" (Regulation 610/2013 manual); a different figure from `overstay_days`.
    - `ban`: the re-entry ban an overstay leads to (the open trip's, leaving on `on`), if any.
    - `counted_trips`: the trips with days in the window, which starts on `window_first`.
    """

    on: date
    window_first: date
    rule: StayRule
    grounds: StayGrounds
    days_used: int
    days_remaining: int | None
    latest_exit: date | None
    overstay_days: int
    days_over_limit_in_window: int
    ban: ReentryBan | None
    counted_trips: tuple[Trip, ...]

    def to_json_dict(self) -> dict[str, JsonValue]:
        """The contract of ``rmis stay --json``: these keys, ISO 8601 dates."""
        return {
            "days_used": self.days_used,
            "days_remaining": self.days_remaining,
            "latest_exit": self.latest_exit.isoformat() if self.latest_exit else None,
            "overstay_days": self.overstay_days,
            "ban": self.ban.to_json_dict() if self.ban else None,
            "trips": [self._trip_json(trip) for trip in self.counted_trips],
        }

    def _trip_json(self, trip: Trip) -> TripJson:
        last = min(trip.exit or self.on, self.on)
        counted = (last - max(trip.entry, self.window_first)).days + 1
        return {**trip.to_json_dict(), "days_counted": max(0, counted)}
