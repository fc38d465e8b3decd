"""`milcap export`: the whole dataset, the current release's or an earlier one's, as the server
streams it: one JSON document, NDJSON, CSV tables (a zip, or a directory of them), or SQLite."""

import shutil
import sys
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Annotated, get_args

import typer
from rich.console import Console
from rich.filesize import decimal
from rich.progress import BarColumn, DownloadColumn, TaskProgressColumn, TextColumn
from rich.progress import Progress as ProgressBar

from app.cli.options import UrlOption, connect, fail
from app.client import MilcapClient
from app.client.transport import Progress
from app.releases.schemas import ExportFormat, FactKind

# The export's kinds of fact, each a table of its own in CSV (a test checks none is missing).
TABLES: tuple[str, ...] = get_args(FactKind)


def export(
    format_: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            help="json: one document; ndjson: a fact a line; csv: a CSV per table; "
            "sqlite: a SQLite file, a table per kind.",
        ),
    ] = "json",
    release: Annotated[
        str | None,
        typer.Option(
            metavar="VERSION", help="That release's dataset, not the current one (milcap releases)."
        ),
    ] = None,
    table: Annotated[
        FactKind | None, typer.Option(help="CSV: only this table (to stdout, or to --output).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="The file to write (without it, json and ndjson go to stdout). CSV: the "
            "directory for one <table>.csv each, or a FILE.zip of them.",
        ),
    ] = None,
    url: UrlOption = None,
) -> None:
    """Download the whole dataset: every source (with its text), country, claim and citation.

    `--format csv` writes one file per table into --output DIR (flattened as the API's
    `?format=csv`: citations as `source: “quote”`), the server's zip of them to --output
    FILE.zip, or one table with --table. Nothing is written if the download fails.
    """
    if table and format_ != "csv":
        raise fail(f"--table goes with --format csv; {format_} holds every table")
    if format_ == "csv" and output is None and table is None:
        raise fail("--format csv writes one file per table: give --output DIR (or --table)")
    if format_ == "sqlite" and output is None:
        raise fail("--format sqlite writes a database file: give --output PATH")
    # CSV tables are the server's zip, unpacked here unless a .zip file is what is asked for.
    unpack = format_ == "csv" and (table is not None or output is None or output.suffix != ".zip")
    if unpack and not table and output is not None and output.exists() and not output.is_dir():
        raise fail(f"{output} is a file: give a directory, or a name ending in .zip")
    with connect(url) as client, TemporaryDirectory(prefix="milcap-export-") as scratch:
        if unpack:
            archive = _download(client, Path(scratch) / "tables.csv.zip", release, "csv")
            if table:
                _write(_member(archive, f"{table}.csv"), output)
            elif output is not None:
                written = _unpack(archive, output)
                typer.echo(f"wrote {written} tables to {output}/{_of(release)}", err=True)
        elif output is None:
            downloaded = _download(client, Path(scratch) / f"export.{format_}", release, format_)
            with downloaded.open("rb") as file:
                shutil.copyfileobj(file, sys.stdout.buffer)
        else:
            _download(client, output, release, format_)
            typer.echo(f"wrote {output} ({decimal(output.stat().st_size)}){_of(release)}", err=True)


def _download(client: MilcapClient, path: Path, release: str | None, format_: ExportFormat) -> Path:
    with progress_bar(f"export ({format_})") as progress:
        return client.download_export(path, release=release, format=format_, progress=progress)


def _of(release: str | None) -> str:
    return f", release {release}" if release else ""


def _member(archive: Path, name: str) -> bytes:
    with zipfile.ZipFile(archive) as tables:
        try:
            return tables.read(name)
        except KeyError:
            raise fail(f"the server's export holds no {name}") from None


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        typer.echo(f"wrote {output}", err=True)


def _unpack(archive: Path, directory: Path) -> int:
    """The zip's CSV files written into `directory`, by their own names; how many."""
    directory.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive) as tables:
        # By base name only: a member's path cannot reach outside the directory.
        members = [m for m in tables.infolist() if not m.is_dir()]
        for member in members:
            (directory / Path(member.filename).name).write_bytes(tables.read(member))
    return len(members)


@contextmanager
def progress_bar(label: str, console: Console | None = None) -> Iterator[Progress | None]:
    """A progress bar of a download, on stderr when it is a terminal (None otherwise, so a
    pipe or a log gets no bar): the bytes received, and the percent once the size is known."""
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TaskProgressColumn(),
    )
    with ProgressBar(*columns, console=console, transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(received: int, size: int | None) -> None:
            bar.update(task, completed=received, total=size)

        yield advance
