"""The demo brings up a whole region: a node per authority, statistics, keys, the API."""

from __future__ import annotations

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
