"""The transliteration systems, letter by letter where the standards differ."""

import unicodedata

import pytest

from rmis.names import System, tables, transliterate, transliteration_variants

CASES = [
    # ICAO Doc 9303: Russian foreign passports from about 2014.
    ("icao", "Раҳмонов Ҷамшед", "RAKHMONOV DZHAMSHED"),
    ("icao", "Юсупов Цой", "IUSUPOV TSOI"),
    ("icao", "Щукин Подъячев", "SHCHUKIN PODIEIACHEV"),
    ("icao", "Наталья Ёлкина", "NATALIA ELKINA"),
    ("icao", "Қодиров Ғафуров", "KODIROV GAFUROV"),
    ("icao", "Уладзімір", "ULADZIMIR"),
    ("icao", "Євгенія Ґалаґан", "IEVGENIIA GALAGAN"),
    ("icao", "Əliyev Şükürow", "ALIYEV SHUKUROW"),
    ("icao", "Հակոբյան", "HAKOBYAN"),
    # Russian foreign passports 1997–2010.
    ("ru1997", "Юсупов Цой", "YUSUPOV TSOY"),
    ("ru1997", "Евгений Алексеев", "YEVGENIY ALEKSEYEV"),
    ("ru1997", "Ёлкин Пугачёв", "YELKIN PUGACHEV"),
    ("ru1997", "Наталья Подъячев", "NATALYA PODYACHEV"),
    ("ru1997", "Хайдаров", "KHAYDAROV"),
    # GOST R 52535.1-2006: Russian foreign passports 2010 to about 2014.
    ("gost2006", "Цой Цветков", "TCOI TCVETKOV"),
    ("gost2006", "Юсупов Яковлев", "IUSUPOV IAKOVLEV"),
    # Tajik passports.
    ("tajik_passport", "Раҳмонов Ҷамшед", "RAHMONOV JAMSHED"),
    ("tajik_passport", "Қодиров Ғафуров", "QODIROV GHAFUROV"),
    ("tajik_passport", "Хуршед Ёдгор", "KHURSHED YODGOR"),
    ("tajik_passport", "Ӯроқов Сафарӣ", "UROQOV SAFARI"),
    ("tajik_passport", "Юсуф Яҳё", "YUSUF YAHYO"),
    # Kyrgyz and Kazakh passports.
    ("kyrgyz_passport", "Өмүрбеков Жеңиш", "OMURBEKOV ZHENGISH"),
    ("kazakh_passport", "Жәнібек Нұрсұлтан", "ZHANIBEK NURSULTAN"),
    ("kazakh_passport", "Қайрат Ғалым Һ", "KAIRAT GALYM H"),
    # Official Uzbek Latin and back.
    ("uzbek_latin", "Ўктам Ғайратов", "OʻKTAM GʻAYRATOV"),
    ("uzbek_latin", "Шоҳруҳ Хуршид Жамшид", "SHOHRUH XURSHID JAMSHID"),
    ("uzbek_latin", "Қўчқоров Ёқубов", "QOʻCHQOROV YOQUBOV"),
    ("uzbek_latin", "Ерназар Маъруф", "YERNAZAR MAʼRUF"),
    ("uzbek_cyrillic", "Oʻktam Qoʻchqorov", "ЎКТАМ ҚЎЧҚОРОВ"),
    ("uzbek_cyrillic", "Shohruh Xurshid", "ШОҲРУҲ ХУРШИД"),
    ("uzbek_cyrillic", "Ergash Is'hoq", "ЭРГАШ ИСҲОҚ"),
    # National Latin alphabets in passport ASCII.
    ("latin_ascii", "Əliyev Həsən İlham", "ALIYEV HASAN ILHAM"),
    ("latin_ascii", "Täçmämmedow Şükürow", "TACHMAMMEDOW SHUKUROW"),
    ("latin_ascii", "Žanna Ýazmyradowa Ňurly", "ZHANNA YAZMYRADOWA NURLY"),
    ("latin_ascii", "Oʻktam Gʻayratov", "OKTAM GAYRATOV"),
    ("latin_ascii", "Oğuz Çələbi", "OGUZ CHALABI"),
    # A Russian clerk's Cyrillic.
    ("russian_clerk", "Раҳмонов Ҷамшед", "РАХМОНОВ ДЖАМШЕД"),
    ("russian_clerk", "Қодиров Ғафуров Ӯроқов Сафарӣ", "КОДИРОВ ГАФУРОВ УРОКОВ САФАРИ"),
    ("russian_clerk", "Өмүрбеков Жеңиш Жәнібек", "ОМУРБЕКОВ ЖЕНИШ ЖАНИБЕК"),
    # Passport Latin read back into Russian Cyrillic.
    ("russian_cyrillic", "RAKHMONOV DZHAMSHED", "РАХМОНОВ ДЖАМШЕД"),
    ("russian_cyrillic", "RAHMONOV JAMSHED", "РАХМОНОВ ДЖАМШЕД"),
    ("russian_cyrillic", "IUSUPOV YUSUPOV", "ЮСУПОВ ЮСУПОВ"),
    ("russian_cyrillic", "TSOI TCOI TSOY", "ЦОЙ ЦОЙ ЦОЙ"),
    ("russian_cyrillic", "IAKOV IULIIA MARIA", "ЯКОВ ЮЛИЯ МАРИЯ"),
    ("russian_cyrillic", "EVGENII NIKOLAI", "ЕВГЕНИЙ НИКОЛАЙ"),
    ("russian_cyrillic", "AYBEK RYBAKOV", "АЙБЕК РЫБАКОВ"),
    ("russian_cyrillic", "SHCHUKIN O'KTAM", "ЩУКИН УКТАМ"),
]


