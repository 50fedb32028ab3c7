"""Script and national-alphabet detection."""

import pytest

from rmis.names import CyrillicLanguage, Script, detect_cyrillic_language, detect_script


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Раҳмонов Ҷамшед", Script.CYRILLIC),
        ("Рахмонов-Зода", Script.CYRILLIC),
        ("RAKHMONOV DZHAMSHED", Script.LATIN),
        ("Oʻktam Gʻayratov oʻgʻli", Script.LATIN),
        ("Əliyev Həsən", Script.LATIN),
        ("Täçmämmedow", Script.LATIN),
        ("Հովհաննիսյան", Script.ARMENIAN),
        ("TСOI", Script.MIXED),  # a Cyrillic С typed into a Latin name
        ("Ali علي", Script.MIXED),
        ("علي", Script.UNKNOWN),
        ("", Script.UNKNOWN),
        ("12 - '", Script.UNKNOWN),
    ],
)
def test_detect_script(text: str, script: Script) -> None:
    assert detect_script(text) is script


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Раҳмонов Ҷамшед", CyrillicLanguage.TAJIK),
        ("Сафарӣ", CyrillicLanguage.TAJIK),
        ("Ҳасанов", CyrillicLanguage.TAJIK),
        ("Қодиров", CyrillicLanguage.TAJIK),
        ("Өмүрбеков Жеңиш", CyrillicLanguage.KYRGYZ),
        ("Жәнібек", CyrillicLanguage.KAZAKH),
        ("Нұрсұлтан", CyrillicLanguage.KAZAKH),
        ("Қасымов Ерлан Серікұлы", CyrillicLanguage.KAZAKH),
        ("Төлеген Қайрат", CyrillicLanguage.KAZAKH),
        ("Ўктам Қўчқоров", CyrillicLanguage.UZBEK),
        ("Уладзімір Лукашэнка", CyrillicLanguage.BELARUSIAN),
        ("Аляксандр Міхалевіч", CyrillicLanguage.BELARUSIAN),
        ("Євгенія Ґалаґан", CyrillicLanguage.UKRAINIAN),
        ("Віктор Литвин", CyrillicLanguage.UKRAINIAN),
        ("Рахмонов Джамшед Рахимович", CyrillicLanguage.RUSSIAN),
    ],
)
def test_detect_cyrillic_language(text: str, language: CyrillicLanguage) -> None:
    assert detect_cyrillic_language(text) is language


def test_detect_cyrillic_language_without_cyrillic() -> None:
    assert detect_cyrillic_language("RAHMONOV") is None
    assert detect_cyrillic_language("") is None
