"""Streaming readers for crossing files (CSV, JSON lines): each record with its raw text and line.

Files are read line by line in bounded memory; a record that cannot be read (bad encoding, wrong
number of columns, not a JSON object) still comes out, with its problem, to be quarantined.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from rmis.errors import ValidationFailed
from rmis.model import CROSSING_FIELDS, Crossing, Problem

# the columns a file must have: the crossing fields without a default
REQUIRED_COLUMNS = tuple(n for n, f in Crossing.model_fields.items() if f.is_required())
ByteProgress = Callable[[int], None]


@dataclass(slots=True)
class RawRecord:
    """One input record: where it is, its text as read, its fields, and any reading problem."""

    line: int
    raw: str
    fields: dict[str, str]
    problems: list[Problem] = field(default_factory=list)


# (line number, text, the columns in CROSSING_FIELDS order) of a cleanly read CSV line
PlainLine = tuple[int, str, list[str]]


def as_record(line: PlainLine) -> RawRecord:
    """The RawRecord `read_records` gives for the same line."""
    number, text, values = line
    return RawRecord(number, text, dict(zip(CROSSING_FIELDS, values, strict=True)))


def file_format(path: Path) -> str:
    """`csv` or `jsonl`, from the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    raise ValidationFailed(f"{path}: unknown file type {suffix!r} (expected .csv or .jsonl)")


def read_records(path: Path, on_bytes: ByteProgress | None = None) -> Iterator[RawRecord]:
    """Every record of a crossing file, streamed."""
    for item in read_lines(path, on_bytes, plain=False):
        assert isinstance(item, RawRecord)
        yield item


def read_lines(
    path: Path, on_bytes: ByteProgress | None = None, plain: bool = True
) -> Iterator[RawRecord | PlainLine]:
    """Every record of a crossing file, streamed; with `plain`, the lines of a CSV file in the
    standard column order that read cleanly (no quotes, valid UTF-8, every column) come out as
    `PlainLine`s, which is cheaper than a RawRecord, and `as_record` turns into the same one."""
    fmt = file_format(path)
    try:
        handle = path.open("rb")
    except OSError as e:
        raise ValidationFailed(f"cannot read {path}: {e.strerror}") from e
    with handle:
        lines = _DecodedLines(handle, on_bytes or (lambda _n: None))
        yield from (_read_csv(lines, path, plain) if fmt == "csv" else _read_jsonl(lines))


BLOCK = 1 << 20
_UNDECODABLE = re.compile("[\udc80-\udcff]")


class _DecodedLines:
    """The file's lines without their line feeds, read a block at a time; bytes that are not
    UTF-8 come out as lone surrogates. `clean` says that the line just handed out holds none
    (it may say False of a clean line), so that a reader need not search each line for one.

    Blocks are decoded strictly; only a block that is not valid UTF-8 is decoded again, from
    the same state, with the invalid bytes kept as surrogates. A search of the text for them
    costs far more than the decoding.
    """

    def __init__(self, handle: IO[bytes], on_bytes: ByteProgress, block: int = 0) -> None:
        self.handle = handle
        self.on_bytes = on_bytes
        self.block = block or BLOCK
        self.clean = True
        self._strict = codecs.getincrementaldecoder("utf-8")()
        self._lenient = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")

    def _decode(self, block: bytes, final: bool = False) -> tuple[str, bool]:
        state = self._strict.getstate()
        try:
            return self._strict.decode(block, final), True
        except UnicodeDecodeError:
            self._lenient.setstate(state)
            text = self._lenient.decode(block, final)
            self._strict.setstate(self._lenient.getstate())
            return text, False

    def __iter__(self) -> Iterator[str]:
        rest, rest_clean = "", True
        while block := self.handle.read(self.block):
            self.on_bytes(len(block))
            decoded, clean = self._decode(block)
            lines = (rest + decoded).split("\n")
            # the first line ends the rest of the block before
            self.clean = clean and rest_clean
            if len(lines) == 1:
                rest_clean = self.clean
            else:
                rest_clean = clean or _UNDECODABLE.search(lines[-1]) is None
            rest = lines.pop()
            yield from lines
        decoded, _clean = self._decode(b"", final=True)
        rest += decoded
        if rest:
            self.clean = _UNDECODABLE.search(rest) is None
            yield rest


def readable_text(text: str) -> tuple[str, bool]:
    """The text with undecodable bytes shown as U+FFFD, and whether there were none."""
    if _UNDECODABLE.search(text) is None:
        return text, True
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"), False


def _check_header(header: list[str], path: Path) -> list[str]:
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ValidationFailed(
            f"{path}: the header lacks required columns {', '.join(missing)} "
            f"(the crossing format is: {', '.join(CROSSING_FIELDS)})"
        )
    return header


def _read_csv(
    lines: _DecodedLines, path: Path, plain: bool = False
) -> Iterator[RawRecord | PlainLine]:
    each = iter(lines)
    first = next(each, "")
    header = _check_header(next(csv.reader([first])) if first else [], path)
    # a line of a file in the standard column order may come out as a PlainLine
    plain = plain and tuple(header) == CROSSING_FIELDS
    width = len(header)
    number = 1
    for line in each:
        number += 1
        text = line.rstrip("\r")
        if '"' not in text:
            # most rows quote nothing: a plain split reads them exactly, far faster than csv
            if text.strip():
                row = text.split(",")
                if (
                    plain
                    and len(row) == width
                    and (lines.clean or _UNDECODABLE.search(text) is None)
                ):
                    yield number, text, row
                else:
                    yield _csv_record(number, text, row, header)
            continue
        taken = [line + "\n"]
        row = next(csv.reader(_continued(taken[0], each, taken)), [])
        yield _csv_record(number, "".join(taken).rstrip("\r\n"), row, header)
        number += len(taken) - 1


def _continued(first: str, lines: Iterator[str], taken: list[str]) -> Iterator[str]:
    """The first line, then as many more (line feeds put back) as a quoted field spanning
    lines needs."""
    yield first
    for line in lines:
        taken.append(line + "\n")
        yield taken[-1]


def _csv_record(line: int, raw: str, row: list[str], header: list[str]) -> RawRecord:
    raw, readable = readable_text(raw)
    if not readable:
        row = [readable_text(v)[0] for v in row]
    record = RawRecord(line, raw, dict(zip(header, row, strict=False)))
    if len(row) != len(header):
        record.problems.append(
            Problem("record", f"{len(row)} columns where the header has {len(header)}")
        )
    if not readable:
        record.problems.append(Problem("record", "not valid UTF-8 text"))
    return record


def _read_jsonl(lines: Iterable[str]) -> Iterator[RawRecord]:
    for number, line in enumerate(lines, 1):
        text, readable = readable_text(line.rstrip("\r"))
        if not text.strip():
            continue
        yield json_record(number, text, readable)


def json_record(number: int, text: str, readable: bool = True) -> RawRecord:
    """A JSON text as a record: its object's values as strings, or the reason it is none."""
    try:
        value: Any = json.loads(text)
    except json.JSONDecodeError as e:
        return RawRecord(number, text, {}, [Problem("record", f"not JSON: {e.msg}")])
    record = fields_record(number, text, value)
    if not readable:
        record.problems.append(Problem("record", "not valid UTF-8 text"))
    return record


def fields_record(number: int, text: str, value: Any) -> RawRecord:
    """A decoded JSON value as a record (API bodies come this way)."""
    if not isinstance(value, dict):
        return RawRecord(number, text, {}, [Problem("record", "not a JSON object")])
    return RawRecord(number, text, {str(k): _as_text(v) for k, v in value.items()})


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
