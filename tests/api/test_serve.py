"""`rmis serve --workers N`: the node's API in several server processes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SERVE = "from rmis.cli import main; main()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_processes(pid: int) -> list[int]:
    """The processes `pid` started to serve (not multiprocessing's resource tracker)."""
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        pids = [int(child) for child in f.read().split()]
    out = []
    for child in pids:
        with open(f"/proc/{child}/cmdline", "rb") as f:
            if b"spawn_main" in f.read():
                out.append(child)
    return out


def health(port: int, seconds: float = 60.0) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2) as r:
                return dict(json.loads(r.read()))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_serve_with_workers_answers_health_from_several_processes_and_stops(
    tmp_path: Path,
) -> None:
    port = free_port()
    env = {**os.environ, "RMIS_DEMO": "1", "RMIS_DATA_DIR": str(tmp_path)}
    env.pop("RMIS_DATABASE_URL", None)
    command = [sys.executable, "-c", SERVE, "--authority", "KAZ", "serve", "--host",
               "127.0.0.1", "--port", str(port), "--workers", "2"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    try:
        answer = health(port)
        # the --authority option reached every process through the environment
        assert answer["status"] == "ok" and answer["authority"] == "KAZ"
        assert (tmp_path / "kaz.sqlite").exists()
        deadline = time.monotonic() + 30
        while len(server_processes(server.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        workers = server_processes(server.pid)
        assert len(workers) == 2
    finally:
        server.send_signal(signal.SIGINT)
        _, stderr = server.communicate(timeout=60)
    assert server.returncode == 0, stderr
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=2)


def test_serve_refuses_zero_workers() -> None:
    command = [sys.executable, "-c", SERVE, "serve", "--workers", "0"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert "--workers" in done.stderr
