"""Everyone present past their allowed stay, computed in the database over all crossings.

The SQL pairs each person's crossings into trips exactly as `rmis.border.trips` does, counts
the days present in the rule's window, and keeps those over the limit, in one set-based query
on SQLite and PostgreSQL alike. Days are whole numbers (days since 1970-01-01) so the same
arithmetic runs on both engines; every value is a bound parameter.

Why two steps: pairing crossings needs window functions, which cost far more per row than
an aggregate, and nearly every crossing in a registry is history. So one grouped pass over
all crossings keeps the persons whose last crossing is an entry visa-free (or with no
grounds), the only ones who can be present on the grounds judged, and only their crossings
from the last one before a cut on are paired. The cut is 00:00 UTC on the day before the
first day of the window that counts: the earlier of the two windows, or the judged one for
a person who entered after 31 December (the only ones that checkpoint judges). A crossing
before the cut fell on a local day before that first day (a post's clock is less than a day
from UTC), so a trip that closed before the cut adds no day to the window, the trip that
spans the cut starts with that last crossing, and a trip whose first day moves on by one (a
re-entry on the day of the last exit) still starts no later than the window. The crossings
read are a tail of the person's crossings in the same order, so every trip reaching into
the window is paired exactly as over all crossings. On PostgreSQL the grouped pass reads the
index `ix_crossings_trips` alone, in order (once vacuum has marked the table's pages
all-visible, as autovacuum does after a load).

Why two checkpoints are enough: while a traveller stays, each day adds one day to the window
and drops at most one, so the count never falls until the rule or its year resets on
1 January. The stay has overrun if the count is over the limit on the day judged, or on the
last 31 December before it (a stay that spans more than one new year was over the limit by
then anyway). Only open trips entered visa-free (or with no grounds recorded) are judged:
other grounds make the stay lawful for their term, which crossings do not record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Integer,
    Select,
    bindparam,
    case,
    cast,
    func,
    select,
    text,
    type_coerce,
)

from rmis.access import authorize_person_access, record_access
from rmis.errors import ValidationFailed
from rmis.model import Principal
from rmis.registry.tables import crossings
from rmis.stay import HOSTS, StayRule
from rmis.stay.model import YearCounting
from rmis.stay.rules import HostRules

EPOCH = dt.date(1970, 1, 1)
SQLITE_EPOCH_JULIAN_DAY = 2440587.5
VISA_FREE_GROUNDS = ("", "visa-free")
NEVER_OVER = 1_000_000
POSTGRES_PLANNER = {
    # group persons in index order: hashing a million of them costs more than reading in order
    "enable_hashagg": "off",
    # let workers share that grouped pass (the default cost keeps it in one process)
    "parallel_tuple_cost": "0.01",
}


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """A day the count is judged on: the window's first day and the limit, as day numbers."""

    day: int
    first: int
    limit: int


def day_number(column: Any, dialect: str) -> ColumnElement[int]:
    """`column` (a date) as whole days since 1970-01-01, on either engine."""
    if dialect == "sqlite":
        return cast(func.julianday(column) - SQLITE_EPOCH_JULIAN_DAY, Integer)
    return type_coerce(column - bindparam("epoch", EPOCH, type_=Date), Integer)


def as_day(day: dt.date) -> int:
    return (day - EPOCH).days


def general_rule(rules: HostRules, day: dt.date) -> StayRule | None:
    """The day-limit rule in force on `day` for every nationality without a special one."""
    for rule in rules.day_limits:
        if rule.in_force_on(day) and rule.nationalities is None and not rule.excluded:
            return rule
    return None


def checkpoints(host: str, on: dt.date, year: YearCounting) -> tuple[Checkpoint, Checkpoint]:
    """The day judged and the last 31 December before it, with their windows and limits."""
    rules = HOSTS[host]
    rule = general_rule(rules, on)
    if rule is None or rule.limit_days is None:
        raise ValidationFailed(f"no {host} day-limit rule in force on {on}")
    judged = Checkpoint(as_day(on), as_day(rule.window_start(on, year)), rule.limit_days)
    new_year_eve = dt.date(on.year - 1, 12, 31)
    before = general_rule(rules, new_year_eve)
    if before is None or before.limit_days is None:
        return judged, Checkpoint(as_day(new_year_eve), as_day(new_year_eve), NEVER_OVER)
    first = as_day(before.window_start(new_year_eve, year))
    return judged, Checkpoint(as_day(new_year_eve), first, before.limit_days)


