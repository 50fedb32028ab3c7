"""`rmis link`: the CSV contract (every record a person, pairs with classes)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from typer.testing import CliRunner

from rmis.cli import app

sys.path.insert(0, str(Path(__file__).parent / "linking"))
from test_linking_records import background, hard_pairs  # noqa: E402

COLUMNS = ("record_id", "source", "surname", "given_name", "patronymic", "sex", "birth_date",
           "nationality", "document_number")  # fmt: skip


def test_link_writes_a_person_for_every_record_and_the_pairs(tmp_path: Path) -> None:
    records = [*background(200), *hard_pairs()]
    source = tmp_path / "records.csv"
    with source.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    out, pairs, model = tmp_path / "persons.csv", tmp_path / "pairs.csv", tmp_path / "model.json"
    args = ["link", str(source), "--out", str(out), "--pairs", str(pairs)]
    result = CliRunner().invoke(app, [*args, "--save-model", str(model), "--json"])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as f:
        persons = {row["record_id"]: row["person_id"] for row in csv.DictReader(f)}
    assert set(persons) == {r["record_id"] for r in records}
    assert persons["H1"] == persons["H2"]
    with pairs.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) == {
        "record_id_l",
        "record_id_r",
        "match_probability",
        "link_class",
    }
    again = CliRunner().invoke(app, [*args, "--model", str(model)])
    assert again.exit_code == 0, again.output
