"""ICAO Doc 9303 travel documents: reading and writing machine-readable zones."""

from rmis.documents.build import build_mrz
from rmis.documents.checkdigit import check_digit
from rmis.documents.layout import MrzFormat
from rmis.documents.name_field import transliterate
from rmis.documents.parse import parse_mrz
from rmis.documents.reading import MrzCorrection, MrzProblem, MrzReading
from rmis.model.countries import ICAO_COUNTRY_CODES, country_name, is_icao_country

__all__ = [
    "ICAO_COUNTRY_CODES",
    "MrzCorrection",
    "MrzFormat",
    "MrzProblem",
    "MrzReading",
    "build_mrz",
    "check_digit",
    "country_name",
    "is_icao_country",
    "parse_mrz",
    "transliterate",
]
