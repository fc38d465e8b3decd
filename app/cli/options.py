"""What every command shares: its options, the client it talks through, one-line errors."""

from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from app.client import MilcapClient, MilcapError, Unreachable
from app.client.transport import URL_VARIABLE
from app.core.schemas import MAX_LIMIT

UrlOption = Annotated[
    str | None,
    typer.Option(
        "--url",
        envvar=URL_VARIABLE,
        show_envvar=True,
        help="The milcap API to ask (default: http://127.0.0.1:8000).",
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (every item, as the API serves it) for piping.")
]
CsvOption = Annotated[
    bool, typer.Option("--csv", help="Print CSV (one row per item, as the API's ?format=csv).")
]
LimitOption = Annotated[
    int | None,
    typer.Option("--limit", min=1, help="Show at most this many items (default: all)."),
]
CountryFilter = Annotated[
    str | None, typer.Option(help="ISO alpha-2 or alpha-3 code, any case (KZ, kaz).")
]


class Output(Enum):
    TABLE = "table"
    JSON = "json"
    CSV = "csv"


def fail(message: str) -> typer.Exit:
    """Report one line on stderr; `raise fail(...)` ends the command with status 1."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code=1)


def output_of(json_: bool, csv_: bool = False) -> Output:
    if json_ and csv_:
        raise fail("choose one of --json and --csv")
    return Output.JSON if json_ else Output.CSV if csv_ else Output.TABLE


def explain(error: MilcapError) -> str:
    if isinstance(error, Unreachable):
        hint = f"`milcap serve` starts one; --url or {URL_VARIABLE} name another"
        return f"{error} (is it running? {hint})"
    return str(error)


@contextmanager
def connect(url: str | None) -> Iterator[MilcapClient]:
    """A client of the API at `url`; a MilcapError in the block ends the command on one line."""
    try:
        client = MilcapClient(url)
    except ValueError as error:
        raise fail(str(error)) from None
    try:
        with client:
            yield client
    except MilcapError as error:
        raise fail(explain(error)) from None


def page_size(limit: int | None) -> int:
    """Pages no larger than the items wanted (and than the API allows)."""
    return min(limit or MAX_LIMIT, MAX_LIMIT)
