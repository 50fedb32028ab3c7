"""The stay section of a border check: the stay rules applied to the recorded trips."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rmis.border.trips import Passage, RecordedStays, recorded_stays
from rmis.stay import HOSTS, StayResult, assess_stay

NO_STAY_RULE_GROUNDS = frozenset({"visa", "official"})


def stay_grounds(recorded: str) -> str | None:
    """The `rmis.stay` grounds a crossing's grounds stand for; None if RMIS has no rule.

    Crossings with no grounds recorded are judged as visa-free, the common case in the region.
    """
    if recorded in NO_STAY_RULE_GROUNDS:
        return None
    return recorded or "visa-free"


def stay_json(result: StayResult) -> dict[str, Any]:
    """The `rmis stay` answer with the rule and window it was judged by."""
    return {
        **result.to_json_dict(),
        "rule": result.rule.code,
        "grounds": result.grounds.value,
        "window_first": result.window_first.isoformat(),
        "days_over_limit_in_window": result.days_over_limit_in_window,
    }


def stay_section(
    host: str,
    nationality: str,
    grounds: str,
    on: dt.date,
    passages: list[Passage],
    direction: str,
) -> tuple[dict[str, Any], list[str]]:
    """(stay section, reasons to refer). An entry is judged as if admitted on `on`."""
    if direction == "entry":
        passages = [*passages, Passage("entry", on, grounds)]
    stays = recorded_stays(passages, on)
    judged = stay_grounds(grounds or (stays.open_grounds or ""))
    reason = _not_assessable(host, nationality, judged)
    if reason or judged is None:
        return {"status": "not_assessed", "reasons": [reason or "no rule"]}, []
    try:
        result = assess_stay(host, nationality, judged, on, stays.trips)
    except ValueError as e:
        return {"status": "not_assessed", "reasons": [str(e)]}, []
    return _judged(result, stays, direction)


def _not_assessable(host: str, nationality: str, grounds: str | None) -> str:
    if host not in HOSTS:
        return f"RMIS knows no stay rules of {host}"
    if nationality == host:
        return f"citizens of {host} have no stay limit there"
    if grounds is None:
        return "no stay rule for visa or official grounds: judge by the visa"
    return ""


def _judged(
    result: StayResult, stays: RecordedStays, direction: str
) -> tuple[dict[str, Any], list[str]]:
    refer = _refer_reasons(result, direction)
    notes = []
    if stays.unrecorded_exits:
        notes.append(f"{stays.unrecorded_exits} exit(s) not recorded: only those entry days count")
    if direction == "entry":
        status = "banned" if result.ban else "no_days_left" if refer else "ok"
    else:
        status = "overstay" if result.overstay_days else "banned" if result.ban else "ok"
    return {"status": status, "reasons": refer + notes, **stay_json(result)}, refer


def _refer_reasons(result: StayResult, direction: str) -> list[str]:
    out = []
    ban = result.ban
    if ban is not None:
        kind = "entry closed" if ban.mandatory else "entry may be refused"
        out.append(f"re-entry ban: {kind} until {ban.until} ({ban.basis})")
    if direction == "entry" and result.overstay_days:
        out.append(f"no days of stay left: entering today makes {result.days_used} in the window")
    elif result.overstay_days:
        out.append(f"overstayed {result.overstay_days} day(s) after {result.latest_exit}")
    return out
