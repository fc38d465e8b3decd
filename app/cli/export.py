"""`milcap export`: the whole dataset as one JSON document, or as one CSV file per table."""

import sys
from pathlib import Path
from typing import Annotated, Literal, get_args

import typer
from pydantic import BaseModel

from app.cli.options import UrlOption, connect, fail
from app.core.http import to_csv
from app.meta.schemas import Export

# The export's lists, each a table of its own in CSV (a test checks none is missing).
Table = Literal[
    "sources",
    "categories",
    "countries",
    "indicators",
    "organizations",
    "equipment",
    "inventory",
    "transfers",
    "agreements",
    "people",
    "places",
    "events",
    "relations",
]
TABLES: tuple[str, ...] = get_args(Table)


def table_csv(export: Export, name: str) -> bytes:
    rows: list[BaseModel] = getattr(export, name)
    return to_csv(row.model_dump(mode="json") for row in rows)


def export(
    format_: Annotated[
        Literal["json", "csv"], typer.Option("--format", help="json: one document; csv: tables.")
    ] = "json",
    table: Annotated[
        Table | None, typer.Option(help="CSV: only this table (to stdout, or to --output).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="JSON: the file to write. CSV: the directory for one <table>.csv each.",
        ),
    ] = None,
    url: UrlOption = None,
) -> None:
    """Download the whole dataset: every source (with its text), country, claim and citation.

    `--format csv` writes one file per table into --output DIR (flattened as the API's
    `?format=csv`: citations as `source: “quote”`), or one table with --table.
    """
    with connect(url) as client:
        document = client.export()
    if format_ == "json":
        if table:
            raise fail("--table goes with --format csv; JSON is one document")
        body = document.model_dump_json(indent=2) + "\n"
        if output:
            output.write_text(body, encoding="utf-8")
            _report(f"wrote {output}", document)
        else:
            sys.stdout.write(body)
    elif table:
        if output:
            output.write_bytes(table_csv(document, table))
            _report(f"wrote {output}", document)
        else:
            sys.stdout.write(table_csv(document, table).decode())
    else:
        if output is None:
            raise fail("--format csv writes one file per table: give --output DIR (or --table)")
        output.mkdir(parents=True, exist_ok=True)
        for name in TABLES:
            (output / f"{name}.csv").write_bytes(table_csv(document, name))
        _report(f"wrote {len(TABLES)} tables to {output}/", document)


def _report(message: str, document: Export) -> None:
    typer.echo(f"{message} (dataset version {document.dataset_version[:12]})", err=True)
