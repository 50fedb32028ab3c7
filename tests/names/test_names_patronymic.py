"""Patronymics in Russian, Uzbek, Kyrgyz, Kazakh and Azerbaijani practice."""

import pytest

from rmis.names import is_patronymic, patronymic_root, split_patronymic


@pytest.mark.parametrize(
    "word",
    [
        "Рахимович", "Рахимовна", "Сергеевич", "Сергеевна", "Ильинична", "Раҳимович",
        "RAKHIMOVICH", "RAHIMOVNA", "SERGEEVICH", "SERGEYEVNA",
        "ugli", "oʻgʻli", "o'g'li", "OGLI", "ўғли", "угли", "qizi", "ҚИЗИ",
        "uulu", "УУЛУ", "kyzy", "кызы", "ұлы", "қызы",
        "oğlu", "OGLU", "оглы", "qızı", "гызы",
    ],
)  # fmt: skip
def test_is_patronymic(word: str) -> None:
    assert is_patronymic(word)


@pytest.mark.parametrize(
    "word", ["Рахмонов", "Jamshed", "Ovna", "Zoda", "Rahmonzoda", "", "Rahim ugli"]
)
def test_is_not_patronymic(word: str) -> None:
    assert not is_patronymic(word)


@pytest.mark.parametrize(
    ("text", "rest", "patronymic"),
    [
        ("Джамшед Рахимович", "ДЖАМШЕД", "РАХИМОВИЧ"),
        ("Рахмонов Джамшед Рахимович", "РАХМОНОВ ДЖАМШЕД", "РАХИМОВИЧ"),
        ("Jamshed Rustam oʻgʻli", "JAMSHED", "RUSTAM O'G'LI"),
        ("Dilnoza Rustam qizi", "DILNOZA", "RUSTAM QIZI"),
        ("Асанбек уулу Нурлан", "НУРЛАН", "АСАНБЕК УУЛУ"),
        ("Aida Bakyt kyzy", "AIDA", "BAKYT KYZY"),
        ("Əli Hüseyn oğlu", "ƏLI", "HÜSEYN OĞLU"),
        ("Мамедов Али Гусейн оглы", "МАМЕДОВ АЛИ", "ГУСЕЙН ОГЛЫ"),
        ("ugli Jamshed", "JAMSHED", "UGLI"),
        ("Lukashevich Ivan", "LUKASHEVICH IVAN", ""),  # a surname first is not a patronymic
        ("Jamshed", "JAMSHED", ""),
        ("", "", ""),
    ],
)
def test_split_patronymic(text: str, rest: str, patronymic: str) -> None:
    assert split_patronymic(text) == (rest, patronymic)


def test_patronymic_root_is_the_fathers_name_in_any_form() -> None:
    roots = {
        patronymic_root(text)
        for text in ("Rustamovich", "Рустамовна", "RUSTAM O'G'LI", "Рустам угли", "Rustam qizi")
    }
    assert roots == {"RUSTAM"}
    assert patronymic_root("Сергеевич") == patronymic_root("SERGEYEVICH")
    assert patronymic_root("") == ""
