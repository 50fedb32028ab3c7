"""The demo: a whole synthetic region on one machine, a node per authority, one API server."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from rmis.config import Settings
from rmis.ingest import ingest_file
from rmis.model import Principal, Role
from rmis.node import Node, open_node
from rmis.progress import advancer, bytes_progress, count_progress
from rmis.registry import add_user
from rmis.stats import DepartureQuery, departures_report, departures_sentence
from rmis.synth import RegionConfig, estimate_records, write_region

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
        "Ctrl-C stops."
    )
    uvicorn.run(create_region_app(nodes), host=host, port=port, log_level="warning")
