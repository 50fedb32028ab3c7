"""The CSV contracts of `rmis link`: person records in, persons and pairs out."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Final, TextIO

from rmis.errors import ValidationFailed
from rmis.linkage import PERSON_RECORD_COLUMNS
from rmis.linking.records import LinkOutcome

CLUSTER_COLUMNS: Final = ("record_id", "person_id")
PAIR_COLUMNS: Final = ("record_id_l", "record_id_r", "match_probability", "link_class")
OPTIONAL_COLUMNS: Final = ("address",)


def read_records(path: Path) -> Iterator[dict[str, str]]:
    """Person records of a CSV file with the person-record header (values stripped); a
    missing `record_id` column or a repeated record id is an error.
    """
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as e:
        raise ValidationFailed(f"cannot read {path}: {e.strerror}") from e
    with handle:
        reader = csv.DictReader(handle)
        if "record_id" not in (reader.fieldnames or ()):
            raise ValidationFailed(f"{path.name}: no record_id column")
        wanted = (*PERSON_RECORD_COLUMNS, *OPTIONAL_COLUMNS)
        seen: set[str] = set()
        for line, row in enumerate(reader, start=2):
            record = {k: (row.get(k) or "").strip() for k in wanted}
            if record["record_id"] in seen:
                raise ValidationFailed(f"{path.name} line {line}: record_id repeated")
            seen.add(record["record_id"])
            yield record


def write_clusters(stream: TextIO, outcome: LinkOutcome) -> int:
    """`record_id, person_id` for every record; the number of rows."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CLUSTER_COLUMNS)
    for record_id, person_id in outcome.person_of_record.items():
        writer.writerow((record_id, person_id))
    return len(outcome.person_of_record)


def write_pairs(stream: TextIO, outcome: LinkOutcome) -> int:
    """Each link as `record_id_l, record_id_r, match_probability, link_class`, an identity
    named by its first record; the number of rows.
    """
    first = {key: members[0] for key, members in outcome.identities.records_of.items()}
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(PAIR_COLUMNS)
    for link in outcome.links:
        left, right = sorted((first[link.left], first[link.right]))
        writer.writerow((left, right, f"{link.probability:.6f}", link.link_class.value))
    return len(outcome.links)
