"""`rmis mrz | stay | overstays | check | documents`: the border check from the command line."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError as PydanticValidationError

from rmis.errors import ValidationFailed
from rmis.model import Principal, Role
from rmis.node import Node

documents_app = typer.Typer(
    help="Lost, stolen and revoked travel documents (after INTERPOL SLTD).", no_args_is_help=True
)
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer) -> None:
    """Add the border commands to the `rmis` command."""
    app.command("mrz")(mrz)
    app.command("stay")(stay)
    app.command("overstays")(overstays)
    app.command("check")(check)
    app.command("decide")(decide)
    app.add_typer(documents_app, name="documents")


def _officer(n: Node, purpose: str) -> Principal:
    """The operator at this terminal acting as a border officer of the node."""
    from rmis.cli import operator

    p = operator(n, purpose)
    return Principal(p.authority, p.user, Role.OFFICER, purpose)


def _date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as e:
        raise ValidationFailed(f"{option} takes an ISO 8601 date (YYYY-MM-DD), not {text!r}") from e


def mrz(
    lines: Annotated[
        list[str] | None, typer.Argument(help="MRZ lines; read from stdin if none.")
    ] = None,
) -> None:
    """Read an ICAO 9303 machine-readable zone and print its fields as JSON (exit 1 if invalid)."""
    from rmis.cli import print_json
    from rmis.documents import parse_mrz

    text = "\n".join(lines) if lines else sys.stdin.read()
    reading = parse_mrz(text)
    print_json(reading.to_json_dict())
    if not reading.valid:
        raise typer.Exit(1)


def parse_trip(text: str) -> Any:
    """`ENTRY/EXIT` or `ENTRY/` (still present) as a Trip."""
    from rmis.stay import Trip

    entry, sep, exit_ = text.partition("/")
    if not sep:
        raise ValidationFailed(f"--trip takes ENTRY/EXIT or ENTRY/ (still present), not {text!r}")
    try:
        return Trip(_date(entry, "--trip"), _date(exit_, "--trip") if exit_ else None)
    except ValueError as e:
        raise ValidationFailed(f"--trip {text}: {e}") from e


def parse_grounds(text: str) -> Any:
    """`GROUNDS` or `GROUNDS@FROM/UNTIL` (either date may be empty) as a grounds period."""
    from rmis.stay import GroundsPeriod

    name, _, period = text.partition("@")
    first, _, last = period.partition("/")
    try:
        return GroundsPeriod(
            name,  # type: ignore[arg-type]  # parsed from text in GroundsPeriod
            _date(first, "--grounds") if first else None,
            _date(last, "--grounds") if last else None,
        )
    except ValueError as e:
        raise ValidationFailed(f"--grounds {text}: {e}") from e


def stay(
    host: Annotated[str, typer.Option(help="Host state (RUS, KAZ).")],
    nationality: Annotated[str, typer.Option(help="The traveller's nationality (ICAO code).")],
    on: Annotated[str, typer.Option(help="The day judged (ISO 8601).")],
    trip: Annotated[list[str], typer.Option(help="ENTRY/EXIT, or ENTRY/ if still present.")],
    grounds: Annotated[
        list[str] | None,
        typer.Option(help="visa-free, labour-patent@FROM/UNTIL, ... (repeat when they change)."),
    ] = None,
    year: Annotated[str, typer.Option(help="How the 2025 '90/365' year runs.")] = "calendar",
    as_json: JsonFlag = False,
) -> None:
    """Days used and left, the latest exit, overstay and re-entry ban under the host's rules."""
    from rmis.border import stay_json
    from rmis.cli import console, print_json
    from rmis.stay import assess_stay

    if year not in ("calendar", "rolling"):
        raise ValidationFailed(f"--year is calendar or rolling, not {year!r}")
    periods = [parse_grounds(g) for g in grounds or ["visa-free"]]
    try:
        result = assess_stay(
            host.upper(), nationality.upper(), periods, _date(on, "--on"),
            [parse_trip(t) for t in trip], year=year,  # type: ignore[arg-type]
        )  # fmt: skip
    except ValueError as e:
        raise ValidationFailed(str(e)) from e
    answer = stay_json(result)
    if as_json:
        print_json(answer)
        return
    for key in ("rule", "days_used", "days_remaining", "latest_exit", "overstay_days", "ban"):
        console.print(f"{key}: {answer[key]}")


