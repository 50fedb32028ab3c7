"""The ICAO Doc 9303 code table: ISO 3166-1 alpha-3 plus the ICAO extras."""

from __future__ import annotations

import pytest

from rmis.documents import ICAO_COUNTRY_CODES, country_name, is_icao_country


@pytest.mark.parametrize(
    "code",
    ["RUS", "TJK", "UZB", "KGZ", "KAZ", "AZE", "BLR", "ARM", "TKM", "DEU"]
    + ["D", "D<<", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK"]
    + ["XXA", "XXB", "XXC", "XXX", "RKS", "EUE", "UTO", "XOM", "XPO", "XCC", "XBA", "XIM"],
)
def test_known_codes(code: str) -> None:
    assert is_icao_country(code)
    assert country_name(code)


@pytest.mark.parametrize("code", ["ZIM", "ZZZ", "", "<<<", "SUN", "XKX", "RU"])
def test_unknown_codes(code: str) -> None:
    assert not is_icao_country(code)
    assert country_name(code) is None


def test_names() -> None:
    assert country_name("D<<") == "Germany"
    assert country_name("tjk") == "Tajikistan"
    assert country_name("UTO") == "Utopia (specimen state)"
    assert "Stateless" in (country_name("XXA") or "")


def test_the_table_is_iso_plus_extras_and_all_codes_are_mrz_shaped() -> None:
    assert len(ICAO_COUNTRY_CODES) > 270
    assert all(
        code.isalpha() and code.isupper() and len(code) in (1, 3) for code in ICAO_COUNTRY_CODES
    )
