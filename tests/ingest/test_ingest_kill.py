"""Killing ingest midway (SIGKILL) and running it again stores every record exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from conftest import crossing, write_csv
from rmis.registry import Registry, count_quarantined, count_rows

RECORDS = 60_000
BAD_EVERY = 1_000


def command(url: str, path: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "rmis",
        "--database-url",
        url,
        "--authority",
        "TJK",
        "ingest",
        "crossings",
        str(path),
        "--json",
        "--batch-size",
        "2000",
    ]


@pytest.mark.slow
def test_sigkill_midway_then_rerun_stores_each_record_once(
    registry: Registry, registry_url: str, tmp_path: Path
) -> None:
    records = [crossing(i, sex="?" if i % BAD_EVERY == 0 else "M") for i in range(1, RECORDS + 1)]
    path = write_csv(tmp_path / "big.csv", records)
    env = {**os.environ, "RMIS_DEMO": "1"}
    proc = subprocess.Popen(command(registry_url, path), env=env, stdout=subprocess.PIPE)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        with registry.reader() as conn:
            stored = conn.execute(text("SELECT count(*) FROM crossings")).scalar_one()
        if stored >= 6_000:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < stored < RECORDS - RECORDS // BAD_EVERY, "the kill must land mid-file"

    rerun = subprocess.run(command(registry_url, path), env=env, capture_output=True, check=True)
    summary = json.loads(rerun.stdout)
    assert summary["read"] == RECORDS
    assert summary["stored"] + summary["duplicate"] + summary["quarantined"] == RECORDS
    assert summary["quarantined"] == RECORDS // BAD_EVERY
    with registry.reader() as conn:
        assert count_rows(conn)["crossings"] == RECORDS - RECORDS // BAD_EVERY
        assert count_quarantined(conn) == RECORDS // BAD_EVERY
