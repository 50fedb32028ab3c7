"""Synthetic persons: names from the corpus, birth dates, passports, and names as written.

A person's name is rendered in the script the recording state uses: the person's own native
script, Russian Cyrillic, or the Latin of their passport. Patronymics follow each nation's
custom (…ович/…овна, Uzbek oʻgʻli/qizi, Kyrgyz уулу/кызы, Kazakh -ұлы/-қызы, Azerbaijani
oğlu/qızı). A renewed passport brings a new number and, for some, another Latin spelling or a
de-Russified Tajik surname (Раҳмонов → Раҳмон or Раҳмонзода, as many did after 2007).
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect_right
from dataclasses import dataclass

from rmis.synth.corpus import NameGroup, WrittenName, load_name_group

NATIVE, RUSSIAN, PASSPORT = 0, 1, 2
PASSPORT_YEARS_DAYS = 3652  # ten years, the validity of the region's passports
DERUSSIFIED_SHARE = 0.08
TRANSLITERATION_CHANGE_SHARE = 0.3
KAZAKH_LATIN_SHARE = 0.35

PATRONYMIC_STYLES: dict[str, tuple[tuple[str, float], ...]] = {
    "TJK": (("ovich", 0.65), ("none", 1.0)),
    "UZB": (("ugli", 0.55), ("ovich", 1.0)),
    "KGZ": (("uulu", 0.35), ("ovich", 1.0)),
    "KAZ": (("uly", 0.40), ("ovich", 1.0)),
    "AZE": (("ogly", 0.75), ("ovich", 1.0)),
}

# style: (male, female, joined to the father's name?) for each way of writing
_NATIVE_SUFFIXES: dict[tuple[str, str], tuple[str, str, bool]] = {
    ("UZB", "ugli"): (" oʻgʻli", " qizi", False),
    ("KGZ", "uulu"): (" уулу", " кызы", False),
    ("KAZ", "uly"): ("ұлы", "қызы", True),
    ("AZE", "ogly"): (" oğlu", " qızı", False),
}
_RUSSIAN_SUFFIXES: dict[str, tuple[str, str]] = {
    "ugli": (" угли", " кизи"),
    "uulu": (" уулу", " кызы"),
    "uly": ("улы", "кызы"),
    "ogly": (" оглы", " кызы"),
}
_LATIN_SUFFIXES: dict[str, tuple[str, str]] = {
    "ugli": (" UGLI", " QIZI"),
    "uulu": (" UULU", " KYZY"),
    "uly": ("ULY", "KYZY"),
    "ogly": (" OGLU", " QIZI"),
}
_CYRILLIC_VOWELS = frozenset("аеёиоуыэюяӣӯә")
_LATIN_VOWELS = frozenset("aeiouyıəAEIOUY")
_LATIN_SCRIPT_NATIONS = frozenset({"UZB", "AZE"})


def join_ovich(father: str, male: bool, latin: bool = False) -> str:
    """A Russian-style patronymic: Джамшед → Джамшедович, Абдулло → Абдуллоевич."""
    last = father[-1]
    if latin:
        upper = father.isupper()
        soft = last in _LATIN_VOWELS
        suffix = ("evich" if male else "evna") if soft else ("ovich" if male else "ovna")
        if soft and not upper:
            suffix = "y" + suffix
        return father + (suffix.upper() if upper else suffix)
    if last in "йь":
        return father[:-1] + ("евич" if male else "евна")
    if last in _CYRILLIC_VOWELS:
        return father + ("евич" if male else "евна")
    return father + ("ович" if male else "овна")


def write_patronymic(
    nationality: str, style: str, father: WrittenName, male: bool, script: int
) -> str:
    """The patronymic as a registry writing in `script` writes it ('' when there is none)."""
    if style == "none":
        return ""
    if script == PASSPORT:
        if style == "ovich":
            return join_ovich(father.passport, male, latin=True)
        return father.passport + _LATIN_SUFFIXES[style][0 if male else 1]
    if script == RUSSIAN:
        if style == "ovich":
            return join_ovich(father.russian, male)
        return father.russian + _RUSSIAN_SUFFIXES[style][0 if male else 1]
    if style == "ovich":
        return join_ovich(father.native, male, latin=nationality in _LATIN_SCRIPT_NATIONS)
    masculine, feminine, _ = _NATIVE_SUFFIXES[(nationality, style)]
    return father.native + (masculine if male else feminine)


def derussify(surname: WrittenName, zoda: bool) -> WrittenName:
    """The surname without its Russian ending (Раҳмонов, Раҳмонова → Раҳмон), or with -зода
    instead; the result is the same for men and women."""

    def cut(text: str, tail: str) -> str:
        stem = text[:-3] if text[-1] in "аA" else text[:-2]
        return stem + tail if zoda else stem

    return WrittenName(
        cut(surname.native, "зода"),
        cut(surname.russian, "зода"),
        cut(surname.passport, "ZODA"),
        cut(surname.passport_alt, "ZODA"),
        invariable=True,
    )


def can_derussify(nationality: str, surname: WrittenName) -> bool:
    """Tajik surnames ending in -ов/-ев (-ова/-ева) can lose the ending."""
    endings = ("ов", "ев", "ова", "ева")
    return nationality == "TJK" and not surname.invariable and surname.russian.endswith(endings)


@dataclass(frozen=True, slots=True)
class Passport:
    """One passport of a person: valid from `valid_from` (an ordinal) until `expiry`."""

    valid_from: int
    number: str
    expiry: str
    alt_latin: bool
    derussified: bool


class PassportOffice:
    """Issues unique, random-looking document numbers in each state's format."""

    _SERIES: dict[str, tuple[tuple[str, int, float], ...]] = {
        "TJK": (("4", 8, 1.0),),
        "UZB": (("FA", 7, 0.6), ("FB", 7, 0.85), ("FK", 7, 1.0)),
        "KGZ": (("AC", 7, 0.45), ("AN", 7, 0.75), ("ID", 7, 1.0)),
        "KAZ": (("N", 8, 1.0),),
        "AZE": (("C", 8, 1.0),),
    }
    _MULTIPLIER = 7_654_321  # coprime with every power of ten: a permutation of the numbers

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.issued: dict[str, int] = {}
        self.shifts: dict[str, int] = {}

    def issue(self, nationality: str, rng: random.Random) -> str:
        """A new document number, never issued before by this office."""
        series = self._SERIES.get(nationality, (("", 9, 1.0),))
        u = rng.random()
        prefix, digits = series[-1][:2]
        for candidate, length, cum in series:
            if u < cum:
                prefix, digits = candidate, length
                break
        key = nationality + prefix
        count = self.issued.get(key, 0)
        self.issued[key] = count + 1
        modulus = 10**digits
        shift = self.shifts.get(key)
        if shift is None:
            shift = self.shifts[key] = random.Random(f"{key}-{self.seed}").randrange(modulus)
        scrambled = (count * self._MULTIPLIER + shift) % modulus
        return f"{prefix}{scrambled:0{digits}d}"


