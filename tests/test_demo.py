"""The demo brings up a whole region: a node per authority, statistics, keys, the API."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from fastapi.testclient import TestClient
from rich.console import Console

from rmis.api import create_region_app
from rmis.config import Settings
from rmis.demo import run_demo


def test_the_demo_region_serves_every_node(tmp_path: Path) -> None:
    console = Console(record=True, width=200)
    base = Settings(data_dir=tmp_path, demo=True)
    nodes = run_demo(base, persons=3_000, seed=3, port=0, serve=False, console=console)
    assert {"TJK", "UZB", "KGZ", "RUS", "KAZ"} <= set(nodes)
    output = console.export_text()
    assert "TJK nationals left for work in 2023" in output
    assert f"Watchlist: 300 entries loaded into each of {len(nodes)} nodes" in output
    keys = json.loads((tmp_path / "demo" / "keys.json").read_text())
    with TestClient(create_region_app(nodes)) as client:
        assert set(client.get("/").json()["nodes"]) == set(nodes)
        report = client.get(
            "/nodes/TJK/v1/stats/departures?year=2023&purpose=work",
            headers={"X-API-Key": keys["TJK"]["analyst"]},
        ).json()
        assert report["persons"] > 0
        assert report["by_destination"]["RUS"] > report["by_destination"].get("KAZ", 0)
        assert report["previous_year"]["persons"] > report["persons"]
        # a TJK key means nothing on the RUS node: each node keeps its own users
        refused = client.get(
            "/nodes/RUS/v1/stats/departures?year=2023",
            headers={"X-API-Key": keys["TJK"]["analyst"]},
        )
        assert refused.status_code == 401
        check_a_listed_traveller(client, keys["RUS"]["officer"], tmp_path / "demo")


def check_a_listed_traveller(client: TestClient, officer_key: str, demo: Path) -> None:
    """A traveller the demo watchlist names is referred at a RUS post; a stranger is not."""
    with (demo / "watchlist.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    listed = next(
        r for r in rows if r["record_id"].startswith("WL-T") and r["nationality"] != "RUS"
    )

    def check(surname: str, birth_date: str, number: str) -> dict:  # type: ignore[type-arg]
        document = {
            "document_number": number,
            "nationality": listed["nationality"],
            "surname": surname,
            "given_names": listed["given_name"],
            "birth_date": birth_date,
            "sex": listed["sex"],
            "expiry_date": "2030-01-01",
        }
        body = {"document": document, "border_post": "RUS-DME", "direction": "entry",
                "at": "2024-04-01T10:00:00+03:00", "grounds": "visa-free"}  # fmt: skip
        headers = {"X-API-Key": officer_key, "X-Purpose": "border check"}
        response = client.post("/nodes/RUS/v1/border-checks", json=body, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    answer = check(listed["surname"], listed["birth_date"], listed["document_number"])
    assert answer["verdict"] == "refer" and answer["screening"]["status"] == "hit"
    assert [h["entry_id"] for h in answer["screening"]["hits"]] == [listed["record_id"]]
    stranger = check("Zzyzxowa", "1901-02-03", "X0000001")
    assert stranger["screening"]["status"] == "clear" and stranger["screening"]["entries"] == 300
