"""The facts a stay assessment works on and the answer it gives."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

# the grounds as crossings record them; re-exported for the stay rules
from rmis.model.crossing import StayGrounds as StayGrounds

JsonValue = int | str | bool | None | dict[str, int | str | bool | None]
YearCounting = Literal["calendar", "rolling"]


@dataclass(frozen=True, slots=True)
class Trip:
    """One stay in the host state, in its local calendar days; `exit` None: still present."""

    entry: date
    exit: date | None = None

    def __post_init__(self) -> None:
        if self.exit is not None and self.exit < self.entry:
            raise ValueError(f"trip exits ({self.exit}) before it enters ({self.entry})")

    def to_json_dict(self) -> dict[str, str | None]:
        return {"entry": self.entry.isoformat(), "exit": _iso(self.exit)}


@dataclass(frozen=True, slots=True)
class GroundsPeriod:
    """Grounds held from `valid_from` to `valid_until` (both inclusive; None: open-ended).

    `ended_early` marks an EAEU work contract terminated before its term.
    """

    grounds: StayGrounds
    valid_from: date | None = None
    valid_until: date | None = None
    ended_early: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.grounds, StayGrounds):
            object.__setattr__(self, "grounds", StayGrounds.parse(self.grounds))
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValueError(f"{self.grounds} ends ({self.valid_until}) before it starts")


@dataclass(frozen=True, slots=True)
class ReentryBan:
    """Entry closed (`mandatory`) or refusable from `start` (the day of exit) to `until`."""

    basis: str
    years: int
    mandatory: bool
    overstay_days: int
    start: date
    until: date

    def to_json_dict(self) -> dict[str, int | str | bool | None]:
        return {
            "basis": self.basis,
            "years": self.years,
            "mandatory": self.mandatory,
            "overstay_days": self.overstay_days,
            "start": self.start.isoformat(),
            "until": self.until.isoformat(),
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
