"""A machine-readable zone being read: its characters, problems and corrections so far."""

from __future__ import annotations

from collections.abc import Sequence

from rmis.documents.checkdigit import FILLER, check_digit
from rmis.documents.layout import Span
from rmis.documents.ocr import DIGIT_FOR_LETTER, LETTER_FOR_DIGIT, lookalike_repairs
from rmis.documents.reading import MrzCorrection, MrzProblem, Severity

Position = tuple[int, int]


class Zone:
    """The characters of a zone of fixed layout, with what reading them has found."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.original = tuple(lines)
        self.rows = [list(line) for line in lines]
        self.problems: list[MrzProblem] = []
        self.corrections: list[MrzCorrection] = []

    def text(self, span: Span) -> str:
        return "".join(self.rows[span.line][span.start : span.stop])

    def text_at(self, positions: Sequence[Position]) -> str:
        return "".join(self.rows[line][column] for line, column in positions)

    def report(
        self, field: str, message: str, severity: Severity = "error", suggestion: str | None = None
    ) -> None:
        self.problems.append(MrzProblem(field, message, severity, suggestion))

    def read_digits(self, field: str, span: Span) -> str:
        """The span with letters read as their digit look-alikes (a warning for each field)."""
        return self._read_as(field, span, DIGIT_FOR_LETTER, "digit")

    def read_letters(self, field: str, span: Span) -> str:
        """The span with digits read as their letter look-alikes (a warning for each field)."""
        return self._read_as(field, span, LETTER_FOR_DIGIT, "letter")

    def _read_as(self, field: str, span: Span, table: dict[str, str], kind: str) -> str:
        text = self.text(span)
        if table.keys().isdisjoint(text):  # nothing to read otherwise, as in most zones
            return text
        changed = []
        for line, column in span.positions():
            read = self.rows[line][column]
            if read in table:
                self.rows[line][column] = table[read]
                changed.append(f"{read!r} as {table[read]!r}")
                self.corrections.append(
                    MrzCorrection(field, line, column, read, table[read], in_reading=True)
                )
        if changed:
            message = f"read {', '.join(changed)}: only a {kind} belongs here"
            self.report(field, message, "warning", self.text(span))
        return self.text(span)

    def verify(
        self,
        field: str,
        positions: Sequence[Position],
        check: Span,
        *,
        may_be_empty: bool = False,
        numeric: bool = False,
    ) -> bool:
        """Check the digit at `check` against the characters at `positions`; report if not.

        For a field that may hold letters, look-alike readings that would match are offered.
        """
        value = self.text_at(positions)
        digit = self.read_digits(f"{field}_check", check)
        if may_be_empty and set(value) <= {FILLER} and digit in (FILLER, "0"):
            return True
        if not digit.isdigit():
            self.report(f"{field}_check", f"check digit {digit!r} is not a digit")
            return False
        if check_digit(value) == digit:
            return True
        if numeric:
            self.report(field, f"check digit {digit} does not match {value!r}")
        else:
            self._explain(field, value, digit, positions)
        return False

    def _explain(self, field: str, value: str, digit: str, positions: Sequence[Position]) -> None:
        message = f"check digit {digit} does not match {value.rstrip(FILLER)!r}"
        repairs = lookalike_repairs(value, digit)
        if len(repairs) == 1:
            self._suggest(field, positions, value, repairs[0])
            message += f"; reading look-alike characters gives {repairs[0].rstrip(FILLER)!r}"
            self.report(field, message, suggestion=repairs[0].rstrip(FILLER))
        elif repairs:
            message += f"; {len(repairs)} look-alike readings would match, none is preferred"
            self.report(field, message)
        else:
            self.report(field, message)

    def _suggest(self, field: str, positions: Sequence[Position], old: str, new: str) -> None:
        for (line, column), read, corrected in zip(positions, old, new, strict=True):
            if read != corrected:
                self.corrections.append(
                    MrzCorrection(field, line, column, read, corrected, in_reading=False)
                )

    def suggested_text(self, spans: Sequence[Span]) -> str:
        """The spans with the suggested (not yet read) corrections applied."""
        rows = [list(row) for row in self.rows]
        for fix in self.corrections:
            if not fix.in_reading:
                rows[fix.line][fix.column] = fix.corrected
        return "".join("".join(rows[s.line][s.start : s.stop]) for s in spans)
