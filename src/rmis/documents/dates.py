"""Dates in the MRZ: YYMMDD with the century left out (Doc 9303 Part 3, section 4.8)."""

from __future__ import annotations

from datetime import date

EXPIRY_YEARS_AHEAD = 50
"""An expiry date is read as the latest date with its YYMMDD not beyond this many years."""


def add_years(day: date, years: int) -> date:
    """`day` moved by whole years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def infer_birth_date(yymmdd: str, today: date) -> date:
    """The birth date YYMMDD stands for: the latest such date not after `today`."""
    return _latest_on_or_before(yymmdd, today)


def infer_expiry_date(yymmdd: str, today: date) -> date:
    """The expiry date YYMMDD stands for: the latest within 50 years after `today`."""
    return _latest_on_or_before(yymmdd, add_years(today, EXPIRY_YEARS_AHEAD))


def format_yymmdd(day: date) -> str:
    """`day` as the MRZ writes it."""
    return day.strftime("%y%m%d")


def _latest_on_or_before(yymmdd: str, limit: date) -> date:
    if len(yymmdd) != 6 or not yymmdd.isascii() or not yymmdd.isdigit():
        raise ValueError(f"not a YYMMDD date: {yymmdd!r}")
    yy, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    year = limit.year - (limit.year - yy) % 100
    for candidate in (year, year - 100):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue
        if found <= limit:
            return found
    raise ValueError(f"no such date: {yymmdd}")
