"""`rmis mrz | stay | overstays | check | decide | documents` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rmis.cli import app

runner = CliRunner()
SPECIMEN = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]
TD1_SPECIMEN = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
]


@pytest.fixture
def db(tmp_path: Path) -> list[str]:
    return ["--database-url", f"sqlite:///{tmp_path / 'node.sqlite'}", "--authority", "RUS"]


def test_mrz_reads_lines_given_as_arguments_or_on_stdin() -> None:
    result = runner.invoke(app, ["mrz", *SPECIMEN])
    assert result.exit_code == 0, result.output
    reading = json.loads(result.stdout)
    assert reading["given_names"] == "ANNA MARIA" and reading["birth_date"] == "1974-08-12"
    assert set(reading) == {
        "format",
        "document_type",
        "issuing_state",
        "document_number",
        "surname",
        "given_names",
        "nationality",
        "birth_date",
        "sex",
        "expiry_date",
        "optional_data",
        "valid",
        "problems",
    }
    from_stdin = runner.invoke(app, ["mrz"], input="\n".join(TD1_SPECIMEN) + "\n")
    assert json.loads(from_stdin.stdout)["document_number"] == "D23145890"


def test_mrz_with_a_bad_check_digit_prints_its_problems_and_exits_1() -> None:
    bad = [SPECIMEN[0], SPECIMEN[1][:9] + "7" + SPECIMEN[1][10:]]
    result = runner.invoke(app, ["mrz", *bad])
    assert result.exit_code == 1
    reading = json.loads(result.stdout)
    assert reading["valid"] is False
    assert [p["field"] for p in reading["problems"]][:1] == ["document_number"]


def stay(*args: str) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["stay", "--host", "RUS", "--nationality", "TJK", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_stay_as_the_issue_states_it() -> None:
    answer = stay(
        "--grounds",
        "visa-free",
        "--on",
        "2024-06-01",
        "--trip",
        "2024-01-10/2024-03-01",
        "--trip",
        "2024-04-01/",
    )
    # 52 days (10 Jan to 1 Mar, 2024 a leap year) + 62 (1 Apr to 1 Jun), both ends counted
    assert answer["days_used"] == 114 and answer["days_remaining"] == 0
    # the 39th day of the second trip (9 May) is the 91st: 8 May is the last lawful day
    assert answer["latest_exit"] == "2024-05-08" and answer["overstay_days"] == 24
    assert answer["ban"] is None
    assert [t["days_counted"] for t in answer["trips"]] == [52, 62]


def test_stay_window_edges_and_the_day_of_exit() -> None:
    # 90 days from 1 Jan 2023: the exit day 31 Mar is the 90th; leaving then is lawful
    assert stay("--on", "2023-03-31", "--trip", "2023-01-01/2023-03-31")["overstay_days"] == 0
    late = stay("--on", "2023-04-01", "--trip", "2023-01-01/2023-04-01")
    assert late["days_used"] == 91
    # 29 Jun 2023 is the 180th day of the year: the window [d-179, d] still holds 1 Jan
    edge = stay("--on", "2023-06-29", "--trip", "2023-01-01/2023-03-31", "--trip", "2023-06-29/")
    assert edge["days_used"] == 91 and edge["window_first"] == "2023-01-01"
    # a day later 1 Jan has left the window: 89 days of the first trip and the day of entry
    after = stay("--on", "2023-06-30", "--trip", "2023-01-01/2023-03-31", "--trip", "2023-06-30/")
    assert after["days_used"] == 90 and after["days_remaining"] == 0
    # each further day adds one and drops one old day, until the first trip has left the
    # window: 30 Jun to 27 Sep is 90 days
    assert after["overstay_days"] == 0 and after["latest_exit"] == "2023-09-27"


def test_stay_with_grounds_changing_mid_stay() -> None:
    # visa-free from 1 Jan 2024, a patent from 15 Mar 2024 to 14 Mar 2025: no overstay
    answer = stay(
        "--grounds",
        "visa-free",
        "--grounds",
        "labour-patent@2024-03-15/2025-03-14",
        "--on",
        "2024-06-01",
        "--trip",
        "2024-01-01/",
    )
    assert answer["overstay_days"] == 0 and answer["grounds"] == "labour-patent"


def test_stay_refuses_a_bad_trip_in_one_line() -> None:
    result = runner.invoke(
        app,
        [
            "stay",
            "--host",
            "RUS",
            "--nationality",
            "TJK",
            "--on",
            "2024-01-01",
            "--trip",
            "2024-02-30/",
        ],
    )
    assert result.exit_code != 0


def test_documents_check_decide_and_overstays(db: list[str], tmp_path: Path) -> None:
    reported = runner.invoke(
        app,
        [
            *db,
            "documents",
            "report",
            "--issuer",
            "UTO",
            "--number",
            "L898902C3",
            "--status",
            "stolen",
            "--reported-on",
            "2011-01-01",
        ],
    )
    assert reported.exit_code == 0, reported.output
    alert = json.loads(reported.stdout)
    assert alert["status"] == "stolen" and alert["active"] is True
    csv_file = tmp_path / "alerts.csv"
    csv_file.write_text(
        "issuing_state,number,status,reporting_authority,reported_on\n"
        "TJK,400000001,lost,TJK,2024-01-02\nTJK,400000002,revoked,TJK,2024-01-03\n"
    )
    loaded = runner.invoke(app, [*db, "documents", "load", str(csv_file)])
    assert json.loads(loaded.stdout)["created"] == 2
    listed = json.loads(runner.invoke(app, [*db, "documents", "list", "--json"]).stdout)
    assert len(listed) == 3
    checked = runner.invoke(
        app,
        [
            *db,
            "check",
            "--post",
            "RUS-DME",
            "--direction",
            "entry",
            "--at",
            "2016-06-01T10:00:00+03:00",
            *SPECIMEN,
        ],
    )
    assert checked.exit_code == 0, checked.output
    answer = json.loads(checked.stdout)
    assert answer["verdict"] == "refer" and answer["lost_stolen"]["status"] == "hit"
    assert answer["screening"]["status"] == "not_run"
    decided = runner.invoke(app, [*db, "decide", answer["check_id"], "--decision", "admit"])
    assert json.loads(decided.stdout)["crossing"]["stored"] == 1
    cleared = runner.invoke(app, [*db, "documents", "clear", alert["id"], "--reason", "found"])
    assert json.loads(cleared.stdout)["active"] is False
    listed = runner.invoke(app, [*db, "overstays", "--on", "2016-09-01", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [p["person_key"] for p in json.loads(listed.stdout)["persons"]] == ["UTO:L898902C3"]


def _tajik_mrz(number: str, birth: str) -> list[str]:
    import datetime as dt

    from rmis.documents import build_mrz

    return list(
        build_mrz(
            "TD3",
            issuing_state="TJK",
            document_number=number,
            surname="RAKHMONOV",
            given_names="DZHAMSHED",
            nationality="TJK",
            birth_date=dt.date.fromisoformat(birth),
            sex="M",
            expiry_date=dt.date(2030, 1, 1),
        )
    )


def test_check_screens_against_the_node_watchlist(db: list[str], tmp_path: Path) -> None:
    watchlist = tmp_path / "wl.csv"
    watchlist.write_text(
        "record_id,source,surname,given_name,patronymic,sex,birth_date,nationality,document_number\n"
        "ATC-7,ATC,Раҳмонов,Ҷамшед,,M,1990-01-02,TJK,\n"
        "ATC-8,ATC,Каримов,Бахтиёр,,M,1985-03-04,UZB,\n",
        encoding="utf-8",
    )
    loaded = runner.invoke(app, [*db, "watchlist", "load", str(watchlist), "--json"])
    assert loaded.exit_code == 0, loaded.output

    def check(mrz: list[str]) -> dict:  # type: ignore[type-arg]
        args = ["check", "--post", "RUS-DME", "--direction", "entry", "--grounds", "visa-free"]
        result = runner.invoke(app, [*db, *args, "--at", "2024-04-01T10:00:00+03:00", *mrz])
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)  # type: ignore[no-any-return]

    listed = check(_tajik_mrz("401234567", "1990-01-02"))
    assert listed["verdict"] == "refer" and listed["screening"]["status"] == "hit"
    assert [h["entry_id"] for h in listed["screening"]["hits"]] == ["ATC-7"]
    assert listed["screening"]["hits"][0]["decision"] == "alert"
    namesake = check(_tajik_mrz("407654321", "1971-08-19"))
    assert namesake["screening"]["status"] == "clear" and namesake["verdict"] == "clear"
