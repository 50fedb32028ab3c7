"""What every benchmark shares: JSON-lines output, medians, machine facts, synthetic data."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def emit(record: dict[str, Any]) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def machine(packages: tuple[str, ...]) -> dict[str, Any]:
    versions = {}
    for name in packages:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "versions": versions,
    }


def reference_seconds(additions: int = 20_000_000) -> float:
    """Seconds a plain Python loop of `additions` additions takes here and now (best of three).

    The machine is shared and its speed moves by a factor of two from hour to hour; a result
    recorded with this figure can be compared with one measured at another speed.
    """
    best = float("inf")
    for _ in range(3):
        start, total = time.perf_counter(), 0
        for i in range(additions):
            total += i
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def median_time(run: Callable[[], Any], runs: int, setup: Callable[[], Any] | None = None) -> float:
    """The median wall time of `run` over `runs` runs, `setup` untimed before each."""
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def result(
    bench: str,
    config: dict[str, Any],
    metric: str,
    value: float,
    peer: str,
    peer_value: float,
) -> dict[str, Any]:
    ratio = value / peer_value if peer_value else None
    return {
        "bench": bench,
        "config": config,
        "metric": metric,
        "value": round(value, 3),
        "peer": peer,
        "peer_value": round(peer_value, 3),
        "ratio": round(ratio, 3) if ratio is not None else None,
    }
