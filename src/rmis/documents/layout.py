"""Where each field sits in the five MRZ formats of ICAO Doc 9303 (Parts 4 to 7)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

MrzFormat = Literal["TD1", "TD2", "TD3", "MRVA", "MRVB"]


@dataclass(frozen=True, slots=True)
class Span:
    """Characters `start` to `stop` (exclusive) of line `line`, all counted from 0."""

    line: int
    start: int
    stop: int

    def positions(self) -> list[tuple[int, int]]:
        return [(self.line, column) for column in range(self.start, self.stop)]


@dataclass(frozen=True, slots=True)
class Layout:
    """The field positions of one MRZ format."""

    format: MrzFormat
    lines: int
    width: int
    document_code: Span
    issuing_state: Span
    name: Span
    document_number: Span
    document_number_check: Span
    nationality: Span
    birth_date: Span
    birth_date_check: Span
    sex: Span
    expiry_date: Span
    expiry_date_check: Span
    optional_data: Span
    optional_data_check: Span | None = None
    optional_data_2: Span | None = None
    composite_check: Span | None = None
    composite: tuple[Span, ...] = ()
    long_number: bool = False
    document_letters: str = ""


def _two_line(fmt: MrzFormat, width: int, optional_stop: int, letters: str) -> Layout:
    """TD2, TD3 and the visas share line 2 up to the optional data (Parts 4, 6, 7)."""
    return Layout(
        format=fmt,
        lines=2,
        width=width,
        document_code=Span(0, 0, 2),
        issuing_state=Span(0, 2, 5),
        name=Span(0, 5, width),
        document_number=Span(1, 0, 9),
        document_number_check=Span(1, 9, 10),
        nationality=Span(1, 10, 13),
        birth_date=Span(1, 13, 19),
        birth_date_check=Span(1, 19, 20),
        sex=Span(1, 20, 21),
        expiry_date=Span(1, 21, 27),
        expiry_date_check=Span(1, 27, 28),
        optional_data=Span(1, 28, optional_stop),
        document_letters=letters,
    )


TD3 = replace(
    _two_line("TD3", 44, 42, "P"),
    optional_data_check=Span(1, 42, 43),
    composite_check=Span(1, 43, 44),
    composite=(Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 43)),
)
TD2 = replace(
    _two_line("TD2", 36, 35, "ACI"),
    composite_check=Span(1, 35, 36),
    composite=(Span(1, 0, 10), Span(1, 13, 20), Span(1, 21, 35)),
    long_number=True,
)
MRVA = _two_line("MRVA", 44, 44, "V")
MRVB = _two_line("MRVB", 36, 36, "V")
TD1 = Layout(
    format="TD1",
    lines=3,
    width=30,
    document_code=Span(0, 0, 2),
    issuing_state=Span(0, 2, 5),
    document_number=Span(0, 5, 14),
    document_number_check=Span(0, 14, 15),
    optional_data=Span(0, 15, 30),
    birth_date=Span(1, 0, 6),
    birth_date_check=Span(1, 6, 7),
    sex=Span(1, 7, 8),
    expiry_date=Span(1, 8, 14),
    expiry_date_check=Span(1, 14, 15),
    nationality=Span(1, 15, 18),
    optional_data_2=Span(1, 18, 29),
    composite_check=Span(1, 29, 30),
    composite=(Span(0, 5, 30), Span(1, 0, 7), Span(1, 8, 15), Span(1, 18, 29)),
    name=Span(2, 0, 30),
    long_number=True,
    document_letters="ACI",
)

LAYOUTS: dict[MrzFormat, Layout] = {layout.format: layout for layout in (TD3, TD1, TD2, MRVA, MRVB)}
"""Every layout, in the order preferred when an input fits two equally badly."""
