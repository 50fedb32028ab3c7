"""Stay rules of the host states, as data, and the functions that apply them."""

from rmis.stay.assess import HOSTS, assess_stay
from rmis.stay.model import GroundsPeriod, ReentryBan, StayGrounds, Trip
from rmis.stay.result import StayResult
from rmis.stay.rules import DAYS_LIMIT, WINDOW_DAYS, StayRule, window_start, year_window_start

__all__ = [
    "DAYS_LIMIT",
    "HOSTS",
    "WINDOW_DAYS",
    "GroundsPeriod",
    "ReentryBan",
    "StayGrounds",
    "StayResult",
    "StayRule",
    "Trip",
    "assess_stay",
    "window_start",
    "year_window_start",
]
