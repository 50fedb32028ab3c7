"""The command line: the same services as the API, with clear errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from conftest import crossing, write_csv
from rmis.cli import app

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--database-url", f"sqlite:///{tmp_path / 'node.sqlite'}", "--authority", "TJK"]


def rmis(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "rmis", *args], capture_output=True, text=True, env=env
    )


def test_ingest_prints_the_summary_as_json(db: list[str], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [crossing(1), crossing(2, direction="sideways")])
    result = runner.invoke(app, [*db, "ingest", "crossings", str(path), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary == {"source": "c.csv", "read": 2, "stored": 1, "duplicate": 0, "quarantined": 1}


def test_quarantine_list_show_and_retry(db: list[str], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [crossing(1, surname="")])
    runner.invoke(app, [*db, "ingest", "crossings", str(path)])
    listed = json.loads(runner.invoke(app, [*db, "quarantine", "list", "--json"]).stdout)
    record_id = listed["records"][0]["id"]
    shown = json.loads(runner.invoke(app, [*db, "quarantine", "show", record_id]).stdout)
    assert shown["problems"] == [{"field": "surname", "message": "empty, a value is required"}]
    result = runner.invoke(app, [*db, "quarantine", "retry", record_id, "--set", "surname=Rahmon"])
    assert result.exit_code == 0 and json.loads(result.stdout)["status"] == "stored"


def test_an_edited_audit_row_fails_verification_and_is_named(db: list[str], tmp_path: Path) -> None:
    path = write_csv(tmp_path / "c.csv", [crossing(1)])
    for _ in range(3):
        assert rmis(*db, "ingest", "crossings", str(path)).returncode == 0
    assert rmis(*db, "audit", "verify").returncode == 0
    engine = create_engine(db[1])
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET user = 'someone-else' WHERE seq = 2"))
    result = rmis(*db, "audit", "verify")
    assert result.returncode == 1
    assert "audit entry 2 was edited" in result.stderr
    assert "Traceback" not in result.stderr


def test_stats_departures_json(db: list[str], tmp_path: Path) -> None:
    records = [crossing(1), crossing(2, sex="F", to_country="KAZ")]
    runner.invoke(app, [*db, "ingest", "crossings", str(write_csv(tmp_path / "c.csv", records))])
    result = runner.invoke(
        app,
        [
            *db,
            "stats",
            "departures",
            "--authority",
            "TJK",
            "--year",
            "2023",
            "--purpose",
            "work",
            "--json",
        ],
    )
    report = json.loads(result.stdout)
    assert report["persons"] == 2 and report["by_sex"] == {"M": 1, "F": 1}
    assert report["summary"].startswith("2 TJK nationals left for work in 2023")


def test_users_add_list_revoke(db: list[str]) -> None:
    added = runner.invoke(app, [*db, "users", "add", "dilnoza", "--role", "analyst"])
    assert added.exit_code == 0 and "rmis_" in added.stdout
    users = json.loads(runner.invoke(app, [*db, "users", "list", "--json"]).stdout)
    assert [(u["name"], u["role"], u["authority"]) for u in users] == [
        ("dilnoza", "analyst", "TJK")
    ]
    assert runner.invoke(app, [*db, "users", "revoke", "dilnoza"]).exit_code == 0


def test_bad_input_gets_one_clear_line(db: list[str], tmp_path: Path) -> None:
    missing = rmis(*db, "ingest", "crossings", str(tmp_path / "nowhere.csv"))
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("error: cannot read")
    bad_setting = rmis("--authority", "tajikistan", "audit", "verify")
    assert bad_setting.returncode == 1 and "authority" in bad_setting.stderr


def test_synth_writes_a_region_and_ingest_accounts_for_every_record(tmp_path: Path) -> None:
    out = tmp_path / "region"
    result = runner.invoke(app, ["synth", "--out", str(out), "--persons", "1500", "--json"])
    assert result.exit_code == 0, result.output
    files = json.loads(result.stdout)["files"]
    tjk = files["TJK"]
    db = ["--database-url", f"sqlite:///{tmp_path / 'tjk.sqlite'}", "--authority", "TJK"]
    path = out / "crossings" / "TJK.csv"
    summary = json.loads(
        runner.invoke(app, [*db, "ingest", "crossings", str(path), "--json"]).stdout
    )
    assert summary["read"] == tjk["records"]
    assert summary["quarantined"] == tjk["dirty"]
    assert summary["duplicate"] == tjk["resent"]
    assert summary["stored"] == tjk["records"] - tjk["dirty"] - tjk["resent"]


def test_an_ingest_above_the_reindex_threshold_vacuums_and_analyses_crossings(
    postgres_url: str, tmp_path: Path
) -> None:
    """RMIS_REINDEX_ABOVE_MB=0: every file is a large load, so it ends with VACUUM (ANALYZE)."""
    db = ["--database-url", postgres_url, "--authority", "TJK"]
    path = write_csv(tmp_path / "c.csv", [crossing(i) for i in range(1, 30)])
    env = {"RMIS_REINDEX_ABOVE_MB": "0"}
    result = runner.invoke(app, [*db, "ingest", "crossings", str(path), "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stored"] == 29
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        vacuumed, analysed = conn.execute(
            text(
                "SELECT last_vacuum, last_analyze FROM pg_stat_user_tables "
                "WHERE relname = 'crossings' AND schemaname = current_schema()"
            )
        ).one()
    engine.dispose()
    assert vacuumed is not None and analysed is not None


def test_stats_departures_refuses_a_year_outside_the_plausible_years(db: list[str]) -> None:
    result = runner.invoke(app, [*db, "stats", "departures", "--year", "20230"])
    assert result.exit_code == 2
    assert "--year" in result.output and "Traceback" not in result.output
