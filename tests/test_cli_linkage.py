"""`rmis link`: the CSV contract (every record a person, pairs with classes)."""

from __future__ import annotations

import csv
import json
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


def test_persons_link_review_and_ingest_links_afterwards(tmp_path: Path) -> None:
    from test_linking_registry import person_crossings

    from conftest import write_csv

    db = ["--authority", "TJK", "--database-url", f"sqlite:///{tmp_path / 'r.sqlite'}"]
    people = person_crossings([*background(), *hard_pairs()], 20_000_000)
    runner = CliRunner()
    first = write_csv(tmp_path / "first.csv", people[:-5])
    result = runner.invoke(app, [*db, "ingest", "crossings", str(first), "--json"])
    assert result.exit_code == 0, result.output
    assert "linked" not in json.loads(result.stdout)  # no model yet: nothing linked
    linked = runner.invoke(app, [*db, "persons", "link", "--json"])
    assert linked.exit_code == 0, linked.output
    run = json.loads(linked.stdout)
    assert run["trained"] and run["records"] == len(people) - 5
    later = write_csv(tmp_path / "later.csv", people[-5:])
    result = runner.invoke(app, [*db, "ingest", "crossings", str(later), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["linked"]["records"] == 5
    h1, h2 = (f"TJK/{people[len(people) - len(hard_pairs()) + n]['event_id']}" for n in (0, 1))
    review = ["persons", "review", h1, h2, "--decision", "green", "--reason", "two people"]
    reviewed = runner.invoke(app, [*db, *review])
    assert reviewed.exit_code == 0, reviewed.output
    assert json.loads(reviewed.stdout)["link_class"] == "green"
    relinked = runner.invoke(app, [*db, "persons", "relink"])
    assert relinked.exit_code == 0, relinked.output
    assert "Full re-link" in relinked.stdout