@pytest.mark.parametrize(("system", "text", "expected"), CASES)
def test_transliterate(system: str, text: str, expected: str) -> None:
    assert transliterate(text, system) == expected


@pytest.mark.parametrize(
    "word", ["Ўктам", "Шоҳруҳ", "Қўчқоров", "Ғайратов", "Ёқубов", "Хуршид", "Жамшид", "Эргаш"]
)
def test_uzbek_latin_round_trip(word: str) -> None:
    latin = transliterate(word, System.UZBEK_LATIN)
    assert transliterate(latin, System.UZBEK_CYRILLIC) == word.upper()


def test_transliterate_defaults_to_icao() -> None:
    assert transliterate("Юсупов") == "IUSUPOV"


def test_transliterate_rejects_an_unknown_system() -> None:
    with pytest.raises(ValueError):
        transliterate("Юсупов", "pinyin")


def test_variants_cover_the_passport_renewals() -> None:
    assert {"IUSUPOV", "YUSUPOV"} <= transliteration_variants("Юсупов")
    assert {"TSOI", "TCOI", "TSOY"} <= transliteration_variants("Цой")
    assert {"RAKHMONOV", "RAHMONOV"} <= transliteration_variants("Раҳмонов")


CYRILLIC_TO_LATIN = {
    "ICAO_9303": tables.ICAO_9303,
    "RU_1997": tables.RU_1997,
    "GOST_2006": tables.GOST_2006,
    "TAJIK_PASSPORT": tables.TAJIK_PASSPORT,
    "KYRGYZ_PASSPORT": tables.KYRGYZ_PASSPORT,
    "KAZAKH_PASSPORT": tables.KAZAKH_PASSPORT,
    "CANONICAL_CYRILLIC": tables.CANONICAL_CYRILLIC,
}


@pytest.mark.parametrize("name", sorted(CYRILLIC_TO_LATIN))
def test_tables_map_upper_cyrillic_letters_to_upper_ascii(name: str) -> None:
    for letter, latin in CYRILLIC_TO_LATIN[name].items():
        assert "CYRILLIC CAPITAL LETTER" in unicodedata.name(letter), (name, letter)
        assert latin.isascii() and latin == latin.upper(), (name, letter)


def test_tables_cover_every_russian_letter() -> None:
    russian = {chr(code) for code in range(ord("А"), ord("Я") + 1)} | {"Ё"}
    for name, table in CYRILLIC_TO_LATIN.items():
        assert russian <= set(table), name
    assert russian <= set(tables.UZBEK_LATIN) | {"Щ", "Ы"}


def test_canonical_table_covers_every_national_letter() -> None:
    national = set(tables.RUSSIAN_CLERK) | set(tables.TAJIK_PASSPORT)
    assert national <= set(tables.CANONICAL_CYRILLIC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Раҳмонов Ҷамшед", "RAHMONOV JAMSHED"),
        ("Өмүрбеков", "OMURBEKOV"),
        ("Жәнібек", "ZHANIBEK"),
        ("Ўктам", "OʻKTAM"),
        ("Рахмонов Джамшед", "RAKHMONOV DZHAMSHED"),
        ("RAHMONOV", "RAHMONOV"),
    ],
)
def test_national_system_follows_the_alphabet(text: str, expected: str) -> None:
    assert transliterate(text, System.NATIONAL) == expected
