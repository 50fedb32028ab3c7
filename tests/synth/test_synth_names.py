"""Names: the corpus's written forms, and each recording state's script in the records."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from rmis.synth import RegionConfig, RegionManifest, write_region
from rmis.synth.corpus import WrittenName, list_nationalities, load_name_group, parse_names
from rmis.synth.identity import derussify, join_ovich, write_patronymic

RUSSIAN = re.compile(r"^[А-ЯЁа-яё]+$")
PASSPORT = re.compile(r"^[A-Z]+$")
NATIVE = {
    "TJK": re.compile(r"^[А-ЯЁа-яёҒғӢӣҚқӮӯҲҳҶҷ]+$"),
    "UZB": re.compile(r"^[A-Za-zʻʼ]+$"),
    "KGZ": re.compile(r"^[А-ЯЁа-яёҢңӨөҮү]+$"),
    "KAZ": re.compile(r"^[А-ЯЁа-яёӘәҒғҚқҢңӨөҰұҮүҺһІі]+$"),
    "AZE": re.compile(r"^[A-Za-zƏəĞğIıİiÖöŞşÜüÇç]+$"),
}
TAJIK_LETTERS = re.compile("[ҒғӢӣҚқӮӯҲҳҶҷ]")
NON_RUSSIAN_CYRILLIC = re.compile("[ҒғӢӣҚқӮӯҲҳҶҷҢңӨөҮүӘәҰұҺһІі]")
CYRILLIC = re.compile("[А-Яа-яЁёҒғӢӣҚқӮӯҲҳҶҷҢңӨөҮүӘәҰұҺһІі]")


@pytest.mark.parametrize("nationality", list_nationalities())
def test_corpus_forms_are_in_their_scripts(nationality: str) -> None:
    group = load_name_group(nationality)
    assert len(group.surnames) >= 60
    assert len(group.male) + len(group.female) >= 60
    for name in (*group.surnames, *group.male, *group.female):
        assert NATIVE[nationality].match(name.native), name
        assert RUSSIAN.match(name.russian), name
        assert PASSPORT.match(name.passport), name
        assert PASSPORT.match(name.passport_alt), name


@pytest.mark.parametrize("nationality", list_nationalities())
def test_corpus_has_no_duplicates(nationality: str) -> None:
    group = load_name_group(nationality)
    for names in (group.surnames, group.male, group.female):
        assert len({n.native for n in names}) == len(names)


def test_forms_as_registries_write_them() -> None:
    tajik = {n.native: n for n in load_name_group("TJK").surnames}
    assert tajik["Раҳмонов"] == WrittenName("Раҳмонов", "Рахмонов", "RAHMONOV", "RAKHMONOV")
    jamshed = load_name_group("TJK").male[0]
    assert (jamshed.russian, jamshed.passport, jamshed.passport_alt) == (
        "Джамшед",
        "JAMSHED",
        "DZHAMSHED",
    )
    uzbek = {n.native: n for n in load_name_group("UZB").surnames}
    assert uzbek["Yusupov"].passport_alt == "IUSUPOV"
    assert load_name_group("AZE").surnames[0].passport == "MAMMADOV"
    assert tajik["Шарифзода"].feminine().native == "Шарифзода"
    assert uzbek["Yusupov"].feminine() == WrittenName("Yusupova", "Юсупова", "YUSUPOVA", "IUSUPOVA")


def test_parse_names_reads_dash_and_invariable_mark() -> None:
    (name,) = parse_names("=Цой Цой TSOI TCOI")
    assert name.invariable and name.passport_alt == "TCOI"
    (name,) = parse_names("Каримов Каримов KARIMOV -")
    assert name.passport_alt == "KARIMOV" and not name.invariable


def test_patronymics_follow_each_custom() -> None:
    tajik = load_name_group("TJK")
    abdullo = next(n for n in tajik.male if n.native == "Абдулло")
    assert join_ovich("Джамшед", male=True) == "Джамшедович"
    assert join_ovich("Абдулло", male=False) == "Абдуллоевна"
    assert join_ovich("Эмиль", male=True) == "Эмилевич"
    assert write_patronymic("TJK", "ovich", abdullo, True, 0) == "Абдуллоевич"
    assert write_patronymic("TJK", "none", abdullo, True, 1) == ""
    rustam = next(n for n in load_name_group("UZB").male if n.native == "Rustam")
    assert write_patronymic("UZB", "ugli", rustam, True, 0) == "Rustam oʻgʻli"
    assert write_patronymic("UZB", "ugli", rustam, False, 1) == "Рустам кизи"
    assert write_patronymic("UZB", "ugli", rustam, True, 2) == "RUSTAM UGLI"


def test_derussified_surnames() -> None:
    rahmonov = load_name_group("TJK").surnames[1]
    assert derussify(rahmonov, zoda=False).native == "Раҳмон"
    assert derussify(rahmonov, zoda=True).passport == "RAHMONZODA"
    assert derussify(rahmonov, zoda=True).russian == "Рахмонзода"
    assert derussify(rahmonov.feminine(), zoda=True) == derussify(rahmonov, zoda=True)
    assert derussify(rahmonov.feminine(), zoda=False).passport_alt == "RAKHMON"


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RegionManifest]:
    out = tmp_path_factory.mktemp("names")
    return out, write_region(out, RegionConfig(persons=3000, seed=2, dirty_share=0.0))


def rows(out: Path, code: str) -> list[dict[str, str]]:
    with (out / "crossings" / f"{code}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def written(row: dict[str, str]) -> str:
    return row["surname"] + row["given_name"] + row["patronymic"]


def test_russia_writes_russian_cyrillic(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    records = rows(out, "RUS")
    for row in records:
        assert not NON_RUSSIAN_CYRILLIC.search(written(row)), row
        assert not re.search("[A-Za-z]", written(row)), row
    with_patronymic = sum(r["patronymic"].endswith(("вич", "вна")) for r in records)
    assert with_patronymic > 0.4 * len(records)


def test_tajikistan_writes_tajik_cyrillic(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    nationals = [r for r in rows(out, "TJK") if r["nationality"] == "TJK"]
    assert all(CYRILLIC.search(r["surname"] + r["given_name"]) for r in nationals)
    tajik = sum(bool(TAJIK_LETTERS.search(written(r))) for r in nationals)
    assert tajik > 0.3 * len(nationals)


def test_uzbekistan_and_azerbaijan_write_latin(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    for code in ("UZB", "AZE"):
        records = rows(out, code)
        assert records
        assert not any(CYRILLIC.search(written(r)) for r in records)
    uzbek = [r for r in rows(out, "UZB") if r["nationality"] == "UZB"]
    assert any("ʻ" in written(r) for r in uzbek)


def test_kyrgyzstan_writes_kyrgyz_cyrillic(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    nationals = [r for r in rows(out, "KGZ") if r["nationality"] == "KGZ"]
    assert all(CYRILLIC.search(r["surname"]) for r in nationals)
    assert any(re.search("[ңөү]", written(r), re.IGNORECASE) for r in nationals)


def test_kazakhstan_writes_cyrillic_or_passport_latin(
    region: tuple[Path, RegionManifest],
) -> None:
    out, _ = region
    foreigners = [r for r in rows(out, "KAZ") if r["nationality"] != "KAZ"]
    latin = sum(bool(PASSPORT.match(r["surname"])) for r in foreigners)
    assert 0.2 * len(foreigners) < latin < 0.5 * len(foreigners)


def test_namesakes_are_common(region: tuple[Path, RegionManifest]) -> None:
    out, _ = region
    with (out / "persons.csv").open(encoding="utf-8", newline="") as handle:
        persons = [p for p in csv.DictReader(handle) if p["nationality"] == "TJK"]
    names = Counter((p["surname"], p["given_name"]) for p in persons if p["sex"] == "M")
    shared = sum(n for n in names.values() if n > 1)
    assert shared > 0.3 * sum(names.values())


def test_variants_appear_at_a_small_rate(region: tuple[Path, RegionManifest]) -> None:
    _, manifest = region
    variants = sum(manifest.variants.values())
    assert {"typo", "swapped-names", "birth-date"} <= set(manifest.variants)
    assert 0.005 * manifest.total_records < variants < 0.03 * manifest.total_records


def test_renewed_passports_change_number_and_sometimes_spelling(
    region: tuple[Path, RegionManifest],
) -> None:
    out, _ = region
    with (out / "truth.csv").open(encoding="utf-8", newline="") as handle:
        owner = {(r["authority"], r["event_id"]): r["person_id"] for r in csv.DictReader(handle)}
    numbers: dict[str, set[str]] = {}
    surnames: dict[str, set[str]] = {}
    for code in ("TJK", "RUS"):
        for row in rows(out, code):
            person = owner[(code, row["event_id"])]
            numbers.setdefault(person, set()).add(row["document_number"])
            if code == "TJK" and row["nationality"] == "TJK":
                surnames.setdefault(person, set()).add(row["surname"])
    assert sum(len(n) > 1 for n in numbers.values()) > 0.02 * len(numbers)
    derussified = [s for s in surnames.values() if any(n.endswith("зода") for n in s)]
    assert any(len(s) > 1 for s in derussified)
