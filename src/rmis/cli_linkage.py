"""`rmis link`: the batch contract on person-record files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from rmis.errors import ValidationFailed

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def register(app: typer.Typer) -> None:
    """Add the linkage commands to the `rmis` command."""
    app.command("link")(link)


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
