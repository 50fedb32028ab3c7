"""ICAO Doc 9303 three-letter codes: the one place RMIS knows country codes.

Every other part of RMIS asks here whether a code names a state, an organisation or a
nationality status. The table is ISO 3166-1 alpha-3 (from `pycountry`) plus the codes that
Doc 9303 Part 3 (8th edition, 2021), section 5, adds and ISO 3166-1 does not assign:

- Germany writes ``D`` (``D<<`` in the MRZ), not ``DEU`` (section 5, note to Part A).
- Part B, other codes reserved by the ISO 3166 Maintenance Agency: the British nationality
  classes ``GBD GBN GBO GBP GBS`` and ``EUE`` (European Union; its addition to Part B is
  recorded in Part 3's document change record).
- ``RKS`` (Kosovo): listed in section 5; which Part lists it is to confirm.
- Part C, the United Nations: ``UNO UNA UNK``.
- Part D, other issuing authorities: ``XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC``
  (the addition of ``XBA`` and ``XEC`` is recorded in the same change record).
- Stateless persons, refugees and unspecified nationality: ``XXA XXB XXC XXX``.
- ``UTO``, the specimen state Utopia of every Doc 9303 example (Part G of the list).

The same list, citing Part 3 section 5, is published in the UK Home Office design system
("Ask for passport details" pattern). ``ZIM`` is left out: section 5 does not list it
(Zimbabwe is ``ZWE``).
"""

from __future__ import annotations

import pycountry

ICAO_EXTRA_CODES: dict[str, str] = {
    "D": "Germany",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "RKS": "Kosovo",
    "EUE": "European Union",
    "UNO": "United Nations Organization or one of its officials",
    "UNA": "Specialized agency of the United Nations or one of its officials",
    "UNK": "Resident of Kosovo with a travel document issued by UNMIK",
    "XBA": "African Development Bank",
    "XIM": "African Export-Import Bank",
    "XCC": "Caribbean Community or one of its emissaries",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XPO": "International Criminal Police Organization",
    "XES": "Organisation of Eastern Caribbean States",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta or one of its emissaries",
    "XDC": "Southern African Development Community",
    "XXA": "Stateless person (1954 Convention, art. 1)",
    "XXB": "Refugee (1951 Convention, art. 1, as amended by the 1967 Protocol)",
    "XXC": "Refugee, other than as defined under XXB",
    "XXX": "Person of unspecified nationality",
    "UTO": "Utopia (specimen state)",
}

_ISO_NAMES: dict[str, str] = {
    str(country.alpha_3): str(getattr(country, "common_name", country.name))
    for country in pycountry.countries
}

ICAO_COUNTRY_CODES: frozenset[str] = frozenset(_ISO_NAMES) | frozenset(ICAO_EXTRA_CODES)


def normalise_country_code(code: str) -> str:
    """The code as the tables hold it: upper case, without filler or spaces (``D<<`` → ``D``)."""
    return code.strip().strip("<").upper()


def is_icao_country(code: str) -> bool:
    """True if `code` is an ICAO Doc 9303 three-letter code (or Germany's ``D``)."""
    return normalise_country_code(code) in ICAO_COUNTRY_CODES


def country_name(code: str) -> str | None:
    """English name of the state, organisation or status `code` stands for; None if unknown."""
    key = normalise_country_code(code)
    return ICAO_EXTRA_CODES.get(key) or _ISO_NAMES.get(key)
