"""Records held back from the registry with the reasons why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from rmis.model.crossing import Problem


class QuarantineStatus(StrEnum):
    HELD = "held"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class QuarantinedRecord:
    """A bad input record as it arrived, where it came from, and every problem found."""

    id: str
    source: str
    line: int
    raw: str
    fields: dict[str, str]
    problems: tuple[Problem, ...]
    status: QuarantineStatus
    received_at: dt.datetime
    resolved_at: dt.datetime | None = None
    resolution: str = ""
