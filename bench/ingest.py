"""Ingest throughput and memory: RMIS (validation, quarantine, idempotent merge, audit) against a
raw bulk insert of the same rows (SQLite `executemany`, PostgreSQL `COPY`) in the same run.

    python bench/ingest.py [--quick] [--records N] [--memory-records M] [--runs R]

Targets (issue "The node"): >= 50,000 crossings/s into SQLite and >= 30,000/s into PostgreSQL,
>= 0.4 of the raw insert rate; peak memory < 500 MB ingesting a 5-million-crossing file.

RMIS is measured twice per engine: as it runs by default (on a machine with two cores, one batch
is written in a second thread while the next is validated: `rmis_cores` 2) and with the process
pinned to a single core (`rmis_cores` 1; SQLite then writes in line). The peer is single-threaded.
The first and last lines give `reference_loop_s`, the seconds a plain Python loop of 20 million
additions took then: the machine's speed, for comparing runs made at different times.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from common import emit, machine, reference_seconds, result
from rmis.ingest import ingest_file
from rmis.model import CROSSING_FIELDS, person_key, system_principal
from rmis.registry import open_registry
from rmis.registry.tables import CROSSING_COLUMNS
from rmis.synth import RegionConfig, estimate_records, write_region

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
AUTHORITY = "RUS"


def bench_file(work: Path, records: int) -> Path:
    """The first `records` crossings recorded by RUS in a synthetic region (seed 7).

    Clean records only (no dirt, no re-sends): the raw COPY peer cannot load anything else.
    """
    persons = 1_000
    while estimate_records(persons, (2022, 2023)) < records * 2.2:
        persons *= 2
    region = work / f"region-{records}"
    config = RegionConfig(
        persons=persons, years=(2022, 2023), seed=7, dirty_share=0, resend_share=0
    )
    write_region(region, config)
    source = region / "crossings" / f"{AUTHORITY}.csv"
    out = work / f"crossings-{records}.csv"
    with source.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i > records:
                break
            dst.write(line)
    shutil.rmtree(region)
    return out


def rmis_ingest(url: str, path: Path) -> None:
    registry = open_registry(url)
    principal = system_principal(AUTHORITY, "benchmark")
    summary = ingest_file(registry, path, principal, node_authority=AUTHORITY)
    assert summary.read == summary.stored + summary.duplicate + summary.quarantined
    registry.dispose()


def raw_rows(path: Path) -> list[tuple[object, ...]]:
    """The file's rows as the raw insert writes them: no validation, no conversion."""
    local_date = CROSSING_COLUMNS.index("local_date")
    expiry = CROSSING_COLUMNS.index("document_expiry")
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for r in reader:
            record = dict(zip(CROSSING_FIELDS, r, strict=False))
            values: list[object] = [record.get(c, "") for c in CROSSING_COLUMNS[:-2]]
            values[local_date] = record["at"][:10]  # the schema requires it: the date part
            values[expiry] = record["document_expiry"] or None
            key = person_key(record["nationality"], record["document_number"])
            rows.append((*values, key, path.name))
    return rows


def raw_insert_sqlite(url: str, path: Path) -> None:
    columns = ", ".join(CROSSING_COLUMNS)
    marks = ", ".join("?" * len(CROSSING_COLUMNS))
    registry = open_registry(url)
    raw = registry.engine.raw_connection()
    rows = raw_rows(path)
    for start in range(0, len(rows), 20_000):
        raw.cursor().executemany(
            f"INSERT OR IGNORE INTO crossings ({columns}) VALUES ({marks})",
            rows[start : start + 20_000],
        )
        raw.commit()
    raw.close()


def raw_copy_postgres(url: str, path: Path) -> None:
    columns = ", ".join(CROSSING_COLUMNS)
    registry = open_registry(url)
    raw = registry.engine.raw_connection()
    rows = raw_rows(path)
    with raw.cursor() as cur, cur.copy(f"COPY crossings ({columns}) FROM STDIN") as copy:  # type: ignore[attr-defined]
        for row in rows:
            copy.write_row(row)
    raw.commit()
    raw.close()


class Schema:
    """A fresh PostgreSQL schema per run."""

    def __init__(self) -> None:
        self.admin = create_engine(POSTGRES)
        self.name = ""

    def fresh(self) -> str:
        self.drop()
        self.name = f"rmis_bench_{uuid.uuid4().hex[:10]}"
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        return f"{POSTGRES}?options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        if self.name:
            with self.admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{self.name}" CASCADE'))
            self.name = ""


@contextmanager
def cores(count: int) -> Iterator[int]:
    """Run (and start threads) on `count` of this process's cores; yields how many it got."""
    allowed = os.sched_getaffinity(0)
    chosen = set(sorted(allowed)[:count])
    os.sched_setaffinity(0, chosen)
    try:
        yield len(chosen)
    finally:
        os.sched_setaffinity(0, allowed)