def overstays(
    authority: Annotated[
        str | None, typer.Option(help="Host authority (default: the node's).")
    ] = None,
    on: Annotated[str | None, typer.Option(help="The day judged (default: today).")] = None,
    year: Annotated[str, typer.Option(help="How the 2025 '90/365' year runs.")] = "calendar",
    as_json: JsonFlag = False,
) -> None:
    """Everyone present past their allowed stay, computed in the database."""
    from rich.table import Table

    from rmis.border import list_overstays
    from rmis.cli import _overrides, console, node, print_json

    if authority:
        _overrides.setdefault("authority", authority.upper())
    n = node()
    day = _date(on, "--on") if on else dt.date.today()
    with n.registry.unit_of_work() as conn:
        answer = list_overstays(conn, _officer(n, "overstay list"), n.authority, day, year)  # type: ignore[arg-type]
    if as_json:
        print_json(answer)
        return
    table = Table(
        "person",
        "entered",
        "grounds",
        "days used",
        title=f"Overstays in {n.authority} on {day} ({answer['count']:,})",
    )
    for p in answer["persons"]:
        table.add_row(p["person_key"], p["entered"], p["grounds"], str(p["days_used"]))
    console.print(table)


def check(
    post: Annotated[str, typer.Option("--post", help="Border post code, e.g. RUS-DME.")],
    direction: Annotated[str, typer.Option(help="entry or exit.")],
    lines: Annotated[list[str] | None, typer.Argument(help="MRZ lines; stdin if none.")] = None,
    at: Annotated[str | None, typer.Option(help="Instant with offset (default: now).")] = None,
    grounds: Annotated[str, typer.Option(help="Grounds stated at the post.")] = "",
    other_country: Annotated[
        str | None, typer.Option(help="Where from (entry) or to (exit).")
    ] = None,
    purpose: Annotated[
        str, typer.Option(help="Why the record is read (audited).")
    ] = "border check",
) -> None:
    """Check a traveller at a post: document, lost/stolen, screening, stay; clear or refer."""
    from rmis.border import BorderCheckRequest, NodeWatchlistScreener, run_check
    from rmis.cli import node, print_json

    text = "\n".join(lines) if lines else sys.stdin.read()
    fields = {"mrz": text, "border_post": post, "direction": direction, "grounds": grounds}
    fields |= {k: v for k, v in (("at", at), ("other_country", other_country)) if v}
    request = _validated(BorderCheckRequest, fields)
    n = node()
    screener = NodeWatchlistScreener(n.registry)
    print_json(run_check(n, _officer(n, purpose), request, screener))


def decide(
    check_id: Annotated[str, typer.Argument(help="The check's id.")],
    decision: Annotated[str, typer.Option(help="admit (records the crossing) or refuse.")],
    note: Annotated[str, typer.Option(help="Why; required to refuse.")] = "",
) -> None:
    """Record the officer's decision on a check; admitting records the crossing."""
    from rmis.border import confirm_check
    from rmis.cli import node, print_json

    if decision not in ("admit", "refuse"):
        raise ValidationFailed(f"--decision is admit or refuse, not {decision!r}")
    n = node()
    print_json(confirm_check(n, _officer(n, "border check"), check_id, decision, note))  # type: ignore[arg-type]


def _validated(model: Any, fields: dict[str, Any]) -> Any:
    try:
        return model.model_validate(fields)
    except PydanticValidationError as e:
        problems = [
            {"field": ".".join(map(str, x["loc"])), "message": x["msg"]} for x in e.errors()
        ]
        detail = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        raise ValidationFailed(f"invalid input: {detail}", problems) from e


