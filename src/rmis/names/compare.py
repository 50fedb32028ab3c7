"""Comparison of two person names written in any script or transliteration."""

from dataclasses import dataclass
from typing import Final

from rapidfuzz import fuzz

from rmis.names.keys import canonical_form, phonetic_key, surname_stem
from rmis.names.patronymic import patronymic_root, split_patronymic


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name as a record gives it; any script, fields possibly swapped or incomplete."""

    surname: str
    given_name: str
    patronymic: str = ""


@dataclass(frozen=True, slots=True)
class NameComparison:
    """How far two names agree (0..1) and which features agreed or differed."""

    score: float
    explanation: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NameCompareConfig:
    """Weights of the name comparison; the defaults were set on the cases in tests/names."""

    surname_weight: float = 0.55
    swap_factor: float = 0.97  # a swapped record is common, but an exact match is better
    one_field_factor: float = 0.8  # only one of surname/given name on both sides
    fields_ignored_factor: float = 0.9  # words agree but not field by field
    patronymic_mismatch_factor: float = 0.8
    fuzzy_ceiling: float = 0.7  # a spelling difference no rule explains is never a full match


DEFAULT_CONFIG: Final = NameCompareConfig()


@dataclass(frozen=True, slots=True)
class _Part:
    """One name field in every form the comparison looks at."""

    canonical: str
    stem: str
    sound: str

    @classmethod
    def of(cls, text: str) -> "_Part":
        return cls(canonical_form(text), surname_stem(text), phonetic_key(text))


@dataclass(frozen=True, slots=True)
class _Prepared:
    surname: _Part
    given: _Part
    father: str
    words: str

    @classmethod
    def of(cls, name: PersonName) -> "_Prepared":
        given, patronymic = name.given_name, name.patronymic
        if not patronymic:
            given, patronymic = split_patronymic(given)
        surname, given_part = _Part.of(name.surname), _Part.of(given)
        words = " ".join(sorted(f"{surname.canonical} {given_part.canonical}".split()))
        return cls(surname, given_part, patronymic_root(patronymic), words)


def compare_names(
    query: PersonName, candidate: PersonName, config: NameCompareConfig = DEFAULT_CONFIG
) -> NameComparison:
    """Measure how well two names agree as spellings of one name, across scripts, passport
    transliterations of any period, de-Russified surnames, swapped fields and patronymics.

    1.0 means equal canonical forms; a score says nothing about whether two people sharing a
    common name are one person: birth date and document must carry that decision.
    """
    left, right = _Prepared.of(query), _Prepared.of(candidate)
    score, notes = _score_fields(left, right, config)
    swapped, swap_notes = _score_fields(left, _swap(right), config)
    if swapped * config.swap_factor > score:
        score, notes = swapped * config.swap_factor, ("given names swapped", *swap_notes)
    if left.words and right.words:
        words = _scale_fuzzy(_fuzzy(left.words, right.words), config)
        if words * config.fields_ignored_factor > score:
            score, notes = words * config.fields_ignored_factor, ("same words in other fields",)
    score, patronymic_note = _weigh_patronymic(score, left.father, right.father, config)
    return NameComparison(round(score, 4), (*notes, patronymic_note))


def _swap(name: _Prepared) -> _Prepared:
    return _Prepared(name.given, name.surname, name.father, name.words)


def _score_fields(
    left: _Prepared, right: _Prepared, config: NameCompareConfig
) -> tuple[float, tuple[str, ...]]:
    surname = _score_part(left.surname, right.surname, "surname", config)
    given = _score_part(left.given, right.given, "given name", config)
    if surname is None and given is None:
        return 0.0, ("nothing to compare",)
    if surname is None or given is None:
        score, note = surname or given or (0.0, "")
        missing = "given name missing" if given is None else "surname missing"
        return score * config.one_field_factor, (note, missing)
    weight = config.surname_weight
    return weight * surname[0] + (1 - weight) * given[0], (surname[1], given[1])


def _score_part(
    left: _Part, right: _Part, field: str, config: NameCompareConfig
) -> tuple[float, str] | None:
    """Score one field: rule-explained agreement first, plain edit similarity last."""
    if not left.canonical or not right.canonical:
        return None
    if left.canonical == right.canonical:
        return 1.0, f"{field} canonical equal"
    if left.stem == right.stem:
        return 0.95, f"{field} stem equal" + (" (de-Russified)" if field == "surname" else "")
    if left.sound == right.sound:
        return 0.85, f"{field} sounds alike"
    if min(len(left.canonical), len(right.canonical)) == 1:
        agrees = left.canonical[0] == right.canonical[0]
        return (0.8, f"{field} initial agrees") if agrees else (0.0, f"{field} initial differs")
    similarity = max(_fuzzy(left.canonical, right.canonical), _fuzzy(left.stem, right.stem))
    return _scale_fuzzy(similarity, config), f"{field} similar ({similarity:.2f})"


def _scale_fuzzy(similarity: float, config: NameCompareConfig) -> float:
    """Map edit similarity to a score: 1 stays 1; below half the letters in common two names
    are unrelated (0); in between, scale into the ceiling no spelling rule vouched for.
    """
    if similarity >= 1.0:
        return 1.0
    return config.fuzzy_ceiling * max(0.0, 2 * similarity - 1)


def _fuzzy(left: str, right: str) -> float:
    """Edit similarity 0..1, also with spaces removed (Abdu Rahmon, Abdurahmon)."""
    spaced = fuzz.ratio(left, right)
    joined = fuzz.ratio(left.replace(" ", ""), right.replace(" ", ""))
    return max(spaced, joined) / 100


def _weigh_patronymic(
    score: float, left: str, right: str, config: NameCompareConfig
) -> tuple[float, str]:
    if not left and not right:
        return score, "no patronymic on either side"
    if not left or not right:
        return score, "patronymic ignored (missing on one side)"
    if left == right:
        return score, "patronymic father's name equal"
    if _fuzzy(left, right) >= 0.8:
        return score, "patronymic father's name similar"
    return score * config.patronymic_mismatch_factor, "patronymic differs"
