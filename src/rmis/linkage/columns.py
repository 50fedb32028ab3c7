"""The columns linkage compares, derived from a person record with `rmis.names`.

A person record keeps its names as written, in any script; linkage compares the forms derived
here: canonical Latin forms, surname stems (with and without the Russian ending), sound keys,
order-free keys (so a record with surname and given name swapped meets its person), the
surname's first letters (so a surname with a typo meets its person), the birth date in parts,
and the document number folded through OCR confusions, with its two halves (a number with one
typo keeps one half intact). Pure; no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from functools import lru_cache
from typing import Final

from rmis.names import canonical_form, patronymic_root, phonetic_key, split_patronymic, surname_stem

# The person-record contract (ARCHITECTURE.md): the columns `rmis link` reads.
PERSON_RECORD_COLUMNS: Final = (
    "record_id", "source", "surname", "given_name", "patronymic", "sex", "birth_date",
    "nationality", "document_number",
)  # fmt: skip

# The identity of a record: two records equal on these are one identity, linked as one.
IDENTITY_COLUMNS: Final = PERSON_RECORD_COLUMNS[2:]

DERIVED_COLUMNS: Final = (
    "surname_canon", "given_canon", "father", "surname_stem", "given_stem", "surname_sound",
    "given_sound", "name_stems", "name_sounds", "surname_head", "birth_date", "birth_year",
    "birth_month", "birth_day", "birth_swapped", "sex", "nationality", "document",
    "document_folded", "document_head", "document_tail", "stems_no_birth", "address_tokens",
    "address_key",
)  # fmt: skip

# Letters and digits OCR and clerks confuse, folded to one symbol (as screening folds them).
_OCR_FOLDS: Final = str.maketrans("OQDILBSZG", "000118526", " -/.<")
_SEPARATORS: Final = str.maketrans("", "", " -/.<")
# Letters of a surname that make its blocking head, and of each half of a document number; a
# number shorter than this has no halves (too few characters to tell people apart).
_SURNAME_HEAD: Final = 2
_DOCUMENT_HALF: Final = 4
_SHORTEST_HALVED: Final = 6

Derived = dict[str, str | list[str] | None]


def identity_key(record: Mapping[str, str]) -> str:
    """A stable key of the record's identity fields: equal for records written identically."""
    text = "\x1f".join((record.get(c) or "").strip() for c in IDENTITY_COLUMNS)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def derive_columns(record: Mapping[str, str]) -> Derived:
    """The comparison columns of one person record; None where the record says nothing."""
    given, patronymic = record.get("given_name") or "", record.get("patronymic") or ""
    if not patronymic:
        given, patronymic = split_patronymic(given)
    surname = record.get("surname") or ""
    out: Derived = {
        **_name_columns(surname, given),
        "father": _none(patronymic_root(patronymic)),
        **birth_columns(record.get("birth_date") or ""),
        "sex": (record.get("sex") or "") if record.get("sex") in ("M", "F") else None,
        "nationality": _none((record.get("nationality") or "").strip().upper()),
        **document_columns(record.get("document_number") or ""),
        "address_tokens": address_tokens(record.get("address") or ""),
        "address_key": address_key(record.get("address") or ""),
    }
    # A record without a birth year can only meet its person through its names or document.
    out["stems_no_birth"] = out["name_stems"] if out["birth_year"] is None else None
    return out


def address_key(text: str) -> str | None:
    """The address's longest number (its postcode, usually): a blocking key."""
    numbers = [w for w in text.split() if w.isdigit()]
    return max(numbers, key=len) if numbers else None


def address_tokens(text: str) -> list[str] | None:
    """The distinct words of an address (an optional column beside the person record)."""
    words = sorted({w for w in canonical_form(text).split() if len(w) > 1})
    words += sorted({w for w in text.split() if w.isdigit()})
    return words or None


# Names and birth dates repeat across records: each distinct one is derived once.
@lru_cache(maxsize=1 << 18)
def _name_columns(surname: str, given: str) -> Derived:
    first = (canonical_form(given).split() or [""])[0]
    family_stem, given_stem = surname_stem(surname), surname_stem(first)
    family_sound, given_sound = phonetic_key(family_stem), phonetic_key(given_stem)
    return {
        "surname_canon": _none(canonical_form(surname)),
        "given_canon": _none(canonical_form(given)),
        "surname_stem": _none(family_stem),
        "given_stem": _none(given_stem),
        "surname_sound": _none(family_sound),
        "given_sound": _none(given_sound),
        "name_stems": _order_free(family_stem, given_stem),
        "name_sounds": _order_free(family_sound, given_sound),
        "surname_head": _none(canonical_form(surname).replace(" ", "")[:_SURNAME_HEAD]),
    }


def _order_free(left: str, right: str) -> str | None:
    """The two parts sorted and joined: equal whichever field a record wrote each part in."""
    if not left and not right:
        return None
    low, high = sorted((left, right))
    return f"{low}|{high}"


@lru_cache(maxsize=1 << 16)
def birth_columns(text: str) -> Derived:
    """Year, month and day of a possibly partial ISO date, and the date with day and month
    swapped (when that is a plausible date), each None when unknown.
    """
    parts = text.strip().split("-")
    year = parts[0] if parts and len(parts[0]) == 4 and parts[0].isdigit() else ""
    month = parts[1] if year and len(parts) > 1 and _in_range(parts[1], 12) else ""
    day = parts[2] if month and len(parts) > 2 and _in_range(parts[2], 31) else ""
    swapped = f"{year}-{day}-{month}" if day and int(day) <= 12 and day != month else ""
    date = "-".join(p for p in (year, month, day) if p)
    return {
        "birth_date": _none(date),
        "birth_year": _none(year),
        "birth_month": _none(month),
        "birth_day": _none(day),
        "birth_swapped": _none(swapped),
    }


def _in_range(text: str, top: int) -> bool:
    return len(text) == 2 and text.isdigit() and 1 <= int(text) <= top


def document_columns(number: str) -> Derived:
    """The number with separators dropped, folded through OCR confusions, and the folded
    number's first and last characters (`document_halves`).
    """
    plain = number.upper().translate(_SEPARATORS)
    folded = plain.translate(_OCR_FOLDS)
    head, tail = document_halves(folded)
    return {
        "document": _none(plain),
        "document_folded": _none(folded),
        "document_head": _none(head),
        "document_tail": _none(tail),
    }


def document_halves(folded: str) -> tuple[str, str]:
    """The first and the last characters of a number (four of each from eight characters,
    three below), never overlapping: a number with one typo (a character changed, or two
    swapped but for the two middle ones of an even length) keeps one of them, and so does
    one with a character added or dropped unless that takes it across eight characters (the
    tail counts from the end). Empty for a number too short to halve.
    """
    if len(folded) < _SHORTEST_HALVED:
        return "", ""
    half = min(_DOCUMENT_HALF, len(folded) // 2)
    return folded[:half], folded[-half:]


def _none(text: str) -> str | None:
    return text or None
