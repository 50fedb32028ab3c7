"""Statistics the analysts and the Council read, computed in the registry's SQL."""

from rmis.stats.departures import DepartureQuery, departures_report, departures_sentence

__all__ = ["DepartureQuery", "departures_report", "departures_sentence"]