def unlimited_nationalities(host: str, on: dt.date) -> list[str]:
    """Nationalities the host's rules exempt from the day limit on `on` (and its own)."""
    special = HOSTS[host].nationals_without_limit
    return sorted({host} | {nat for nat, rule in special.items() if rule.in_force_on(on)})


@dataclass(frozen=True, slots=True)
class Cuts:
    """Where history ends: before either window (`both`) or before the judged one (`judged`).

    A person whose last crossing is at `late` or after entered after 31 December (a post's
    local day is less than a day from UTC), so only the judged window counts for them.
    """

    both: dt.datetime
    judged: dt.datetime
    late: dt.datetime


def _utc_midnight(day: int) -> dt.datetime:
    return dt.datetime.combine(EPOCH + dt.timedelta(days=day), dt.time(0), dt.UTC)


def history_cuts(judged: Checkpoint, eve: Checkpoint) -> Cuts:
    """00:00 UTC on the day before each window's first day, and two days after 31 December."""
    both = _utc_midnight(min(judged.first, eve.first) - 1)
    return Cuts(both, _utc_midnight(judged.first - 1), _utc_midnight(eve.day + 2))


@dataclass(frozen=True)
class Scope:
    """The crossings judged: recorded by `host` up to `on`, of nationalities with a limit."""

    host: str
    on: dt.date
    exempt: list[str]

    def where(self) -> list[ColumnElement[bool]]:
        c = crossings.c
        return [
            c.authority == bindparam("host", self.host),
            c.nationality.not_in(bindparam("exempt", self.exempt, expanding=True)),
            c.local_date <= bindparam("on", self.on, type_=Date),
        ]


def _since(cut: dt.datetime, name: str) -> ColumnElement[Any]:
    """The instant of the last crossing before `cut`, or `cut` if none came before it."""
    c = crossings.c
    cut_at = bindparam(name, cut, type_=c.at.type)
    return func.coalesce(func.max(case((c.at < cut_at, c.at))), cut_at)


def present_query(scope: Scope, cuts: Cuts) -> Select[Any]:
    """Persons whose last crossing in `scope` is a visa-free entry (ties kept), with `since`:
    where the crossings that can count for them start."""
    c = crossings.c
    grounds = c.grounds.in_(bindparam("entry_grounds", list(VISA_FREE_GROUNDS), expanding=True))
    last_entry = func.max(case(((c.direction == "entry") & grounds, c.at)))
    late = func.max(c.at) >= bindparam("late", cuts.late, type_=c.at.type)
    since = case((late, _since(cuts.judged, "cut_judged")), else_=_since(cuts.both, "cut_both"))
    return (
        select(c.person_key, since.label("since"))
        .where(*scope.where())
        .group_by(c.person_key)
        .having(func.max(c.at) == last_entry)
    )


def passages_query(dialect: str, scope: Scope, cuts: Cuts) -> Select[Any]:
    """The crossings of the persons present from `since` on, each with the next one."""
    c = crossings.c
    present = present_query(scope, cuts).subquery("present")
    day = day_number(c.local_date, dialect)
    return select(
        c.id, c.at, c.person_key, c.nationality, c.direction, c.grounds, day.label("day"),
        func.lead(c.direction).over(partition_by=c.person_key, order_by=(c.at, c.id))
        .label("next_direction"),
        func.lead(day).over(partition_by=c.person_key, order_by=(c.at, c.id)).label("next_day"),
    ).select_from(
        crossings.join(present, c.person_key == present.c.person_key)
    ).where(*scope.where(), c.at >= present.c.since)  # fmt: skip


def trips_query(passages: Select[Any], on: dt.date) -> Select[Any]:
    """Trips: an entry to the next exit, to its own day before another entry, open if last.

    A trip that starts on the day the previous one ended starts a day later, so no day is
    counted twice.
    """
    p = passages.subquery("passages")
    on_day = bindparam("on_day", as_day(on), type_=Integer)
    last_day = case(
        (p.c.next_direction.is_(None), on_day),
        (p.c.next_direction == "exit", p.c.next_day),
        else_=p.c.day,
    )
    trips = select(
        p.c.id, p.c.at, p.c.person_key, p.c.nationality, p.c.grounds,
        p.c.day.label("entry_day"), last_day.label("last_day"),
        p.c.next_direction.is_(None).label("is_open"),
    ).where(p.c.direction == "entry").subquery("trips")  # fmt: skip
    previous_last = func.lag(trips.c.last_day).over(
        partition_by=trips.c.person_key, order_by=(trips.c.at, trips.c.id)
    )
    first_day = case(
        (trips.c.entry_day == previous_last, trips.c.entry_day + 1), else_=trips.c.entry_day
    )
    return select(trips, first_day.label("first_day"))