class Person:
    """One synthetic traveller, with the passports they hold during the period."""

    __slots__ = (
        "person_id",
        "nationality",
        "sex",
        "birth_date",
        "surname",
        "given",
        "father",
        "style",
        "passports",
        "derussified",
        "resident",
        "routes",
        "_written",
    )

    def __init__(
        self,
        person_id: str,
        nationality: str,
        sex: str,
        birth_date: str,
        names: tuple[WrittenName, WrittenName, WrittenName],
        style: str,
    ) -> None:
        self.person_id = person_id
        self.nationality = nationality
        self.sex = sex
        self.birth_date = birth_date
        self.surname, self.given, self.father = names
        self.style = style
        self.passports: list[Passport] = []
        self.derussified: WrittenName | None = None
        self.resident = False
        self.routes: dict[tuple[str, str], int] = {}
        self._written: dict[tuple[int, int], tuple[str, str, str]] = {}

    def passport_on(self, ordinal: int) -> int:
        """Index of the passport held on a day."""
        if len(self.passports) > 1 and ordinal >= self.passports[1].valid_from:
            return 1
        return 0

    def written_name(self, script: int, passport: int) -> tuple[str, str, str]:
        """(surname, given name, patronymic) as written in `script` under a passport."""
        key = (script, passport)
        found = self._written.get(key)
        if found is None:
            found = self._write_name(script, self.passports[passport])
            self._written[key] = found
        return found

    def _write_name(self, script: int, passport: Passport) -> tuple[str, str, str]:
        surname = self.derussified if passport.derussified and self.derussified else self.surname
        male = self.sex == "M"
        patronymic = write_patronymic(self.nationality, self.style, self.father, male, script)
        if script == PASSPORT:
            patronymic = ""
            if passport.alt_latin:
                return surname.passport_alt, self.given.passport_alt, patronymic
            return surname.passport, self.given.passport, patronymic
        if script == RUSSIAN:
            return surname.russian, self.given.russian, patronymic
        return surname.native, self.given.native, patronymic

    def canonical_row(self) -> tuple[str, str, str, str, str, str, str]:
        """The persons.csv row: names in the passport's standard Latin, first surname."""
        male = self.sex == "M"
        patronymic = write_patronymic(self.nationality, self.style, self.father, male, PASSPORT)
        return (
            self.person_id,
            self.nationality,
            self.sex,
            self.birth_date,
            self.surname.passport,
            self.given.passport,
            patronymic,
        )


