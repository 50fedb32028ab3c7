"""Border check latency and throughput, and the overstay list, on PostgreSQL.

    python bench/border_check.py [--quick] [--persons N] [--crossings M] [--checks K]
    python bench/border_check.py --overstays-only --crossings 10000000  # the overstay list alone

Generates a registry of N persons and M crossings in a fresh PostgreSQL schema (set-based
SQL, dropped afterwards), then measures: the check in-process (p50/p99 against the peer, the
bare indexed read of the traveller's crossings), the check over HTTP with 32 concurrent
clients on loopback (p99 and checks/s), and `rmis overstays` (SQL over all crossings) against
the peer, the same answer computed by a Python loop over every person's crossings.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from typing import Any

from sqlalchemy import create_engine, text

from common import emit, machine, result  # type: ignore[import-not-found]
from http_load import LoadResult, get_request, load, post_request  # type: ignore[import-not-found]
from rmis.border import BorderCheckRequest, NodeWatchlistScreener, find_overstays, run_check
from rmis.config import Settings
from rmis.documents import build_mrz
from rmis.model import Principal, Role
from rmis.node import Node
from rmis.registry import Registry, add_user, crossings_of_person, open_registry
from rmis.registry.watchlist_tables import watchlist_entries, watchlist_versions
from rmis.synth.watchlist import synthetic_watchlist
from rmis.watchlist import node_index
from rmis.watchlist.store import entry_content

POSTGRES = os.environ.get(
    "RMIS_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BENCH = "border_check"
ON = dt.date(2024, 12, 1)
NATIONALITIES = ("TJK", "UZB", "KGZ")

GENERATE = """
INSERT INTO crossings (authority, event_id, border_post, direction, at, local_date, from_country,
  to_country, surname, given_name, patronymic, sex, birth_date, nationality, document_type,
  document_number, document_issuer, document_expiry, purpose, grounds, person_key, source)
SELECT 'RUS', 'B' || i, 'RUS-DME', CASE WHEN j % 2 = 0 THEN 'entry' ELSE 'exit' END,
  d + time '09:00' - interval '3 hours', d, CASE WHEN j % 2 = 0 THEN nat ELSE 'RUS' END,
  CASE WHEN j % 2 = 0 THEN 'RUS' ELSE nat END, 'RAKHMONOV', 'DZHAMSHED', '', 'M', '1990-01-02',
  nat, 'P', num, nat, date '2030-01-01', 'work', '', nat || ':' || num, 'bench'
