"""Kazakhstan's stay rules for foreigners from the CIS and the EAEU. All to confirm."""

from __future__ import annotations

from datetime import date

from rmis.stay.model import ReentryBan, StayGrounds
from rmis.stay.rules import EAEU_MEMBERS, HostRules, StayRule

VISA_FREE_90_180 = StayRule(
    code="KAZ-90/180",
    summary="visa-free CIS and EAEU citizens: at most 90 days within 180 days",
    source="Rules of entry and stay of immigrants in Kazakhstan (Government Decree No. 148)",
    in_force_from=date.min,
    to_confirm="the source text, its start date (not established), and the 30-day "
    "registration of EAEU citizens",
)
"""Kazakhstan: citizens of CIS states entering without a visa stay at most 90 days within
180 days; EAEU citizens likewise, and register within 30 days. Start date not established.
To confirm."""

EAEU_CONTRACT = StayRule(
    code="KAZ-EAEU-contract",
    summary="EAEU worker: stays for the term of the work contract",
    source="Treaty on the Eurasian Economic Union of 29 May 2014, art. 97 p. 5",
    in_force_from=date(2015, 1, 1),
    limit_days=None,
    nationalities=EAEU_MEMBERS - {"KAZ"},
    early_end_grace=(90, 15),
)
"""EAEU Treaty art. 97 p. 5, as in every member state: the term of the contract; 15 days to
sign a new one if it ends early, after 90 days from entry."""

RESIDENCE_PERMIT = StayRule(
    code="KAZ-residence-permit",
    summary="residence permit: no day limit while it is valid",
    source="Law of Kazakhstan on migration of the population",
    in_force_from=date.min,
    limit_days=None,
    to_confirm="the article and start date",
)
"""A Kazakh residence permit makes the stay lawful while valid. To confirm."""


def no_ban_modelled(overstay_days: int, exit_day: date) -> ReentryBan | None:
    """Kazakhstan's re-entry bans for overstay are not modelled yet (to confirm the law)."""
    return None


KAZAKHSTAN = HostRules(
    host="KAZ",
    day_limits=(VISA_FREE_90_180,),
    grounds={
        StayGrounds.EAEU_CONTRACT: EAEU_CONTRACT,
        StayGrounds.RESIDENCE_PERMIT: RESIDENCE_PERMIT,
    },
    ban=no_ban_modelled,
)
