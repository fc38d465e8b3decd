"""How the commands print: Rich tables for people, JSON and CSV for pipes, and the wording of
values (quantities with their hedge, sources by author and year) a newcomer can read."""

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import islice
from typing import Any, Concatenate, ParamSpec, TypeVar

from pydantic import BaseModel
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from app.citations.schemas import CitationOut, Stance
from app.cli.options import Output, connect, page_size
from app.client import MilcapClient
from app.core.http import to_csv
from app.core.schemas import Page
from app.sources.schemas import SourceOut

Item = TypeVar("Item", bound=BaseModel)
Filters = ParamSpec("Filters")
MISSING = "—"
# Wide enough for the inventory table when stdout is a file or a pipe (Rich would say 80).
PIPE_WIDTH = 150


def console() -> Console:
    """The console of this command (made per call: tests swap sys.stdout)."""
    terminal = sys.stdout.isatty()
    width = None if terminal or os.environ.get("COLUMNS") else PIPE_WIDTH
    return Console(width=width, highlight=False, soft_wrap=False)


def table(title: str | None = None, caption: str | None = None) -> Table:
    return Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        title_style="bold",
        caption_style="dim",
        header_style="bold",
        pad_edge=False,
    )


def emit_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def emit_data(rows: Sequence[BaseModel], output: Output) -> None:
    """Items as JSON (a list of objects) or CSV (flattened as the API's `?format=csv` is)."""
    if output is Output.JSON:
        emit_json([row.model_dump(mode="json") for row in rows])
    else:
        sys.stdout.write(to_csv(row.model_dump(mode="json") for row in rows).decode())


def emit(items: Iterable[Item], output: Output, render: Callable[[list[Item]], Table]) -> None:
    """Items as the table `render` draws, or as JSON or CSV."""
    rows = list(items)
    if output is Output.TABLE:
        console().print(render(rows))
    else:
        emit_data(rows, output)


def emit_list(
    url: str | None,
    output: Output,
    limit: int | None,
    render: Callable[[list[Item]], Table],
    list_method: Callable[Concatenate[MilcapClient, Filters], Page[Item]],
    /,
    *args: Filters.args,
    **kwargs: Filters.kwargs,
) -> None:
    """Every item of a list (the first `limit`, if given) asked of the API at `url`, as the
    table `render` draws or as JSON or CSV: `emit_list(..., MilcapClient.sources)`."""
    with connect(url) as client:
        items = client.walk(partial(list_method, client), *args, limit=page_size(limit), **kwargs)
        emit(islice(items, limit), output, render)


def text(value: object | None) -> str:
    """A cell: the value escaped for Rich, or a dash for null."""
    return MISSING if value is None or value == "" else escape(str(value))


def quantity(value: int | None, qualifier: str | None = None, unit: str | None = None) -> str:
    """`about 16,000,000 people`; `not stated` when the source gives no number."""
    if value is None:
        return "[dim]not stated[/]"
    words = [qualifier, f"{value:,}", unit]
    return escape(" ".join(word for word in words if word))


def source_label(source: SourceOut) -> str:
    """A short name for an article: its author's surname (or publisher, or title) and year."""
    if source.author:
        who = source.author.split()[-1]
    elif source.publisher:
        who = source.publisher
    elif source.title:
        who = " ".join(source.title.split()[:2]) + "…"
    else:
        who = source.id
    return f"{who} {source.published_on[:4] if source.published_on else '(undated)'}"


def source_legend(sources: Iterable[SourceOut]) -> Table:
    """One line per article a table cites: its short name, then what and where it is."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for source in sources:
        byline = [source.author, source.publisher, source.published_on or "undated"]
        title = f"“{source.title}”" if source.title else "untitled"
        grid.add_row(
            f"  [bold]{escape(source_label(source))}[/]",
            f"{escape(title)}, {escape(', '.join(p for p in byline if p))}\n"
            f"[dim]{escape(source.id)}[/]",
        )
    return grid


def id_column(grid: Table, ids: Iterable[str]) -> None:
    """The ID column: never wrapped, so it can be copied into `milcap cite`."""
    grid.add_column("ID", style="dim", no_wrap=True, min_width=max(map(len, ids), default=2))


def cited_sources(client: MilcapClient, source_ids: Iterable[str]) -> dict[str, SourceOut]:
    """The metadata of the articles a listing cites, fetched once each."""
    return {source_id: client.source(source_id) for source_id in dict.fromkeys(source_ids)}


def cited_by(citations: list[CitationOut], sources: dict[str, SourceOut]) -> str:
    """Who says so: `Abbasova 2021, citing Global Firepower 2021`, one line per source."""
    lines: dict[str, None] = {}
    for citation in citations:
        line = source_label(sources[citation.source_id])
        if citation.attributed_to:
            line += f"\nciting {citation.attributed_to}"
        lines[escape(line)] = None
    return "\n".join(lines) or MISSING


def stance_label(value: Stance, hedge: str | None = None) -> str:
    """How strongly the article says it: `stated`, or in italics `hedged: “apparently”`."""
    if value == "stated":
        return "stated"
    return f"[italic]{value}[/]" + (f": “{escape(hedge)}”" if hedge else "")
