"""Watchlist entries, the hits screening raises, and the parts of a person they compare."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rmis.names import PersonName


class Decision(StrEnum):
    """What a hit asks for: `alert` (confident) or `review` (a person must look)."""

    ALERT = "alert"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class WatchlistEntry:
    """One listed person: names and aliases in any script, what is known of them, and why
    they are listed. `birth_date` may be partial (YYYY or YYYY-MM) or empty.
    """

    entry_id: str
    names: tuple[PersonName, ...]
    birth_date: str = ""
    sex: str = ""
    nationality: str = ""
    documents: tuple[str, ...] = ()
    list_name: str = ""
    reason: str = ""
    listed_by: str = ""
    version: int = 1

    @property
    def primary_name(self) -> PersonName:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class ScreeningQuery:
    """The person being screened, as one source recorded them."""

    query_id: str
    name: PersonName
    birth_date: str = ""
    sex: str = ""
    nationality: str = ""
    document_number: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """A watchlist entry a query may be: score 0..1, the decision, and what agreed."""

    query_id: str
    entry_id: str
    score: float
    decision: Decision
    explanation: tuple[str, ...] = field(default=())
    entry_version: int = 1


@dataclass(frozen=True, slots=True)
class BirthDate:
    """A possibly partial birth date: 0 stands for an unknown year, month or day."""

    year: int
    month: int
    day: int

    @classmethod
    def parse(cls, text: str) -> BirthDate:
        """Read `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; anything else is unknown."""
        parts = text.strip().split("-")
        numbers = [int(p) if p.isdigit() else 0 for p in parts[:3]]
        numbers += [0] * (3 - len(numbers))
        year, month, day = numbers
        if not 1000 <= year <= 9999:
            return UNKNOWN_BIRTH_DATE
        return cls(year, month if 1 <= month <= 12 else 0, day if 1 <= day <= 31 else 0)


UNKNOWN_BIRTH_DATE = BirthDate(0, 0, 0)
