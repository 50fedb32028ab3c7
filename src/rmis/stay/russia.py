"""Russia's stay rules for foreigners, each with its source and the dates it is in force.

Marked *to confirm* where the text relied on is second-hand (DOMAIN.md, "Stay and work
rules"); check those against the statute before relying on them.
"""

from __future__ import annotations

from datetime import date

from rmis.stay.model import ReentryBan, StayGrounds
from rmis.stay.rules import EAEU_MEMBERS, HostRules, StayRule, add_years

LAW_115_FZ_IN_FORCE = date(2002, 11, 1)

VISA_FREE_90_180 = StayRule(
    code="RUS-90/180",
    summary="visa-free: at most 90 days in total within each 180-day period",
    source="Federal Law 115-FZ of 25 Jul 2002, art. 5 p. 1",
    in_force_from=date(2014, 1, 1),
    in_force_until=date(2024, 12, 31),
    to_confirm="the date the 'each 180-day period' wording took effect",
)
"""115-FZ art. 5 p. 1: a visa-free foreigner stays at most 90 days in total within each
180-day period, and never more than 90 days without a break (which the count implies)."""

VISA_FREE_90_365 = StayRule(
    code="RUS-90/365",
    summary="visa-free: at most 90 days in a year",
    source="Federal Law 260-FZ of 8 Aug 2024 (the ministries' '90/365')",
    in_force_from=date(2025, 1, 1),
    window="year",
    to_confirm="whether the year is the calendar year or rolling; assess_stay(year=...)",
)
"""260-FZ of 8 Aug 2024, from 1 Jan 2025: at most 90 days in a year, as the foreign and
interior ministries put it. Whether the year resets on 1 January or rolls over the last 365
days is unsettled in what we found: `assess_stay(year="calendar" | "rolling")`, default
calendar. To confirm."""

LABOUR_PATENT = StayRule(
    code="RUS-patent",
    summary="labour patent: stay extends with the patent, at most 12 months from issue",
    source="Federal Law 115-FZ, art. 13.3 (and art. 5 on extending the stay)",
    in_force_from=date(2015, 1, 1),
    limit_days=None,
    excluded=EAEU_MEMBERS,
    max_months=12,
    to_confirm="the start date and the article that extends the stay",
)
"""115-FZ art. 13.3: a visa-free foreigner (not an EAEU citizen) works on a patent issued
for 1 to 12 months, extendable, at most 12 months in total from issue, and re-issuable
(135-FZ of 2020); the stay extends with the patent. To confirm."""

EAEU_CONTRACT = StayRule(
    code="RUS-EAEU-contract",
    summary="EAEU worker: stays for the term of the work contract",
    source="Treaty on the Eurasian Economic Union of 29 May 2014, art. 97 p. 5",
    in_force_from=date(2015, 1, 1),
    limit_days=None,
    nationalities=EAEU_MEMBERS - {"RUS"},
    early_end_grace=(90, 15),
)
"""EAEU Treaty art. 97 p. 5: a worker from a member state stays for the term of the contract;
if it ends early, after 90 days from entry, 15 days to sign a new one. No patent needed."""

RESIDENCE_PERMIT = StayRule(
    code="RUS-residence-permit",
    summary="residence permit: no day limit while it is valid",
    source="Federal Law 115-FZ, art. 8",
    in_force_from=LAW_115_FZ_IN_FORCE,
    limit_days=None,
)
"""115-FZ art. 8: a holder of a residence permit resides while it is valid; no day count."""

TEMPORARY_RESIDENCE = StayRule(
    code="RUS-temporary-residence",
    summary="temporary residence permit: no day limit while it is valid",
    source="Federal Law 115-FZ, art. 6",
    in_force_from=LAW_115_FZ_IN_FORCE,
    limit_days=None,
)
"""115-FZ art. 6: temporary residence permit; the stay is lawful while it is valid."""

STUDENT = StayRule(
    code="RUS-student",
    summary="student: stay extends for the period of study",
    source="Federal Law 115-FZ, art. 5 (extension for full-time students)",
    in_force_from=LAW_115_FZ_IN_FORCE,
    limit_days=None,
    to_confirm="the paragraph of art. 5 and its start date",
)
"""115-FZ art. 5: a full-time student's stay is extended for the period of study. To confirm
the paragraph."""

BELARUS_UNION = StayRule(
    code="RUS-BLR-equal-rights",
    summary="citizens of Belarus: no 90-day limit",
    source="Treaty between Russia and Belarus on equal rights of citizens, 25 Dec 1998",
    in_force_from=date(1998, 12, 25),
    limit_days=None,
    nationalities=frozenset({"BLR"}),
    to_confirm="the treaty's entry into force and how it meets the 2025 rule",
)
"""Belarusian citizens stay in Russia without the 90-day limit under the 1998 equal-rights
treaty (Union State). To confirm."""


def russian_reentry_ban(overstay_days: int, exit_day: date) -> ReentryBan | None:
    """The re-entry ban Russia's 114-FZ attaches to `overstay_days` past the lawful stay.

    Federal Law 114-FZ of 15 Aug 1996, art. 27 p. 1 sub-pp. 12-14 close entry for 3 years
    after an overstay of more than 180 days, 5 years after more than 270 days, 10 years after
    more than one year (365 days here); art. 26 p. 8 lets entry be refused for 3 years to one
    who did not leave within 30 days after the stay ended. All run from the day of exit.
    To confirm the thresholds against the statute's current text (an earlier edition of
    sub-p. 12 read "over 90 days in total within 180").
    """
    for more_than, years, basis, mandatory in _BAN_STEPS:
        if overstay_days > more_than:
            until = add_years(exit_day, years)
            return ReentryBan(basis, years, mandatory, overstay_days, exit_day, until)
    return None


_BAN_STEPS = (
    (365, 10, "114-FZ art. 27 p. 1 sub-p. 14", True),
    (270, 5, "114-FZ art. 27 p. 1 sub-p. 13", True),
    (180, 3, "114-FZ art. 27 p. 1 sub-p. 12", True),
    (30, 3, "114-FZ art. 26 p. 8", False),
)


RUSSIA = HostRules(
    host="RUS",
    day_limits=(VISA_FREE_90_180, VISA_FREE_90_365),
    grounds={
        StayGrounds.LABOUR_PATENT: LABOUR_PATENT,
        StayGrounds.EAEU_CONTRACT: EAEU_CONTRACT,
        StayGrounds.RESIDENCE_PERMIT: RESIDENCE_PERMIT,
        StayGrounds.TEMPORARY_RESIDENCE: TEMPORARY_RESIDENCE,
        StayGrounds.STUDENT: STUDENT,
    },
    ban=russian_reentry_ban,
    nationals_without_limit={"BLR": BELARUS_UNION},
)
