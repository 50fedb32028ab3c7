"""Person records (the CSV contract of `rmis screen`) as watchlist entries and queries."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from rmis.model import PERSON_FIELDS, PersonRecord
from rmis.names import PersonName
from rmis.screening import Hit, ScreeningQuery, WatchlistEntry

HIT_COLUMNS = ("query_id", "entry_id", "score", "decision")


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A CSV row that is not a valid person record: its line and what is wrong."""

    line: int
    problems: str


def person_name(record: PersonRecord) -> PersonName:
    return PersonName(record.surname, record.given_name, record.patronymic)


def query_of(record: PersonRecord) -> ScreeningQuery:
    """The person record as a screening query (its record_id is the query id)."""
    return ScreeningQuery(
        record.record_id,
        person_name(record),
        record.birth_date,
        record.sex,
        record.nationality or "",
        record.document_number,
    )


def entries_of(records: Iterable[PersonRecord], listed_by: str = "") -> list[WatchlistEntry]:
    """Watchlist entries from person records; rows sharing a record_id are one entry, each
    further row adding an alias name and a document number.
    """
    grouped: dict[str, list[PersonRecord]] = {}
    for record in records:
        grouped.setdefault(record.record_id, []).append(record)
    return [entry_of(rows, listed_by) for rows in grouped.values()]


def entry_of(rows: list[PersonRecord], listed_by: str = "") -> WatchlistEntry:
    """One entry from the rows of one record_id: the first row's facts, every row's names."""
    first = rows[0]
    names = tuple(dict.fromkeys(person_name(r) for r in rows))
    documents = tuple(dict.fromkeys(r.document_number for r in rows if r.document_number))
    return WatchlistEntry(
        entry_id=first.record_id,
        names=names,
        birth_date=first.birth_date,
        sex=first.sex,
        nationality=first.nationality or "",
        documents=documents,
        list_name=first.source,
        listed_by=listed_by,
    )


def read_person_records(
    path: Path, rejected: list[RejectedRow] | None = None
) -> Iterator[PersonRecord]:
    """The valid person records of a CSV file; invalid rows go to `rejected` with reasons."""
    with path.open(encoding="utf-8", newline="") as f:
        yield from parse_person_records(f, rejected)


def parse_person_records(
    stream: TextIO, rejected: list[RejectedRow] | None = None
) -> Iterator[PersonRecord]:
    """Person records from CSV text with the person-record header."""
    reader = csv.DictReader(stream)
    for line, row in enumerate(reader, start=2):
        fields = {k: v for k, v in row.items() if k in PERSON_FIELDS and v is not None}
        try:
            yield PersonRecord(**fields)
        except ValidationError as e:
            if rejected is not None:
                rejected.append(RejectedRow(line, _problems(e)))


def _problems(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in error.errors())


def hit_row(hit: Hit) -> dict[str, Any]:
    return {
        "query_id": hit.query_id,
        "entry_id": hit.entry_id,
        "score": f"{hit.score:.4f}",
        "decision": hit.decision.value,
    }


def write_hits(stream: TextIO, hits: Iterable[Hit]) -> int:
    """Write hits as `query_id, entry_id, score, decision` rows; the number written."""
    writer = csv.DictWriter(stream, fieldnames=HIT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for hit in hits:
        writer.writerow(hit_row(hit))
        count += 1
    return count
