"""Judging a traveller's stay on one day under the rules in force."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rmis.documents import is_icao_country
from rmis.stay.counting import Run, days_present, presence_runs
from rmis.stay.kazakhstan import KAZAKHSTAN
from rmis.stay.model import GroundsPeriod, ReentryBan, StayGrounds, Trip, YearCounting
from rmis.stay.result import StayResult
from rmis.stay.rules import HostRules, StayRule, add_months
from rmis.stay.russia import RUSSIA

HOSTS: dict[str, HostRules] = {rules.host: rules for rules in (RUSSIA, KAZAKHSTAN)}
"""The host states whose rules RMIS knows."""

GroundsInput = StayGrounds | str | GroundsPeriod | Sequence[GroundsPeriod]
_ONE_DAY = timedelta(days=1)
_SEARCH_DAYS = 100 * 366


@dataclass(frozen=True, slots=True)
class _Cover:
    """Days on which grounds other than visa-free make the stay lawful whatever the count."""

    first: date
    last: date
    grounds: StayGrounds
    rule: StayRule


def assess_stay(
    host: str,
    nationality: str,
    grounds: GroundsInput,
    on: date,
    trips: Sequence[Trip],
    *,
    year: YearCounting = "calendar",
) -> StayResult:
    """How a `nationality` traveller stands in `host` on day `on`, given their trips.

    `grounds` is one grounds for the whole stay, or periods of grounds when they change
    (visa-free then a patent). Days not covered by other grounds fall under the day-limit
    rule in force on each day. `year` says how the 2025 Russian "90/365" year runs. Trips
    entering after `on` are ignored; a trip still running on `on` is the open trip.
    Raises ValueError for a host, nationality or grounds the rules do not cover.
    """
    rules = _host_rules(host, nationality)
    trips = [_as_of(trip, on) for trip in trips if trip.entry <= on]
    if sum(trip.exit is None for trip in trips) > 1:
        raise ValueError("more than one trip still running: a traveller is present only once")
    covers = _covers(rules, nationality, _grounds_periods(grounds), trips)
    judge = _Judge(rules, nationality, year, presence_runs(trips), covers)
    return judge.result(on, trips)


def _host_rules(host: str, nationality: str) -> HostRules:
    if host not in HOSTS:
        raise ValueError(f"no stay rules for host {host!r}; known: {', '.join(sorted(HOSTS))}")
    if not is_icao_country(nationality):
        raise ValueError(f"nationality {nationality!r} is not an ICAO Doc 9303 code")
    if nationality == host:
        raise ValueError(f"citizens of {host} have no stay limit there")
    return HOSTS[host]


def _as_of(trip: Trip, on: date) -> Trip:
    """The trip as known on `on`: an exit after `on` has not happened yet."""
    return Trip(trip.entry) if trip.exit is not None and trip.exit > on else trip


def _grounds_periods(grounds: GroundsInput) -> list[GroundsPeriod]:
    if isinstance(grounds, GroundsPeriod):
        return [grounds]
    if isinstance(grounds, str):
        return [GroundsPeriod(StayGrounds.parse(grounds))]
    return list(grounds)


def _covers(
    rules: HostRules, nationality: str, periods: list[GroundsPeriod], trips: list[Trip]
) -> list[_Cover]:
    covers = []
    for period in periods:
        if period.grounds is StayGrounds.VISA_FREE:
            continue
        rule = _grounds_rule(rules, nationality, period)
        first = period.valid_from or date.min
        last = period.valid_until or date.max
        covers.append(_Cover(first, last + _grace(rule, period, trips), period.grounds, rule))
    return covers


def _grounds_rule(rules: HostRules, nationality: str, period: GroundsPeriod) -> StayRule:
    rule = rules.grounds.get(period.grounds)
    if rule is None:
        raise ValueError(f"no {rules.host} rule for grounds {period.grounds.value!r}")
    if not rule.applies_to(nationality):
        raise ValueError(f"{rule.code} does not apply to citizens of {nationality}")
    if rule.max_months is not None:
        if period.valid_from is None or period.valid_until is None:
            raise ValueError(f"{period.grounds} needs its dates of issue and expiry")
        if period.valid_until > add_months(period.valid_from, rule.max_months):
            raise ValueError(f"{period.grounds} runs over {rule.max_months} months from issue")
    return rule


def _grace(rule: StayRule, period: GroundsPeriod, trips: list[Trip]) -> timedelta:
    """Days added after a contract that ended early, when art. 97 p. 5 grants them."""
    end = period.valid_until
    if rule.early_end_grace is None or not period.ended_early or end is None:
        return timedelta()
    after_days, grace_days = rule.early_end_grace
    for trip in trips:
        if trip.entry <= end <= (trip.exit or date.max) and end - trip.entry >= timedelta(
            days=after_days
        ):
            return timedelta(days=grace_days)
    return timedelta()


class _Judge:
    """Applies one host's rules, day by day, to one traveller's days present."""

    def __init__(
        self,
        rules: HostRules,
        nationality: str,
        year: YearCounting,
        runs: list[Run],
        covers: list[_Cover],
    ) -> None:
        self.rules, self.nationality, self.year = rules, nationality, year
        self.runs, self.covers = runs, covers

    def cover_on(self, day: date) -> _Cover | None:
        """The grounds covering `day` that last longest, if any."""
        holding = [cover for cover in self.covers if cover.first <= day <= cover.last]
        return max(holding, key=lambda cover: cover.last, default=None)

    def days_used(self, day: date, rule: StayRule) -> int:
        return days_present(self.runs, rule.window_start(day, self.year), day)

    def first_unlawful_day(self, entry: date, last: date) -> date | None:
        """The first day from `entry` to `last` on which staying breaks the rules, if any."""
        horizon = min(last, entry + timedelta(days=min(_SEARCH_DAYS, (date.max - entry).days)))
        day = entry
        while day <= horizon:
            lawful_until = self.lawful_through(day)
            if lawful_until is None:
                return day
            if lawful_until >= horizon:
                return None
            day = lawful_until + _ONE_DAY
        return None

    def lawful_through(self, day: date) -> date | None:
        """A day up to which the stretch starting on `day` is lawful; None if `day` is not.

        Present on every day up to `day`, as on a trip that has not ended.
        """
        cover = self.cover_on(day)
        if cover is not None:
            return cover.last
        rule = self.rules.day_rule_on(day, self.nationality)
        if rule.limit_days is None:
            return rule.in_force_until or date.max
        spare = rule.limit_days - self.days_used(day, rule)
        if spare < 0:
            return None
        # a window never moves back, so the count grows by at most one a day: the next
        # `spare` days under the same rule are lawful without counting each of them
        through = day + timedelta(days=min(spare, (date.max - day).days))
        return min(through, rule.in_force_until) if rule.in_force_until else through

    def overstay(self, trip: Trip, on: date) -> tuple[date | None, int]:
        """(last lawful day or None if the stay has no end, days overstayed up to its exit)."""
        exit_day = trip.exit or on
        first_unlawful = self.first_unlawful_day(trip.entry, trip.exit or date.max)
        if first_unlawful is None:
            return None, 0
        latest = first_unlawful - _ONE_DAY
        return latest, max(0, (exit_day - latest).days)

    def ban(self, trips: list[Trip], on: date) -> ReentryBan | None:
        """The longest-running ban still in force on `on` (an open trip leaving on `on`)."""
        bans = []
        for trip in trips:
            _, overstay_days = self.overstay(trip, on)
            ban = self.rules.ban(overstay_days, trip.exit or on) if overstay_days else None
            if ban is not None and ban.until > on:
                bans.append(ban)
        return max(bans, key=lambda ban: ban.until, default=None)

    def result(self, on: date, trips: list[Trip]) -> StayResult:
        day_rule = self.rules.day_rule_on(on, self.nationality)
        cover = self.cover_on(on)
        used = self.days_used(on, day_rule)
        limit = day_rule.limit_days
        open_trips = [trip for trip in trips if trip.exit is None]
        latest_exit, overstay_days = self.overstay(open_trips[-1], on) if open_trips else (None, 0)
        window_first = day_rule.window_start(on, self.year)
        return StayResult(
            on=on,
            window_first=window_first,
            rule=cover.rule if cover else day_rule,
            grounds=cover.grounds if cover else StayGrounds.VISA_FREE,
            days_used=used,
            days_remaining=None if limit is None else max(0, limit - used),
            latest_exit=latest_exit,
            overstay_days=overstay_days,
            days_over_limit_in_window=0 if limit is None or cover else max(0, used - limit),
            ban=self.ban(trips, on),
            counted_trips=tuple(t for t in trips if (t.exit or on) >= window_first),
        )
