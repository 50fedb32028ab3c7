"""`rmis screen` on files alone, and `rmis watchlist` against the node's registry."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from rmis.cli import app

HEADER = "record_id,source,surname,given_name,patronymic,sex,birth_date,nationality,document_number"
WATCHLIST = f"""{HEADER}
WL-1,ATC,Раҳмонов,Ҷамшед,,M,1990-01-02,TJK,401234567
WL-1,ATC,Rahmon,Jamshed,,M,1990-01-02,TJK,
WL-2,ATC,Юсупова,Гульнора,,F,1985,UZB,
"""
QUERIES = f"""{HEADER}
Q1,RUS,РАХМОНОВ,ДЖАМШЕД,Рахимович,M,1990-01-02,TJK,
Q2,RUS,Рахмонов,Джамшед,,M,1979-05-06,TJK,
Q3,KAZ,IUSUPOVA,GULNORA,,F,1985-03-04,UZB,FA1234567
Q4,RUS,,nobody,,M,1990,TJK,
"""


def _files(tmp_path: Path) -> tuple[Path, Path]:
    watchlist, queries = tmp_path / "wl.csv", tmp_path / "q.csv"
    watchlist.write_text(WATCHLIST, encoding="utf-8")
    queries.write_text(QUERIES, encoding="utf-8")
    return watchlist, queries


def test_screen_writes_one_row_per_alert_or_review(tmp_path: Path) -> None:
    watchlist, queries = _files(tmp_path)
    out = tmp_path / "hits.csv"
    args = ["screen", "--watchlist", str(watchlist), str(queries), "--out", str(out), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["query_id"], r["entry_id"], r["decision"]) for r in rows] == [
        ("Q1", "WL-1", "alert"),
        ("Q3", "WL-2", "review"),
    ]
    assert list(rows[0]) == ["query_id", "entry_id", "score", "decision"]
    assert '"queries": 3' in result.output and '"line": 5' in result.output


def test_screen_needs_its_files(tmp_path: Path) -> None:
    args = ["screen", "--watchlist", str(tmp_path / "none.csv"), str(tmp_path / "q.csv")]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "h.csv")])
    assert result.exit_code != 0


def test_watchlist_commands_keep_the_registry(tmp_path: Path) -> None:
    db = ["--database-url", f"sqlite:///{tmp_path / 'node.sqlite'}", "--authority", "TJK"]
    watchlist, _ = _files(tmp_path)
    runner = CliRunner()
    loaded = runner.invoke(app, [*db, "watchlist", "load", str(watchlist), "--json"])
    assert loaded.exit_code == 0, loaded.output
    assert '"added": 2' in loaded.output
    added = runner.invoke(
        app, [*db, "watchlist", "add", "WL-3", "--surname", "Цой", "--given-name", "Виктор",
              "--alias", "TSOI|VIKTOR", "--birth-date", "1962-06-21"],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert runner.invoke(app, [*db, "watchlist", "remove", "WL-2"]).exit_code == 0
    listed = runner.invoke(app, [*db, "watchlist", "list", "--json"])
    assert '"total": 2' in listed.output and "WL-3" in listed.output
