"""Stay rules as data: each with the dates it is in force and the source it comes from.

Counting is in calendar days of the host state's local date; the day of entry and the day of
exit both count. A rolling window judged on day d is [d - (days - 1), d]: for 180 days,
[d - 179, d]. The constants and `window_start` are what a set-based (SQL) count reuses.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from rmis.stay.model import ReentryBan, StayGrounds, YearCounting

DAYS_LIMIT = 90
"""Days of visa-free stay allowed within a window, Russia and Kazakhstan alike."""
WINDOW_DAYS = 180
"""Length of the rolling window of the 90/180 rules."""
YEAR_DAYS = 365
"""Length of the window of a rolling "90/365" year."""
EAEU_MEMBERS = frozenset({"ARM", "BLR", "KAZ", "KGZ", "RUS"})
"""Member states of the Eurasian Economic Union (Treaty of 29 May 2014)."""

WindowKind = Literal["rolling", "year"]


def window_start(on: date, window_days: int = WINDOW_DAYS) -> date:
    """First day of the rolling window of `window_days` ending on `on` (both count)."""
    return on - timedelta(days=window_days - 1)


def year_window_start(on: date, year: YearCounting = "calendar") -> date:
    """First day of the year window ending on `on`: 1 January, or 364 days back if rolling."""
    return date(on.year, 1, 1) if year == "calendar" else window_start(on, YEAR_DAYS)


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"cannot move {day} by {months} months")


@dataclass(frozen=True, slots=True)
class StayRule:
    """One rule of one host state, in force from `in_force_from` to `in_force_until`.

    A day-limit rule allows `limit_days` within a window; a grounds rule (`limit_days` None)
    makes the stay lawful while the grounds are valid, whatever the count.
    """

    code: str
    summary: str
    source: str
    in_force_from: date
    in_force_until: date | None = None
    limit_days: int | None = DAYS_LIMIT
    window: WindowKind = "rolling"
    window_days: int = WINDOW_DAYS
    nationalities: frozenset[str] | None = None
    excluded: frozenset[str] = frozenset()
    max_months: int | None = None
    early_end_grace: tuple[int, int] | None = None
    to_confirm: str = ""

    def in_force_on(self, day: date) -> bool:
        return self.in_force_from <= day and (
            self.in_force_until is None or day <= self.in_force_until
        )

    def applies_to(self, nationality: str) -> bool:
        allowed = self.nationalities is None or nationality in self.nationalities
        return allowed and nationality not in self.excluded

    def window_start(self, on: date, year: YearCounting = "calendar") -> date:
        """First day of the window this rule counts on `on`."""
        if self.window == "year":
            return year_window_start(on, year)
        return window_start(on, self.window_days)


BanRule = Callable[[int, date], ReentryBan | None]


@dataclass(frozen=True)
class HostRules:
    """Everything one host state's stay rules say, as data."""

    host: str
    day_limits: tuple[StayRule, ...]
    grounds: Mapping[StayGrounds, StayRule]
    ban: BanRule
    nationals_without_limit: Mapping[str, StayRule] = field(default_factory=dict)

    def day_rule_on(self, day: date, nationality: str) -> StayRule:
        """The day-limit rule in force on `day` for `nationality`."""
        special = self.nationals_without_limit.get(nationality)
        if special is not None and special.in_force_on(day):
            return special
        for rule in self.day_limits:
            if rule.in_force_on(day) and rule.applies_to(nationality):
                return rule
        raise ValueError(f"no {self.host} stay rule in force on {day} for {nationality}")