FROM (
  SELECT i, p, j, nat, num, CAST(:on AS date) - (p * 7919 % 200)::int
      - (last_j / 2 - j / 2) * (150 + p * 13 % 240)::int
      + (j % 2 - last_j % 2) * (10 + p * 37 % 110)::int AS d
  FROM (
    SELECT i, p, s + shift AS j, :per - 1 + shift AS last_j,
      (ARRAY['TJK','UZB','KGZ'])[1 + p % 3] AS nat, lpad(p::text, 9, '0') AS num
    FROM (SELECT i, p, s, CASE WHEN p % 5 = 0 THEN (:per - 1) % 2 ELSE :per % 2 END AS shift
          FROM (SELECT i, (i::bigint - 1) / :per AS p, ((i - 1) % :per)::int AS s
                FROM generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) AS i) AS g
         ) AS h
  ) AS k
) AS x
ORDER BY d, i
"""


def generate(url: str, persons: int, crossings: int) -> None:
    """Crossings in set-based SQL, `crossings // persons` per person, spread back over years.

    Each person's trips start 150 to 389 days apart and last 10 to 119 days; the last crossing
    is on one of the 200 days before `ON`. One person in five is still present (the last trip
    open, the first record an exit when the count is even); the others' last record is an exit
    (the first an exit of a stay begun before the records when the count is odd). Rows are
    stored in time order, as ingest stores them, not person by person.
    """
    per = max(1, crossings // persons)
    engine = create_engine(url)
    step = 20_000_000
    registry = open_registry(url, migrate=False)
    with registry.deferred_indexes(), engine.begin() as conn:
        for first in range(1, persons * per + 1, step):
            last = min(first + step - 1, persons * per)
            conn.execute(text(GENERATE), {"per": per, "first": first, "last": last, "on": ON})
        conn.execute(
            text(
                "INSERT INTO persons (person_key, nationality, document_number) "
                "SELECT DISTINCT person_key, nationality, document_number FROM crossings"
            )
        )
        conn.execute(
            text(
                "INSERT INTO documents (issuer, number, document_type, expiry, person_key) "
                "SELECT DISTINCT document_issuer, document_number, 'P', date '2030-01-01', "
                "person_key FROM crossings"
            )
        )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        # a registry at rest: autovacuum has marked the pages all-visible after the load
        conn.execute(text("VACUUM (ANALYZE) crossings, persons, documents"))
    registry.dispose()
    engine.dispose()


def load_watchlist(url: str, size: int) -> None:
    """`size` synthetic entries (rmis.synth, seed 7) written straight to the watchlist tables."""
    import json

    at = dt.datetime.now(dt.UTC)
    entries, versions = [], []
    for entry in synthetic_watchlist(size, 7):
        content = entry_content(entry)
        entries.append({**content, "names": json.dumps(content["names"], ensure_ascii=False),
                        "documents": json.dumps(content["documents"]), "version": 1,
                        "updated_at": at, "updated_by": "bench", "removed_at": None})  # fmt: skip
        versions.append({"entry_id": entry.entry_id, "version": 1, "change": "added", "at": at,
                         "content": json.dumps(content, ensure_ascii=False, sort_keys=True),
                         "by": "bench"})  # fmt: skip
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(watchlist_entries.insert(), entries)
        conn.execute(watchlist_versions.insert(), versions)
    engine.dispose()


def mrz_of(person: int) -> list[str]:
    nat = NATIONALITIES[person % 3]
    return list(build_mrz(
        "TD3", issuing_state=nat, document_number=f"{person:09d}", surname="RAKHMONOV",
        given_names="DZHAMSHED", nationality=nat, birth_date=dt.date(1990, 1, 2), sex="M",
        expiry_date=dt.date(2030, 1, 1),
    ))  # fmt: skip


def request_of(person: int) -> dict[str, Any]:
    at = dt.datetime.combine(ON, dt.time(12), dt.timezone(dt.timedelta(hours=3)))
    return {"mrz": mrz_of(person), "border_post": "RUS-DME", "direction": "exit",
            "at": at.isoformat(), "grounds": "visa-free"}  # fmt: skip


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


def in_process(node: Node, persons: int, checks: int) -> tuple[list[float], list[float]]:
    officer = Principal("RUS", "bench", Role.OFFICER, "border check")
    rng = random.Random(7)
    picks = [rng.randrange(persons) for _ in range(checks)]
    requests = [BorderCheckRequest.model_validate(request_of(p)) for p in picks]
    ours, peer = [], []
    screener = NodeWatchlistScreener(node.registry)
    for person, request in zip(picks, requests, strict=True):
        start = time.perf_counter()
        run_check(node, officer, request, screener)
        ours.append(time.perf_counter() - start)
        nat = NATIONALITIES[person % 3]
        start = time.perf_counter()
        with node.registry.reader() as conn:
            crossings_of_person(conn, f"{nat}:{person:09d}", 200)
        peer.append(time.perf_counter() - start)
    return ours, peer


SERVER = """
import os, sys, uvicorn
sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[3])))
uvicorn.run("border_check:server_app", factory=True, host="127.0.0.1", port=int(sys.argv[2]),
            workers=int(sys.argv[1]), log_level="warning", loop="auto", http="auto")
"""


def server_app() -> Any:
    """The node's API for the HTTP run, its watchlist index built before the first request."""
    from rmis.api import create_app

    url = os.environ["RMIS_BENCH_URL"]
    app = create_app(Settings(authority="RUS", database_url=url, demo=True))
    node_index(app.state.node.registry)
    return app


