"""The demo: a whole synthetic region on one machine, a node per authority, one API server."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from rmis.config import Settings
from rmis.ingest import ingest_file
from rmis.model import PERSON_FIELDS, Principal, Role
from rmis.names import PersonName
from rmis.node import Node, open_node
from rmis.progress import advancer, bytes_progress, count_progress
from rmis.registry import add_user
from rmis.screening import WatchlistEntry
from rmis.stats import DepartureQuery, departures_report, departures_sentence
from rmis.synth import RegionConfig, estimate_records, write_region
from rmis.synth.watchlist import synthetic_watchlist
from rmis.watchlist.service import load_entries

WATCHLIST_SIZE = 300

ORIGINS = ("TJK", "UZB", "KGZ", "KAZ", "AZE")


def generate_region(
    out: Path, persons: int, years: tuple[int, ...], seed: int, console: Console
) -> dict[str, Any]:
    """Write a synthetic region to `out` with a progress bar; returns its manifest."""
    config = RegionConfig(persons=persons, years=years, seed=seed)
    with count_progress(console) as progress:
        task = progress.add_task("synthetic region", total=estimate_records(persons, years))
        manifest = write_region(out, config, progress=lambda n: progress.advance(task, n))
        progress.update(task, total=progress.tasks[0].completed)
    return _manifest_dict(manifest)


def _manifest_dict(manifest: Any) -> dict[str, Any]:
    if hasattr(manifest, "model_dump"):
        return dict(manifest.model_dump(mode="json"))
    from dataclasses import asdict

    return asdict(manifest)


def demo_settings(base: Settings, authority: str, data_dir: Path) -> Settings:
    """A node's settings in the demo: its own SQLite file, demo secrets allowed."""
    return base.model_copy(
        update={"authority": authority, "data_dir": data_dir, "database_url": "", "demo": True}
    )


def ingest_region(
    base: Settings, region_dir: Path, nodes_dir: Path, console: Console
) -> dict[str, Node]:
    """A node per authority file of the region, each with its file ingested."""
    nodes: dict[str, Node] = {}
    table = Table("node", "read", "stored", "duplicate", "quarantined", title="Ingest")
    for path in sorted((region_dir / "crossings").glob("*.csv")):
        code = path.stem
        node = open_node(demo_settings(base, code, nodes_dir))
        who = Principal(code, "demo", Role.ADMIN, "demo ingest")
        with bytes_progress(console, transient=True) as progress:
            task = progress.add_task(f"ingest {code}", total=path.stat().st_size)
            s = ingest_file(
                node.registry,
                path,
                who,
                node_authority=code,
                on_bytes=advancer(progress, task),
            )
        table.add_row(code, *(f"{v:,}" for v in (s.read, s.stored, s.duplicate, s.quarantined)))
        nodes[code] = node
    console.print(table)
    return nodes


def print_statistics(nodes: dict[str, Node], year: int, console: Console) -> None:
    """The Council's departures table for each origin state's node."""
    table = Table("origin", "left for work", "men", "women", "top destinations", f"vs {year - 1}")
    for code in ORIGINS:
        if code not in nodes:
            continue
        with nodes[code].registry.reader() as conn:
            r = departures_report(conn, DepartureQuery(code, year, purpose="work"))
        top = ", ".join(f"{c} {n:,}" for c, n in list(r["by_destination"].items())[:3])
        pct = r["change"]["percent"]
        table.add_row(
            code,
            f"{r['persons']:,}",
            f"{r['by_sex']['M']:,}",
            f"{r['by_sex']['F']:,}",
            top,
            f"{pct:+.1f}%" if pct is not None else "",
        )
        if code == "TJK":
            sentence = departures_sentence(r)
    console.print(table)
    if "TJK" in nodes:
        console.print(sentence)


def listed_travellers(nodes: dict[str, Node]) -> list[WatchlistEntry]:
    """One foreign traveller from each node's records, listed as they were recorded."""
    from sqlalchemy import select

    from rmis.registry.tables import crossings

    c = crossings.c
    columns = (c.surname, c.given_name, c.patronymic, c.sex, c.birth_date, c.nationality)
    entries = []
    for n, (code, node) in enumerate(sorted(nodes.items()), start=1):
        query = (
            select(*columns, c.document_number)
            .where(c.nationality != code, c.direction == "entry", c.birth_date != "")
            .order_by(c.person_key, c.at)
            .limit(1)
        )
        with node.registry.reader() as conn:
            row = conn.execute(query).first()
        if row is None:
            continue
        entries.append(
            WatchlistEntry(
                f"WL-T{n:05d}", (PersonName(row.surname, row.given_name, row.patronymic),),
                row.birth_date, row.sex, row.nationality, (row.document_number,), "ATC",
                f"demo: a traveller in the records of {code}", "ATC",
            )
        )  # fmt: skip
    return entries


