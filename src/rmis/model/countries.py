"""ICAO 9303 country codes: the one place RMIS knows which codes exist.

ISO 3166-1 alpha-3 (from `pycountry`) plus the codes that ICAO Doc 9303 Part 3 adds and ISO does
not have: `D` (Germany, written `D<<` in the zone), the British nationality classes, the United
Nations codes, the stateless/refugee/unspecified codes, Kosovo, the EU laissez-passer and the
specimen state Utopia.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

ICAO_EXTRA_CODES: dict[str, str] = {
    "D": "Germany",
    "GBD": "British Overseas Territories citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas citizen",
    "GBP": "British protected person",
    "GBS": "British subject",
    "UNO": "United Nations Organization (official)",
    "UNA": "United Nations specialized agency (official)",
    "UNK": "Resident of Kosovo (UNMIK travel document)",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Person of unspecified nationality",
    "RKS": "Kosovo",
    "EUE": "European Union",
    "UTO": "Utopia (ICAO specimen state)",
    "XOM": "Sovereign Military Order of Malta",
    "XCC": "Caribbean Community (CARICOM)",
    "XPO": "INTERPOL",
}


@lru_cache(maxsize=1)
def _iso_codes() -> dict[str, str]:
    return {c.alpha_3: c.name for c in pycountry.countries}


def icao_country_codes() -> frozenset[str]:
    """Every code RMIS accepts as a country: ISO 3166-1 alpha-3 plus ICAO's extras."""
    return frozenset(_iso_codes()) | frozenset(ICAO_EXTRA_CODES)


ICAO_COUNTRY_CODES: frozenset[str] = icao_country_codes()


def is_icao_country(code: str) -> bool:
    """True when `code` (upper case, as written in the zone or a record) is a known code."""
    return code in ICAO_COUNTRY_CODES


def country_name(code: str) -> str:
    """The English short name of a known code; raises KeyError for an unknown one."""
    return ICAO_EXTRA_CODES.get(code) or _iso_codes()[code]