def process_cpu_s(pid: int) -> float:
    """CPU seconds (user and system) of a process and its children, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            with open(f"/proc/{current}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            with open(f"/proc/{current}/task/{current}/children") as f:
                pids += [int(child) for child in f.read().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


SERVER_APPLICATION = "rmis-bench-server"
"""The server's connections name themselves so to PostgreSQL, whose backends' CPU is measured."""


def backend_cpu_s(url: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend serving the benchmark's server, from /proc
    (the database runs on this machine)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            pids = conn.execute(
                text("SELECT pid FROM pg_stat_activity WHERE application_name = :name"),
                {"name": SERVER_APPLICATION},
            ).scalars()
            return {pid: process_cpu_s(pid) for pid in pids}
    finally:
        engine.dispose()


def wait_for(port: int) -> None:
    import urllib.request

    for _ in range(600):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the API did not come up")


def over_http(
    url: str, key: str, persons: int, args: argparse.Namespace
) -> tuple[LoadResult, LoadResult, float, float]:
    """(checks, health peer, server CPU seconds per check, PostgreSQL backend CPU seconds per
    check) with `args.clients` clients."""
    port = 8765
    server_url = f"{url}&application_name={SERVER_APPLICATION}"
    env = {**os.environ, "RMIS_BENCH_URL": server_url,
           "RMIS_API_THREADS": str(args.server_threads)}  # fmt: skip
    command = [sys.executable, "-c", SERVER, str(args.server_workers), str(port), __file__]
    server = subprocess.Popen(command, env=env)
    headers = {"X-API-Key": key, "X-Purpose": "border check"}
    rng = random.Random(11)
    path = "/v1/border-checks"
    checks = [post_request("127.0.0.1", path, headers, request_of(rng.randrange(persons)))
              for _ in range(200_000)]  # fmt: skip
    health = [get_request("127.0.0.1", "/v1/health", {})] * 200_000
    try:
        wait_for(port)
        load("127.0.0.1", port, checks[: 2 * args.clients], args.clients, 30)  # warm every worker
        cpu, backends = process_cpu_s(server.pid), backend_cpu_s(url)
        ours = load("127.0.0.1", port, checks, args.clients, args.http_seconds)
        cpu = process_cpu_s(server.pid) - cpu
        # backends opened during the run count from their start; one closed during it is lost
        db_cpu = sum(t - backends.get(pid, 0.0) for pid, t in backend_cpu_s(url).items())
        peer = load("127.0.0.1", port, health, args.clients, min(5.0, args.http_seconds))
        count = max(1, len(ours.latencies))
        return ours, peer, cpu / count, db_cpu / count
    finally:
        server.terminate()
        server.wait(timeout=30)


def overstays_peer(registry: Registry) -> int:
    """The same list by a Python loop: every crossing read, each person judged by rmis.stay."""
    from rmis.border import recorded_stays
    from rmis.border.trips import Passage
    from rmis.stay import assess_stay

    found, key, passages, nat = 0, None, [], ""
    sql = text("SELECT person_key, nationality, direction, local_date, grounds FROM crossings "
               "WHERE authority = 'RUS' ORDER BY person_key, at, id")  # fmt: skip

    def judge() -> int:
        stays = recorded_stays(passages, ON)
        if not stays.present:
            return 0
        return int(assess_stay("RUS", nat, "visa-free", ON, stays.trips).overstay_days > 0)

    with registry.engine.connect().execution_options(stream_results=True) as conn:
        for row in conn.execute(sql):
            if row.person_key != key and key is not None:
                found += judge()
                passages = []
            key, nat = row.person_key, row.nationality
            passages.append(Passage(row.direction, row.local_date, row.grounds))
    return found + (judge() if key is not None else 0)


def measure_overstays(
    args: argparse.Namespace, registry: Registry, config: dict[str, Any]
) -> tuple[float, int]:
    """`rmis overstays` (median of 3 runs) against the Python loop, which must list as many."""
    load = round(os.getloadavg()[0], 2)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        with registry.reader() as conn:
            listed = len(find_overstays(conn, "RUS", ON))
        times.append(time.perf_counter() - start)
    sql_s = statistics.median(times)
    peer_s, peer_found = 0.0, -1
    if not args.no_peer:
        start = time.perf_counter()
        peer_found = overstays_peer(registry)
        peer_s = time.perf_counter() - start
    runs = [round(t, 2) for t in times]
    emit(result(BENCH, config | {"mode": "overstays", "listed": listed, "peer_listed": peer_found,
                                 "runs_s": runs, "load_1m_before": load},
                "overstays_s", sql_s, "Python loop per person with rmis.stay", peer_s))  # fmt: skip
    if peer_found not in (-1, listed):
        raise SystemExit(
            f"rmis overstays listed {listed:,} persons, the Python loop {peer_found:,}"
        )
    return sql_s, listed


def run_overstays(args: argparse.Namespace, url: str) -> None:
    """`--overstays-only`: the registry and the overstay list, without the check and HTTP runs."""
    registry = open_registry(url)
    start = time.perf_counter()
    generate(url, args.persons, args.crossings)
    config = {"engine": "postgresql", "persons": args.persons, "crossings": args.crossings}
    emit({"bench": BENCH, "config": config, "metric": "generate_s",
          "value": round(time.perf_counter() - start, 1)})  # fmt: skip
    sql_s, listed = measure_overstays(args, registry, config)
    print(f"overstays {sql_s:.2f} s ({listed:,} persons)")
    registry.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--crossings", type=int, default=5_000_000)
    parser.add_argument("--checks", type=int, default=2_000)
    parser.add_argument("--http-seconds", type=float, default=30.0)
    parser.add_argument("--watchlist", type=int, default=100_000, help="watchlist entries")
    parser.add_argument("--server-workers", type=int, default=3, help="uvicorn processes")
    parser.add_argument("--server-threads", type=int, default=4, help="RMIS_API_THREADS")
    parser.add_argument("--clients", type=int, default=32, help="concurrent HTTP clients")
    parser.add_argument("--no-peer", action="store_true", help="skip the slow Python overstay loop")
    parser.add_argument("--overstays-only", action="store_true", help="skip the check and HTTP")
    args = parser.parse_args()
    if args.quick:
        args.persons, args.crossings, args.checks, args.http_seconds = 20_000, 100_000, 300, 5.0
        args.watchlist = 10_000
    emit(
        {
            "bench": BENCH,
            "machine": machine(
                ("SQLAlchemy", "psycopg", "fastapi", "uvicorn", "uvloop", "httptools")
            ),
        }
    )
    schema = f"rmis_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = f"{POSTGRES}?options=-csearch_path%3D{schema}"
    try:
        (run_overstays if args.overstays_only else run)(args, url)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def run(args: argparse.Namespace, url: str) -> None:
    registry = open_registry(url)
    start = time.perf_counter()
    generate(url, args.persons, args.crossings)
    load_watchlist(url, args.watchlist)
    config = {"engine": "postgresql", "persons": args.persons, "crossings": args.crossings,
              "watchlist": args.watchlist}  # fmt: skip
    emit(
        {
            "bench": BENCH,
            "config": config,
            "metric": "generate_s",
            "value": round(time.perf_counter() - start, 1),
        }
    )
    node = Node(Settings(authority="RUS", database_url=url, demo=True), registry)
    start = time.perf_counter()
    node_index(registry)
    emit({"bench": BENCH, "config": config, "metric": "watchlist_index_s",
          "value": round(time.perf_counter() - start, 1)})  # fmt: skip
    ours, peer = in_process(node, args.persons, args.checks)
    for name, p in (("p50_ms", 0.5), ("p99_ms", 0.99)):
        emit(result(BENCH, config | {"mode": "in-process"}, name, percentile(ours, p) * 1000,
                    "indexed read of the crossings", percentile(peer, p) * 1000))  # fmt: skip
    with registry.unit_of_work() as conn:
        key = add_user(conn, "bench-officer", Role.OFFICER, "RUS")[1]
    ours_http, peer_http, server_cpu, db_cpu = over_http(url, key, args.persons, args)
    http_config = config | {"mode": "http", "clients": args.clients,
                            "server_workers": args.server_workers,
                            "server_threads": args.server_threads,
                            "requests": len(ours_http.latencies),
                            "load_generator": "asyncio streams, HTTP/1.1 keep-alive"}  # fmt: skip
    health = "GET /v1/health on the same server"
    p99 = percentile(ours_http.latencies, 0.99) * 1000
    emit(result(BENCH, http_config, "p99_ms", p99, health,
                percentile(peer_http.latencies, 0.99) * 1000))  # fmt: skip
    emit(result(BENCH, http_config, "checks_per_s", ours_http.rate, health, peer_http.rate))
    client_cpu = ours_http.client_cpu_s / max(1, len(ours_http.latencies))
    for metric, value in (("server_cpu_ms_per_check", server_cpu),
                          ("postgres_backend_cpu_ms_per_check", db_cpu),
                          ("load_generator_cpu_ms_per_check", client_cpu)):  # fmt: skip
        emit({"bench": BENCH, "config": http_config, "metric": metric,
              "value": round(value * 1000, 3)})  # fmt: skip
    sql_s, listed = measure_overstays(args, registry, config)
    print(f"check p99 {percentile(ours, 0.99) * 1000:.1f} ms in-process, "
          f"{p99:.1f} ms over HTTP at "
          f"{ours_http.rate:.0f}/s; "
          f"overstays {sql_s:.2f} s ({listed:,} persons)")  # fmt: skip
    registry.dispose()


if __name__ == "__main__":
    main()
