"""The `rmis` command: the same services as the API, for operators and scripts."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError as PydanticValidationError
from rich.console import Console
from rich.table import Table

from rmis.config import Settings
from rmis.errors import ConfigurationError, RmisError, ValidationFailed
from rmis.ingest import ingest_file, retry_all, retry_quarantined
from rmis.model import Principal, QuarantineStatus, Role, system_principal
from rmis.model.crossing import FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR
from rmis.node import Node, open_node
from rmis.progress import advancer, bytes_progress
from rmis.registry import (
    add_user,
    count_quarantined,
    get_quarantined,
    list_audit,
    list_quarantined,
    list_users,
    revoke_user,
    verify_audit,
)
from rmis.stats import DepartureQuery, departures_report, departures_sentence

app = typer.Typer(
    help="RMIS: the Regional Migration Information System.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
ingest_app = typer.Typer(help="Load records into this node.", no_args_is_help=True)
quarantine_app = typer.Typer(help="Records held back by ingest.", no_args_is_help=True)
users_app = typer.Typer(help="Users of this node and their API keys.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
stats_app = typer.Typer(help="Statistics for analysts and the Council.", no_args_is_help=True)
for sub, name in (
    (ingest_app, "ingest"),
    (quarantine_app, "quarantine"),
    (users_app, "users"),
    (audit_app, "audit"),
    (stats_app, "stats"),
):
    app.add_typer(sub, name=name)

console = Console()
errors = Console(stderr=True)
_overrides: dict[str, Any] = {}

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.callback()
def main_options(
    authority: Annotated[
        str | None, typer.Option(help="This node's authority (RMIS_AUTHORITY).")
    ] = None,
    database_url: Annotated[
        str | None, typer.Option(help="Registry URL (RMIS_DATABASE_URL).")
    ] = None,
    data_dir: Annotated[Path | None, typer.Option(help="Data directory (RMIS_DATA_DIR).")] = None,
) -> None:
    """Options here override the RMIS_* environment for one command."""
    given = {"authority": authority, "database_url": database_url, "data_dir": data_dir}
    _overrides.clear()
    _overrides.update({k: v for k, v in given.items() if v is not None})


def settings() -> Settings:
    try:
        return Settings(**_overrides)
    except PydanticValidationError as e:
        problems = "; ".join(f"{'.'.join(map(str, x['loc']))}: {x['msg']}" for x in e.errors())
        raise ConfigurationError(f"bad settings: {problems}") from e


def node() -> Node:
    return open_node(settings())


def operator(n: Node, purpose: str) -> Principal:
    """The node's operator at this terminal."""
    p = system_principal(n.authority, purpose)
    return Principal(p.authority, f"cli:{getpass.getuser()}", p.role, purpose)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


@ingest_app.command("crossings")
def ingest_crossings(
    files: Annotated[list[Path], typer.Argument(help="CSV or JSON-lines crossing files.")],
    as_json: JsonFlag = False,
    batch_size: Annotated[int | None, typer.Option(help="Records per transaction.")] = None,
    link: Annotated[
        bool | None,
        typer.Option(
            "--link/--no-link",
            help="Link new records to persons (default: when a linkage model is saved).",
        ),
    ] = None,
) -> None:
    """Ingest crossing files; bad records go to quarantine, re-runs store nothing twice."""
    for path in files:
        if not path.is_file():
            raise ValidationFailed(f"cannot read {path}: no such file")
    n = node()
    summaries = []
    with bytes_progress(errors) as progress:
        for path in files:
            size = path.stat().st_size
            task = progress.add_task(path.name, total=size)
            summary = ingest_file(
                n.registry,
                path,
                operator(n, "ingest"),
                node_authority=n.authority,
                batch_size=batch_size or n.settings.ingest_batch_size,
                on_bytes=advancer(progress, task),
                reindex_above_bytes=n.settings.reindex_above_mb << 20,
            )
            summaries.append(summary.as_dict())
    linked = _link_ingested(n, link)
    if as_json:
        result: Any = summaries[0] if len(summaries) == 1 else summaries
        print_json({"ingest": result, "linked": linked} if linked else result)
        return
    table = Table("source", "read", "stored", "duplicate", "quarantined", title="Ingest")
    for s in summaries:
        table.add_row(
            s["source"], *(f"{s[k]:,}" for k in ("read", "stored", "duplicate", "quarantined"))
        )
    console.print(table)
    if linked:
        console.print(f"linked {linked['records']:,} records; {linked['persons']:,} persons")


def _link_ingested(n: Node, link: bool | None) -> dict[str, Any] | None:
    from rmis.cli_linkage import link_after_ingest
    from rmis.linking import has_model

    if link is False or (link is None and not has_model(n.registry)):
        return None
    return link_after_ingest(n.registry, operator(n, "link after ingest"))


