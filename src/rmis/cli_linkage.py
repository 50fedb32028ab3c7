"""`rmis link`: the batch contract on person-record files; `rmis persons`: identity
resolution in the node's registry (incremental linking, full re-link, reviews of links).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from rmis.errors import ValidationFailed
from rmis.model import Principal, Role

if TYPE_CHECKING:
    from rmis.linking import LinkRun

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
persons_app = typer.Typer(
    help="Persons across every record of this node: linking and reviews.", no_args_is_help=True
)


def register(app: typer.Typer) -> None:
    """Add the linkage commands to the `rmis` command."""
    app.command("link")(link)
    app.add_typer(persons_app, name="persons")


def link(
    input_csv: Annotated[Path, typer.Argument(help="Person-record CSV file.")],
    out: Annotated[Path, typer.Option(help="Where to write record_id, person_id.")],
    pairs: Annotated[Path | None, typer.Option(help="Where to write the links.")] = None,
    model: Annotated[Path | None, typer.Option(help="A trained model (JSON) to use.")] = None,
    save_model: Annotated[Path | None, typer.Option(help="Save the model trained here.")] = None,
    backend: Annotated[str, typer.Option(help="duckdb or spark (local mode).")] = "duckdb",
    as_json: JsonFlag = False,
) -> None:
    """Find the persons in a file of person records: every record gets a person_id."""
    from rmis.cli import console, errors, print_json
    from rmis.linking import link_records
    from rmis.linking.files import read_records, write_clusters, write_pairs

    given = _load_model(model) if model else None
    with errors.status("linking") as status:
        outcome = link_records(
            read_records(input_csv),
            model=given,
            backend=_backend(backend),
            step=lambda text: status.update(text),
        )
    with out.open("w", encoding="utf-8", newline="") as stream:
        write_clusters(stream, outcome)
    if pairs:
        with pairs.open("w", encoding="utf-8", newline="") as stream:
            write_pairs(stream, outcome)
    if save_model and outcome.model:
        save_model.write_text(json.dumps(outcome.model, indent=2), encoding="utf-8")
    summary = outcome.summary()
    if as_json:
        print_json(summary)
        return
    console.print(_summary_table(summary))


def _summary_table(summary: dict[str, Any]) -> Table:
    table = Table("records", "identities", "persons", *summary["links"], title="Linkage")
    counts = (summary["records"], summary["identities"], summary["persons"])
    table.add_row(*(f"{n:,}" for n in (*counts, *summary["links"].values())))
    return table


def _load_model(path: Path) -> dict[str, Any]:
    try:
        model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ValidationFailed(f"cannot read the model {path}: {e}") from e
    return model


def _backend(name: str) -> Any:
    from rmis.linking import duckdb_backend, spark_backend

    if name == "duckdb":
        return duckdb_backend()
    if name == "spark":
        from rmis.linking.spark import local_session

        return spark_backend(local_session())
    raise ValidationFailed(f"unknown backend {name!r}: duckdb or spark")


@persons_app.command("link")
def persons_link(as_json: JsonFlag = False) -> None:
    """Link the crossings no person holds yet to the persons already found (incremental;
    trains and saves a model first when the node has none).
    """
    from rmis.cli import node, operator
    from rmis.linking import link_new_records

    n = node()
    run = _with_status(lambda step: link_new_records(n.registry, operator(n, "link"), step=step))
    _print_run(run.as_dict(), "Linking new records", as_json)


@persons_app.command("relink")
def persons_relink(
    retrain: Annotated[bool, typer.Option(help="Train and save a new model first.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Link every record of the node again (reviews are kept and respected)."""
    from rmis.cli import node, operator
    from rmis.linking import relink_all

    n = node()
    principal = operator(n, "relink")
    run = _with_status(lambda step: relink_all(n.registry, principal, retrain, step=step))
    _print_run(run.as_dict(), "Full re-link", as_json)


@persons_app.command("review")
def persons_review(
    left: Annotated[str, typer.Argument(help="An identity key or a record AUTHORITY/EVENT_ID.")],
    right: Annotated[str, typer.Argument(help="The other identity key or record.")],
    decision: Annotated[str, typer.Option(help="green (different people) or white (one).")],
    reason: Annotated[str, typer.Option(help="Why: kept in the review and the audit log.")],
) -> None:
    """Decide a link (typically a yellow one): the decision holds in every later run."""
    from rmis.cli import node, operator, print_json
    from rmis.linking import review_link

    n = node()
    p = operator(n, "link review")
    reviewer = Principal(p.authority, p.user, Role.LIAISON, p.purpose)
    print_json(review_link(n.registry, reviewer, left, right, decision, reason))


def link_after_ingest(registry: Any, principal: Principal) -> dict[str, Any]:
    """Link newly ingested crossings (the ingest command calls this when a model exists)."""
    from rmis.linking import link_new_records

    return _with_status(lambda step: link_new_records(registry, principal, step=step)).as_dict()


def _with_status(work: Callable[[Callable[[str], None]], LinkRun]) -> LinkRun:
    from rmis.cli import errors

    with errors.status("linking") as status:
        return work(lambda text: status.update(text))


def _print_run(run: dict[str, Any], title: str, as_json: bool) -> None:
    from rmis.cli import console, print_json

    if as_json:
        print_json(run)
        return
    table = Table("records", "new identities", "persons", *run["links"], "model", title=title)
    counts = (run["records"], run["identities"], run["persons"], *run["links"].values())
    table.add_row(*(f"{c:,}" for c in counts), f"v{run['model_version'] or '-'}")
    console.print(table)