def load_watchlists(nodes: dict[str, Node], seed: int, console: Console, out: Path) -> int:
    """The same synthetic watchlist in every node, a few entries being real travellers."""
    travellers = listed_travellers(nodes)
    entries = synthetic_watchlist(WATCHLIST_SIZE - len(travellers), seed) + travellers
    for code, node in nodes.items():
        load_entries(node.registry, Principal(code, "demo", Role.ADMIN, "demo watchlist"), entries)
    write_watchlist_csv(entries, out)
    names = ", ".join(f"{e.primary_name.surname} {e.primary_name.given_name}" for e in travellers)
    console.print(
        f"Watchlist: {len(entries):,} entries loaded into each of {len(nodes)} nodes "
        f"({len(travellers)} of them travellers in the region's records: {names}); "
        f"also in {out}"
    )
    return len(entries)


def write_watchlist_csv(entries: list[WatchlistEntry], out: Path) -> None:
    """The entries in the person-record CSV contract (`rmis screen --watchlist`)."""
    with out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(PERSON_FIELDS)
        for e in entries:
            name = e.primary_name
            writer.writerow([
                e.entry_id, e.list_name, name.surname, name.given_name, name.patronymic, e.sex,
                e.birth_date, e.nationality, e.documents[0] if e.documents else "",
            ])  # fmt: skip


def issue_demo_keys(
    nodes: dict[str, Node], console: Console, keys_file: Path
) -> dict[str, dict[str, str]]:
    """A user and API key per role on every node, printed and saved for trying the API."""
    keys: dict[str, dict[str, str]] = {}
    table = Table("node", "role", title="Demo API keys")
    table.add_column("X-API-Key", overflow="fold")
    for code, node in nodes.items():
        keys[code] = {}
        with node.registry.unit_of_work() as conn:
            for role in Role:
                _user, key = add_user(conn, f"demo-{role.value}-{code.lower()}", role, code)
                keys[code][role.value] = key
                table.add_row(code, role.value, key)
    console.print(table)
    keys_file.write_text(json.dumps(keys, indent=2), encoding="utf-8")
    console.print(f"The keys are also in {keys_file}")
    return keys


def run_demo(
    base: Settings, *, persons: int, seed: int, port: int, serve: bool, console: Console
) -> dict[str, Node]:
    """Generate, ingest, report, hand out keys, and serve the region until stopped."""
    root = base.data_dir / "demo"
    shutil.rmtree(root, ignore_errors=True)
    years = (2022, 2023)
    console.rule("[bold]RMIS demo: a synthetic region")
    generate_region(root / "region", persons, years, seed, console)
    nodes = ingest_region(base, root / "region", root / "nodes", console)
    print_statistics(nodes, years[-1], console)
    load_watchlists(nodes, seed, console, root / "watchlist.csv")
    issue_demo_keys(nodes, console, root / "keys.json")
    if serve:
        _serve(nodes, port, console)
    return nodes


def _serve(nodes: dict[str, Node], port: int, console: Console) -> None:
    import uvicorn

    from rmis.api import create_region_app

    host = "127.0.0.1"
    console.print(
        f"API of each node at http://{host}:{port}/nodes/<AUTHORITY>/v1 "
        f"(docs: http://{host}:{port}/nodes/TJK/docs). Try:\n"
        f"  curl -H 'X-API-Key: <analyst key of TJK>' "
        f"'http://{host}:{port}/nodes/TJK/v1/stats/departures?year=2023&purpose=work'\n"
        f"  curl -H 'X-API-Key: <officer key of RUS>' -H 'X-Purpose: border check' "
        f"-H 'Content-Type: application/json' -d @check.json "
        f"http://{host}:{port}/nodes/RUS/v1/border-checks  (see docs/api.md)\n"
        "Ctrl-C stops."
    )
    uvicorn.run(create_region_app(nodes), host=host, port=port, log_level="warning")