@quarantine_app.command("list")
def quarantine_list(
    status: Annotated[str, typer.Option(help="held, resolved or all.")] = "held",
    limit: int = 50,
    offset: int = 0,
    as_json: JsonFlag = False,
) -> None:
    """Quarantined records with their problems."""
    wanted = None if status == "all" else QuarantineStatus(status)
    n = node()
    with n.registry.reader() as conn:
        records = list_quarantined(conn, wanted, limit, offset)
        total = count_quarantined(conn, wanted)
    if as_json:
        print_json(
            {"total": total, "records": [_quarantined(r) for r in records]},
        )
        return
    table = Table("id", "source:line", "status", "problems", title=f"Quarantine ({total:,})")
    for r in records:
        problems = "; ".join(f"{p.field}: {p.message}" for p in r.problems)
        table.add_row(r.id, f"{r.source}:{r.line}", r.status.value, problems)
    console.print(table)


def _quarantined(r: Any, full: bool = False) -> dict[str, Any]:
    from rmis.api.routers.quarantine import quarantined_dict

    return quarantined_dict(r, full)


@quarantine_app.command("show")
def quarantine_show(record_id: str) -> None:
    """One quarantined record: raw text, fields and every problem (audited)."""
    from rmis.access import record_access

    n = node()
    with n.registry.unit_of_work() as conn:
        record = get_quarantined(conn, record_id)
        record_access(conn, operator(n, "quarantine repair"), "quarantine.read", record.id)
    print_json(_quarantined(record, full=True))


@quarantine_app.command("retry")
def quarantine_retry(
    record_id: Annotated[str | None, typer.Argument(help="Id (or unique prefix).")] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Correction field=value (repeatable).")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Retry every held record.")] = False,
) -> None:
    """Correct a held record and validate it again; a valid one is stored once."""
    n = node()
    who = operator(n, "quarantine repair")
    if all_:
        print_json(retry_all(n.registry, who, node_authority=n.authority))
        return
    if not record_id:
        raise ValidationFailed("name a quarantined record id, or pass --all")
    outcome = retry_quarantined(
        n.registry, who, record_id, _corrections(set_ or []), node_authority=n.authority
    )
    print_json(outcome.as_dict())
    if outcome.status == "held":
        raise typer.Exit(1)