@documents_app.command("report")
def documents_report(
    issuer: Annotated[str, typer.Option(help="Issuing state (ICAO code).")],
    number: Annotated[str, typer.Option(help="Document number.")],
    status: Annotated[str, typer.Option(help="stolen-blank, lost, stolen or revoked.")],
    document_type: Annotated[str, typer.Option("--type", help="ICAO document code.")] = "P",
    reported_by: Annotated[
        str | None, typer.Option(help="Reporting authority (default: this node).")
    ] = None,
    reported_on: Annotated[
        str | None, typer.Option(help="Date of the report (default: today).")
    ] = None,
    source: Annotated[str, typer.Option(help="national, interpol, exchange, ...")] = "national",
    note: str = "",
) -> None:
    """Report one lost, stolen or revoked document."""
    from rmis.cli import node

    n = node()
    fields = {
        "issuing_state": issuer.upper(),
        "number": number,
        "status": status,
        "document_type": document_type.upper(),
        "reporting_authority": (reported_by or n.authority).upper(),
        "reported_on": reported_on or dt.date.today().isoformat(),
        "source": source,
        "note": note,
    }
    _report(n, [fields])


def _report(n: Node, rows: list[dict[str, Any]]) -> None:
    from rmis.border import AlertReport, report_alerts
    from rmis.cli import operator, print_json

    reports = [_validated(AlertReport, row) for row in rows]
    with n.registry.unit_of_work() as conn:
        stored = report_alerts(conn, operator(n, "document alerts"), reports)
    created = sum(new for _, new in stored)
    if len(stored) == 1:
        print_json(stored[0][0].to_json_dict() | {"created": created == 1})
    else:
        print_json(
            {"read": len(stored), "created": created, "already_reported": len(stored) - created}
        )


@documents_app.command("load")
def documents_load(
    path: Annotated[Path, typer.Argument(help="CSV with the alert fields as its header.")],
) -> None:
    """Load a list of lost, stolen or revoked documents (all or none)."""
    from rmis.cli import node

    if not path.is_file():
        raise ValidationFailed(f"cannot read {path}: no such file")
    with path.open(newline="", encoding="utf-8") as f:
        rows = [{k: v for k, v in row.items() if v} for row in csv.DictReader(f)]
    _report(node(), rows)


@documents_app.command("list")
def documents_list(
    all_: Annotated[bool, typer.Option("--all", help="Cleared alerts too.")] = False,
    limit: int = 100,
    as_json: JsonFlag = False,
) -> None:
    """Reported documents, newest first."""
    from rich.table import Table

    from rmis.border import list_alerts
    from rmis.cli import console, node, print_json

    n = node()
    with n.registry.reader() as conn:
        alerts = [a.to_json_dict() for a in list_alerts(conn, active=not all_, limit=limit)]
    if as_json:
        print_json(alerts)
        return
    table = Table("id", "issuer", "type", "number", "status", "by", "on", "active")
    for a in alerts:
        keys = ("id", "issuing_state", "document_type", "number", "status", "reporting_authority")
        table.add_row(*(a[k] for k in keys), a["reported_on"], "yes" if a["active"] else "no")
    console.print(table)


@documents_app.command("clear")
def documents_clear(
    alert_id: Annotated[str, typer.Argument(help="The alert's id.")],
    reason: Annotated[str, typer.Option(help="Why it no longer stands (found, wrong report).")],
) -> None:
    """Clear an alert; it is kept with who cleared it and why."""
    from rmis.border import clear_alert
    from rmis.cli import node, operator, print_json

    n = node()
    with n.registry.unit_of_work() as conn:
        alert = clear_alert(conn, operator(n, "document alerts"), alert_id, reason)
    print_json(alert.to_json_dict())
