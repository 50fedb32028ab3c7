"""`rmis screen` (the batch contract on files) and `rmis watchlist load|add|remove|list`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from rmis.errors import ValidationFailed
from rmis.names import PersonName
from rmis.progress import advancer, count_progress
from rmis.screening import WatchlistEntry
from rmis.watchlist import ScreenSummary, count_rows, screen_files, service
from rmis.watchlist.records import RejectedRow, entries_of, read_person_records
from rmis.watchlist.views import entry_dict

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer) -> None:
    """Add the screening commands to the `rmis` command."""
    app.command("screen")(screen)
    watchlist_app = typer.Typer(help="Watchlist entries of this node.", no_args_is_help=True)
    watchlist_app.command("load")(watchlist_load)
    watchlist_app.command("add")(watchlist_add)
    watchlist_app.command("remove")(watchlist_remove)
    watchlist_app.command("list")(watchlist_list)
    app.add_typer(watchlist_app, name="watchlist")


def watchlist_load(
    files: Annotated[list[Path], typer.Argument(help="Person-record CSV files of entries.")],
    as_json: JsonFlag = False,
) -> None:
    """Add or update entries from person-record CSV files (rows sharing a record_id are one
    entry with aliases); unchanged entries stay as they are.
    """
    from rmis.cli import console, node, operator, print_json

    n = node()
    entries, rejected = [], []
    for path in files:
        problems: list[RejectedRow] = []
        entries += entries_of(read_person_records(_readable(path), problems), n.authority)
        rejected += [f"{path.name} line {r.line}: {r.problems}" for r in problems]
    counts = service.load_entries(n.registry, operator(n, "watchlist load"), entries)
    result = {**counts, "rejected": rejected}
    if as_json:
        print_json(result)
        return
    console.print(
        f"added {counts['added']:,}, updated {counts['updated']:,}, "
        f"unchanged {counts['unchanged']:,}, rows rejected {len(rejected):,}"
    )
    for line in rejected[:10]:
        console.print(f"[yellow]rejected[/yellow] {line}", highlight=False)


def watchlist_add(
    entry_id: Annotated[str, typer.Argument(help="The entry's id.")],
    surname: Annotated[str, typer.Option(help="Surname as written, any script.")],
    given_name: Annotated[str, typer.Option(help="Given name as written.")] = "",
    patronymic: Annotated[str, typer.Option(help="Patronymic as written.")] = "",
    alias: Annotated[
        list[str] | None, typer.Option(help="Another name: 'SURNAME|GIVEN|PATRONYMIC'.")
    ] = None,
    birth_date: Annotated[str, typer.Option(help="YYYY-MM-DD, YYYY-MM or YYYY.")] = "",
    sex: Annotated[str, typer.Option(help="M, F or X.")] = "",
    nationality: Annotated[str, typer.Option(help="ICAO code.")] = "",
    document: Annotated[list[str] | None, typer.Option(help="A document number.")] = None,
    list_name: Annotated[str, typer.Option(help="Which list.")] = "",
    reason: Annotated[str, typer.Option(help="Why the person is listed.")] = "",
    listed_by: Annotated[str, typer.Option(help="The listing authority.")] = "",
) -> None:
    """Add an entry, or store a new version of the entry with this id."""
    from rmis.cli import node, operator, print_json

    names = (PersonName(surname, given_name, patronymic), *map(_alias, alias or []))
    entry = WatchlistEntry(
        entry_id, names, birth_date, sex, nationality, tuple(document or []),
        list_name, reason, listed_by,
    )  # fmt: skip
    n = node()
    stored = service.put_entry(n.registry, operator(n, "watchlist add"), entry)
    print_json(entry_dict(stored))


def _alias(text: str) -> PersonName:
    surname, given, patronymic, *_ = [*text.split("|"), "", ""]
    return PersonName(surname.strip(), given.strip(), patronymic.strip())


def watchlist_remove(entry_id: Annotated[str, typer.Argument(help="The entry's id.")]) -> None:
    """Take an entry off the list; its history stays."""
    from rmis.cli import console, node, operator

    n = node()
    entry = service.remove_entry(n.registry, operator(n, "watchlist remove"), entry_id)
    console.print(f"removed {entry_id} (was version {entry.version})")


def watchlist_list(
    limit: Annotated[int, typer.Option(help="How many entries.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many.")] = 0,
    as_json: JsonFlag = False,
) -> None:
    """Current watchlist entries."""
    from rmis.cli import console, node, operator, print_json

    n = node()
    total, entries = service.list_entries(n.registry, operator(n, "watchlist list"), limit, offset)
    if as_json:
        print_json({"total": total, "entries": [entry_dict(e) for e in entries]})
        return
    table = Table("entry", "v", "name", "aliases", "born", "list", title=f"{total:,} entries")
    for e in entries:
        name = " ".join(p for p in (e.primary_name.surname, e.primary_name.given_name) if p)
        table.add_row(
            e.entry_id, str(e.version), name, str(len(e.names) - 1), e.birth_date, e.list_name
        )
    console.print(table)


def _readable(path: Path) -> Path:
    if not path.is_file():
        raise ValidationFailed(f"cannot read {path}: no such file")
    return path


def screen(
    queries: Annotated[Path, typer.Argument(help="Person-record CSV of the people to screen.")],
    watchlist: Annotated[
        Path, typer.Option("--watchlist", help="Person-record CSV of the watchlist entries.")
    ],
    out: Annotated[Path, typer.Option("--out", help="Hits CSV to write.")],
    as_json: JsonFlag = False,
) -> None:
    """Screen person records against a watchlist file; write one row per alert or review
    hit (`query_id, entry_id, score, decision`). Needs no registry.
    """
    from rmis.cli import console, errors, print_json

    total = count_rows(queries)
    with count_progress(errors) as progress:
        task = progress.add_task("screening", total=total)
        summary = screen_files(watchlist, queries, out, on_query=advancer(progress, task))
    if as_json:
        print_json(summary.as_dict())
        return
    console.print(summary_table(summary, out))
    for name, row in summary.rejected[:10]:
        errors.print(f"[yellow]skipped[/yellow] {name} line {row.line}: {row.problems}")


def summary_table(summary: ScreenSummary, out: Path) -> Table:
    """The closing summary of a batch screening."""
    rate = summary.queries / summary.screen_seconds if summary.screen_seconds else 0.0
    table = Table("", "", title=f"Screening → {out}", show_header=False)
    for label, value in (
        ("watchlist entries", f"{summary.entries:,}"),
        ("queries screened", f"{summary.queries:,}"),
        ("alerts", f"{summary.alerts:,}"),
        ("reviews", f"{summary.reviews:,}"),
        ("queries with a hit", f"{summary.queries_with_hits:,}"),
        ("rows skipped (invalid)", f"{len(summary.rejected):,}"),
        ("index built in", f"{summary.index_seconds:.2f} s"),
        ("queries per second", f"{rate:,.0f}"),
    ):
        table.add_row(label, value)
    return table