def _pick(weights: tuple[float, ...], rng: random.Random) -> int:
    return bisect_right(weights, rng.random() * weights[-1])


def choose_names(
    group: NameGroup, sex: str, rng: random.Random
) -> tuple[WrittenName, WrittenName, WrittenName]:
    """(surname in the person's gender, given name, father's given name)."""
    surname = group.surnames[_pick(group.surname_weights, rng)]
    if sex == "F":
        surname = surname.feminine()
        given = group.female[_pick(group.female_weights, rng)]
    else:
        given = group.male[_pick(group.male_weights, rng)]
    father = group.male[_pick(group.male_weights, rng)]
    return surname, given, father


def choose_style(nationality: str, rng: random.Random) -> str:
    """How the person's patronymic is formed (or 'none')."""
    u = rng.random()
    styles = PATRONYMIC_STYLES[nationality]
    for style, cum in styles:
        if u < cum:
            return style
    return styles[-1][0]


@dataclass(frozen=True, slots=True)
class Period:
    """The first and last day (ordinals) of the generated years."""

    first: int
    last: int


def create_person(
    person_id: str,
    nationality: str,
    sex: str,
    age: int,
    period: Period,
    office: PassportOffice,
    rng: random.Random,
) -> Person:
    """A person `age` years old at the start of the period, with their passports."""
    birth = period.first - age * 365 - int(rng.random() * 365)
    names = choose_names(load_name_group(nationality), sex, rng)
    person = Person(
        person_id,
        nationality,
        sex,
        dt.date.fromordinal(birth).isoformat(),
        names,
        choose_style(nationality, rng),
    )
    issue_passports(person, period, office, rng)
    return person


def issue_passports(
    person: Person, period: Period, office: PassportOffice, rng: random.Random
) -> None:
    """The passport held at the start, and its successor if it is renewed in the period."""
    issued = period.first - 30 - int(rng.random() * (PASSPORT_YEARS_DAYS - 60))
    expiry = issued + PASSPORT_YEARS_DAYS - 1
    renewal: int | None = None
    if expiry <= period.last:
        renewal = max(period.first + 1, expiry - int(rng.random() * 120))
    derussify_now = can_derussify(person.nationality, person.surname) and (
        rng.random() < DERUSSIFIED_SHARE
    )
    if derussify_now:
        person.derussified = derussify(person.surname, zoda=rng.random() < 0.6)
        if renewal is None:
            renewal = (
                period.first + 60 + int(rng.random() * max(1, period.last - period.first - 120))
            )
    alt_first = renewal is not None and rng.random() < TRANSLITERATION_CHANGE_SHARE
    number = office.issue(person.nationality, rng)
    person.passports.append(Passport(issued, number, _iso(expiry), alt_first, False))
    if renewal is not None:
        number = office.issue(person.nationality, rng)
        until = _iso(renewal + PASSPORT_YEARS_DAYS - 1)
        person.passports.append(Passport(renewal, number, until, False, derussify_now))


def _iso(ordinal: int) -> str:
    return dt.date.fromordinal(ordinal).isoformat()


def script_for(authority: str, nationality: str, u: float) -> int:
    """The script `authority` writes a `nationality` citizen's name in (u: a uniform draw)."""
    if authority == nationality:
        return NATIVE
    if authority in ("RUS", "TJK", "KGZ"):
        return RUSSIAN
    if authority == "KAZ":
        return PASSPORT if u < KAZAKH_LATIN_SHARE else RUSSIAN
    return PASSPORT