def _least(a: Any, b: Any) -> ColumnElement[Any]:
    return case((a < b, a), else_=b)


def _greatest(a: Any, b: Any) -> ColumnElement[Any]:
    return case((a > b, a), else_=b)


def days_in_window(first_day: Any, last_day: Any, point: Checkpoint, name: str) -> Any:
    """Days of one trip inside the window of `point` (zero if none)."""
    window_first = bindparam(f"{name}_first", point.first, type_=Integer)
    window_last = bindparam(f"{name}_day", point.day, type_=Integer)
    days = _least(last_day, window_last) - _greatest(first_day, window_first) + 1
    return case((days > 0, days), else_=0)


def overstays_query(
    dialect: str, host: str, on: dt.date, year: YearCounting = "calendar"
) -> Select[Any]:
    """Persons present on `on`, entered visa-free, whose stay has run past its limit."""
    judged, eve = checkpoints(host, on, year)
    scope = Scope(host, on, unlimited_nationalities(host, on))
    trips = trips_query(passages_query(dialect, scope, history_cuts(judged, eve)), on)
    t = trips.subquery("counted")
    used = func.sum(days_in_window(t.c.first_day, t.c.last_day, judged, "judged"))
    # exact for those who entered by 31 December, the only ones it judges (see present_query)
    used_eve = func.sum(days_in_window(t.c.first_day, t.c.last_day, eve, "eve"))
    open_entry = func.max(case((t.c.is_open, t.c.entry_day)))
    open_grounds = func.max(case((t.c.is_open, t.c.grounds)))
    over = (used > bindparam("judged_limit", judged.limit)) | (
        (open_entry <= bindparam("eve_last", eve.day))
        & (used_eve > bindparam("eve_limit", eve.limit))
    )
    return (
        select(
            t.c.person_key,
            func.max(t.c.nationality).label("nationality"),
            open_entry.label("entry_day"),
            open_grounds.label("grounds"),
            used.label("days_used"),
        )
        .group_by(t.c.person_key)
        .having(open_entry.is_not(None))
        .having(open_grounds.in_(bindparam("visa_free", list(VISA_FREE_GROUNDS), expanding=True)))
        .having(over)
        .order_by(t.c.person_key)
    )


def find_overstays(
    conn: Connection, host: str, on: dt.date, year: YearCounting = "calendar"
) -> list[dict[str, Any]]:
    """Everyone present on `on` past their allowed stay, by person key."""
    if host not in HOSTS:
        raise ValidationFailed(f"RMIS knows no stay rules of {host}")
    judged, _ = checkpoints(host, on, year)
    query = overstays_query(conn.dialect.name, host, on, year)
    if conn.dialect.name != "postgresql":
        return [_overstay(row, judged.limit) for row in conn.execute(query)]
    # the settings are undone with the savepoint: they hold for this query alone
    savepoint = conn.begin_nested()
    try:
        for name, value in POSTGRES_PLANNER.items():
            conn.execute(
                text("SELECT set_config(:name, :value, true)"), {"name": name, "value": value}
            )
        rows = conn.execute(query).all()
    finally:
        savepoint.rollback()
    return [_overstay(row, judged.limit) for row in rows]


def _overstay(row: Any, limit: int) -> dict[str, Any]:
    used = int(row.days_used)
    return {
        "person_key": row.person_key,
        "nationality": row.nationality,
        "entered": (EPOCH + dt.timedelta(days=int(row.entry_day))).isoformat(),
        "grounds": row.grounds or "visa-free",
        "days_used": used,
        "days_over_limit_in_window": max(0, used - limit),
        "over_limit_on_new_year_eve": used <= limit,
    }


def list_overstays(
    conn: Connection, principal: Principal, host: str, on: dt.date, year: YearCounting = "calendar"
) -> dict[str, Any]:
    """The overstay list of `host` on `on` (person-level: authorised and audited)."""
    authorize_person_access(principal, host)
    found = find_overstays(conn, host, on, year)
    record_access(conn, principal, "overstays.list", f"authority:{host}", {
        "on": on.isoformat(), "persons": len(found),
    })  # fmt: skip
    return {"authority": host, "on": on.isoformat(), "year": year, "count": len(found),
            "persons": found}  # fmt: skip
