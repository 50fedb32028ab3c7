"""Departures: how many nationals left, by sex and destination, and the change on a year.

The Council of Heads of Migration Authorities reads these figures each year (e.g. "652,014
Tajik nationals left for work in 2023, 554,804 men"). A person is counted once per year, with the
sex and destination of their first recorded exit that year. A person is the linked person
(identity resolution) when the crossing is linked, else a nationality and a document number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Select, and_, func, select

from rmis.registry.linkage_tables import person_records
from rmis.registry.tables import crossings


@dataclass(frozen=True, slots=True)
class DepartureQuery:
    authority: str
    year: int
    nationality: str = ""
    purpose: str = ""

    @property
    def nationals(self) -> str:
        return self.nationality or self.authority


@dataclass(slots=True)
class YearDepartures:
    year: int
    persons: int = 0
    by_sex: dict[str, int] = field(default_factory=dict)
    by_destination: dict[str, int] = field(default_factory=dict)


def departures_sql(query: DepartureQuery, year: int) -> Select[Any]:
    """Distinct persons (linked persons where linked) by (sex, destination) of their first
    exit in `year`."""
    c = crossings.c
    conditions = [
        c.authority == query.authority,
        c.direction == "exit",
        c.nationality == query.nationals,
        c.local_date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)),
    ]
    if query.purpose:
        conditions.append(c.purpose == query.purpose)
    linked = person_records.c
    person = func.coalesce(func.nullif(linked.person_id, ""), c.person_key)
    nth = func.row_number().over(partition_by=person, order_by=(c.at, c.id))
    joined = crossings.outerjoin(
        person_records, and_(linked.authority == c.authority, linked.event_id == c.event_id)
    )
    first_exits = (
        select(c.sex, c.to_country, nth.label("nth"))
        .select_from(joined)
        .where(*conditions)
        .subquery()
    )
    return (
        select(first_exits.c.sex, first_exits.c.to_country, func.count().label("persons"))
        .where(first_exits.c.nth == 1)
        .group_by(first_exits.c.sex, first_exits.c.to_country)
    )


def count_departures(conn: Connection, query: DepartureQuery, year: int) -> YearDepartures:
    """One year's departures of the query's nationals."""
    out = YearDepartures(year)
    for sex, destination, persons in conn.execute(departures_sql(query, year)):
        out.persons += persons
        key = sex or "unknown"
        out.by_sex[key] = out.by_sex.get(key, 0) + persons
        out.by_destination[destination] = out.by_destination.get(destination, 0) + persons
    out.by_destination = dict(sorted(out.by_destination.items(), key=lambda kv: -kv[1]))
    return out


def departures_report(conn: Connection, query: DepartureQuery) -> dict[str, Any]:
    """The year's departures with the previous year's and the change, as the Council reads it."""
    this = count_departures(conn, query, query.year)
    last = count_departures(conn, query, query.year - 1)
    change = this.persons - last.persons
    percent = round(100 * change / last.persons, 1) if last.persons else None
    return {
        "authority": query.authority,
        "nationality": query.nationals,
        "year": query.year,
        "purpose": query.purpose or "any",
        "persons": this.persons,
        "by_sex": {"M": this.by_sex.get("M", 0), "F": this.by_sex.get("F", 0), **_others(this)},
        "by_destination": this.by_destination,
        "previous_year": {"year": last.year, "persons": last.persons},
        "change": {"persons": change, "percent": percent},
    }


def _others(year: YearDepartures) -> dict[str, int]:
    return {k: v for k, v in year.by_sex.items() if k not in ("M", "F")}


def departures_sentence(report: dict[str, Any]) -> str:
    """The report in one sentence, the way the seeds word it."""
    men, women = report["by_sex"]["M"], report["by_sex"]["F"]
    purpose = "for work" if report["purpose"] == "work" else "abroad"
    text = (
        f"{report['persons']:,} {report['nationality']} nationals left {purpose} in "
        f"{report['year']} ({men:,} men, {women:,} women)"
    )
    prev, change = report["previous_year"], report["change"]
    if prev["persons"]:
        trend = "fewer" if change["persons"] < 0 else "more"
        text += (
            f", {abs(change['persons']):,} or {abs(change['percent']):.0f}% {trend} than "
            f"{prev['year']} ({prev['persons']:,})"
        )
    destinations = ", ".join(f"{n:,} to {c}" for c, n in report["by_destination"].items())
    return f"{text}; {destinations}." if destinations else f"{text}."