def _corrections(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field:
            raise ValidationFailed(f"--set takes field=value, not {pair!r}")
        out[field.strip()] = value
    return out


@users_app.command("add")
def users_add(
    name: str,
    role: Annotated[Role, typer.Option(help="officer, analyst, liaison or admin.")],
    authority: Annotated[str | None, typer.Option(help="Default: this node's.")] = None,
) -> None:
    """Create a user and print their API key (shown this once)."""
    from rmis.access import record_access

    n = node()
    with n.registry.unit_of_work() as conn:
        user, key = add_user(conn, name, role, authority or n.authority)
        record_access(conn, operator(n, "user admin"), "user.add", f"user:{name}")
    console.print(f"{user.name} ({user.role.value}, {user.authority}) API key: {key}")


@users_app.command("list")
def users_list(as_json: JsonFlag = False) -> None:
    """Users of this node."""
    from rmis.api.routers.users import user_dict

    n = node()
    with n.registry.reader() as conn:
        rows = [user_dict(u) for u in list_users(conn)]
    if as_json:
        print_json(rows)
        return
    table = Table("name", "role", "authority", "key prefix", "created", "revoked")
    for u in rows:
        table.add_row(
            u["name"],
            u["role"],
            u["authority"],
            u["key_prefix"],
            u["created_at"][:19],
            (u["revoked_at"] or "")[:19],
        )
    console.print(table)


@users_app.command("revoke")
def users_revoke(name: str) -> None:
    """Revoke a user's key; their audit history stays."""
    from rmis.access import record_access

    n = node()
    with n.registry.unit_of_work() as conn:
        user = revoke_user(conn, name)
        record_access(conn, operator(n, "user admin"), "user.revoke", f"user:{name}")
    console.print(f"revoked {user.name} at {user.revoked_at}")


@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit log's hash chain; fails naming the first edited or deleted entry."""
    n = node()
    with n.registry.reader() as conn:
        result = verify_audit(conn)
    console.print(f"audit log intact: {result.entries:,} entries, head {result.head_hash[:16]}")


@audit_app.command("list")
def audit_list(limit: int = 20, subject: str = "") -> None:
    """The newest audit entries."""
    n = node()
    with n.registry.reader() as conn:
        print_json(list_audit(conn, limit, subject))


@stats_app.command("departures")
def stats_departures(
    year: Annotated[
        int,
        typer.Option(help="The year reported.", min=FIRST_PLAUSIBLE_YEAR, max=LAST_PLAUSIBLE_YEAR),
    ],
    authority: Annotated[str | None, typer.Option(help="Recording authority.")] = None,
    purpose: Annotated[str, typer.Option(help="Only exits for this purpose (e.g. work).")] = "",
    nationality: Annotated[str, typer.Option(help="Default: the authority's own.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Distinct nationals who left in a year, by sex and destination, and the change."""
    if authority:
        _overrides.setdefault("authority", authority)
    n = node()
    query = DepartureQuery(authority or n.authority, year, nationality, purpose)
    with n.registry.reader() as conn:
        report = departures_report(conn, query)
    if as_json:
        print_json(report | {"summary": departures_sentence(report)})
        return
    print_departures(report)


def print_departures(report: dict[str, Any]) -> None:
    """The departures report as a table and the Council's sentence."""
    title = f"{report['nationality']} nationals leaving {report['authority']} in {report['year']}"
    table = Table("", "persons", title=title + f" (purpose: {report['purpose']})")
    table.add_row("all", f"{report['persons']:,}")
    for sex, count in report["by_sex"].items():
        table.add_row(f"sex {sex}", f"{count:,}")
    for country, count in report["by_destination"].items():
        table.add_row(f"to {country}", f"{count:,}")
    prev = report["previous_year"]
    table.add_row(f"{prev['year']}", f"{prev['persons']:,}")
    console.print(table)
    console.print(departures_sentence(report))


@app.command("synth")
def synth(
    out: Annotated[Path, typer.Option(help="Directory to write the region to.")],
    persons: Annotated[int, typer.Option(help="Migrant persons in the region.")] = 20_000,
    years: Annotated[str, typer.Option(help="Comma-separated years.")] = "2022,2023",
    seed: Annotated[int, typer.Option(help="Random seed; same seed, same files.")] = 7,
    as_json: JsonFlag = False,
) -> None:
    """Write a synthetic region's crossing files (one per recording authority)."""
    from rmis.demo import generate_region

    manifest = generate_region(out, persons, _years(years), seed, errors)
    counts = {
        code: {
            "records": records,
            "dirty": len(manifest["dirty"].get(code, [])),
            "resent": len(manifest["resent"].get(code, [])),
        }
        for code, records in manifest["records"].items()
    }
    if as_json:
        print_json({"out": str(out), "persons": manifest["persons"], "files": counts})
        return
    table = Table("authority", "records", "dirty", "re-sent", title=f"Synthetic region in {out}")
    for code, c in counts.items():
        table.add_row(code, f"{c['records']:,}", f"{c['dirty']:,}", f"{c['resent']:,}")
    console.print(table)
    console.print(f"crossings in {out / 'crossings'}; ground truth and manifest beside them")


def _years(text: str) -> tuple[int, ...]:
    try:
        return tuple(sorted(int(y) for y in text.split(",") if y.strip()))
    except ValueError as e:
        raise ValidationFailed(f"--years takes years like 2022,2023, not {text!r}") from e


@app.command("serve")
def serve(
    host: Annotated[str | None, typer.Option(help="Default: RMIS_API_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: RMIS_API_PORT.")] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Server processes, each with RMIS_API_THREADS threads (one per core)."
        ),
    ] = 1,
) -> None:
    """Serve this node's API (in several processes with --workers)."""
    import uvicorn

    from rmis.api import create_app

    s = settings()
    if workers == 1:
        uvicorn.run(create_app(s), host=host or s.api_host, port=port or s.api_port)
        return
    s.token_secret()  # refuse before starting processes, as one process would
    open_node(s).registry.dispose()  # migrated once here, not by every process at once
    # each process builds the node from the environment: the command's options go there too
    os.environ.update({f"RMIS_{name.upper()}": str(value) for name, value in _overrides.items()})
    uvicorn.run(
        "rmis.api:node_app", factory=True, workers=workers,
        host=host or s.api_host, port=port or s.api_port,
    )  # fmt: skip


@app.command("demo")
def demo(
    persons: Annotated[int, typer.Option(help="Migrant persons in the region.")] = 50_000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 7,
    port: Annotated[int, typer.Option(help="Port of the region's API.")] = 8000,
    serve_api: Annotated[bool, typer.Option("--serve/--no-serve", help="Serve the API.")] = True,
) -> None:
    """Generate a synthetic region, run a node per authority, and serve their APIs."""
    from rmis.demo import run_demo

    run_demo(settings(), persons=persons, seed=seed, port=port, serve=serve_api, console=console)


from rmis.cli_screening import register as register_screening  # noqa: E402

register_screening(app)


def main() -> None:
    """Entry point: RMIS errors become one clear line and a non-zero exit."""
    try:
        app()
    except RmisError as e:
        errors.print(f"[red]error:[/red] {e.detail}", highlight=False)
        raise SystemExit(1) from None


from rmis.cli_border import register as _register_border  # noqa: E402

_register_border(app)

from rmis.cli_linkage import register as _register_linkage  # noqa: E402

_register_linkage(app)