def median_times(
    run: Callable[[], None], runs: int, setup: Callable[[], None]
) -> tuple[float, float]:
    """Medians of wall time and of this process's CPU time (all its threads) over `runs`."""
    walls, cpus = [], []
    for _ in range(runs):
        setup()
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def compare(
    engine: str,
    records: int,
    runs: int,
    ours: Callable[[], None],
    peer: Callable[[], None],
    fresh: Callable[[], None],
    peer_name: str,
) -> list[dict[str, object]]:
    """RMIS on all cores and on one, and the peer, each the median of `runs`.

    On SQLite all the work is done in this process, so its CPU time is reported too: on a
    shared machine it says what a core does when it is not taken by others. On PostgreSQL the
    server's share runs elsewhere, so only wall time is reported.
    """
    peer_s, peer_cpu = median_times(peer, runs, fresh)
    out = []
    for count in (len(os.sched_getaffinity(0)), 1):
        with cores(count) as got:
            ours_s, ours_cpu = median_times(ours, runs, fresh)
        config = {"engine": engine, "records": records, "runs": runs, "rmis_cores": got}
        out.append(
            result(
                "ingest", config, "crossings_per_s", records / ours_s, peer_name, records / peer_s
            )
        )
        if engine == "sqlite":
            out.append(
                result(
                    "ingest",
                    config,
                    "crossings_per_cpu_s",
                    records / ours_cpu,
                    peer_name,
                    records / peer_cpu,
                )
            )
    return out


def bench_sqlite(work: Path, path: Path, records: int, runs: int) -> list[dict[str, object]]:
    state = {"url": ""}

    def fresh() -> None:
        db = work / f"{uuid.uuid4().hex}.sqlite"
        state["url"] = f"sqlite:///{db}"
        open_registry(state["url"]).dispose()  # schema creation is not timed

    return compare(
        "sqlite",
        records,
        runs,
        lambda: rmis_ingest(state["url"], path),
        lambda: raw_insert_sqlite(state["url"], path),
        fresh,
        "raw executemany",
    )


def bench_postgres(path: Path, records: int, runs: int) -> list[dict[str, object]]:
    schema = Schema()
    state = {"url": ""}

    def fresh() -> None:
        state["url"] = schema.fresh()
        open_registry(state["url"]).dispose()

    try:
        return compare(
            "postgresql",
            records,
            runs,
            lambda: rmis_ingest(state["url"], path),
            lambda: raw_copy_postgres(state["url"], path),
            fresh,
            "raw COPY",
        )
    finally:
        schema.drop()


MEASURE_CHILD = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def bench_memory(work: Path, records: int) -> dict[str, object]:
    """Peak resident memory of `rmis ingest crossings` on a file of `records` crossings.

    A small launcher process starts the ingest, so that the peak counts the ingest alone (a
    child forked from this large process would inherit its resident pages until it execs).
    """
    path = bench_file(work, records)
    db = work / "memory.sqlite"
    command = [
        sys.executable,
        "-m",
        "rmis",
        "--database-url",
        f"sqlite:///{db}",
        "--authority",
        AUTHORITY,
        "ingest",
        "crossings",
        str(path),
        "--json",
    ]
    launched = subprocess.run(
        [sys.executable, "-c", MEASURE_CHILD, *command], check=True, capture_output=True, text=True
    )
    peak_mb = int(launched.stdout.strip()) / 1024
    size_mb = path.stat().st_size / 1e6
    path.unlink()
    config = {"engine": "sqlite", "records": records, "file_mb": round(size_mb, 1)}
    return {
        "bench": "ingest",
        "config": config,
        "metric": "peak_rss_mb",
        "value": round(peak_mb, 1),
        "peer": None,
        "peer_value": None,
        "ratio": None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--memory-records", type=int, default=5_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.records, args.memory_records, args.runs = 50_000, 100_000, 1
    # the machine is shared: the load average before and after says how much of it was ours
    facts = machine(("SQLAlchemy", "psycopg", "pydantic"))
    emit(
        {
            "bench": "ingest",
            "machine": facts,
            "load_average": os.getloadavg(),
            "reference_loop_s": reference_seconds(),
        }
    )
    work = Path(tempfile.mkdtemp(prefix="rmis-bench-"))
    try:
        path = bench_file(work, args.records)
        lines = bench_sqlite(work, path, args.records, args.runs)
        if not args.no_postgres:
            lines += bench_postgres(path, args.records, args.runs)
        for line in lines:
            emit(line)
        memory = bench_memory(work, args.memory_records)
        emit(memory)
        emit(
            {
                "bench": "ingest",
                "load_average": os.getloadavg(),
                "reference_loop_s": reference_seconds(),
            }
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    parts = [
        f"{line['config']['engine']} on {line['config']['rmis_cores']} core(s) "  # type: ignore[index]
        f"{line['value']:,.0f}/s ({line['ratio']:.2f} of {line['peer']})"
        for line in lines
        if line["metric"] == "crossings_per_s"
    ]
    print(
        f"ingest: {'; '.join(parts)}; peak {memory['value']} MB for "
        f"{args.memory_records:,} crossings"
    )


if __name__ == "__main__":
    main()
