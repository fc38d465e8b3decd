"""How the commands print: tables laid out to fit the terminal (one block of labelled lines
per row where they cannot) and drawn whole into a pipe, JSON and CSV, and the wording of
values (quantities with their hedge, sources by author and year) a newcomer can read."""

import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from typing import Any, Concatenate, ParamSpec, TypeVar

from pydantic import BaseModel
from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, JustifyMethod, RenderableType, RenderResult
from rich.markup import escape
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from app.citations.schemas import CitationOut, Stance
from app.cli.options import Output, connect, page_size
from app.client import MilcapClient
from app.core.http import to_csv
from app.core.schemas import Page
from app.sources.schemas import SourceOut

Item = TypeVar("Item", bound=BaseModel)
Filters = ParamSpec("Filters")
MISSING = "—"
# The width of a pipe or a file (Rich would assume 80): no line is wrapped or cut to fit a
# screen there is none of.
PIPE_WIDTH = 1_000_000
# A column of prose is not drawn narrower than this (or than its longest word): narrower, it
# reads as a column of broken words, and one block per row reads better.
NARROWEST_PROSE = 10
# Between a label and its value beside it; the indent of a value under its label.
LABEL_GAP = 2
# Of a passage or a byline under its heading.
INDENT = 4


def console() -> Console:
    """The console of this command (made per call: tests swap sys.stdout). A terminal's width
    (or COLUMNS, if set) bounds the lines; a pipe or a file gets every line whole."""
    bounded = sys.stdout.isatty() or os.environ.get("COLUMNS")
    return Console(width=None if bounded else PIPE_WIDTH, highlight=False, soft_wrap=False)


@dataclass(frozen=True)
class Column:
    """A column of a `Listing`. A `whole` column holds what a reader pastes back into a
    command (IDs, slugs, codes, dates, the words of a vocabulary): never wrapped, never cut.
    The others hold prose, wrapped into the room the whole columns leave."""

    header: str
    whole: bool = False
    justify: JustifyMethod = "left"
    style: str = ""


ID = Column("ID", whole=True, style="dim")


class Fields:
    """Labelled values, one under the other: `Label  value`, each value wrapped beside its
    label; where a whole value would not fit beside the labels, each label goes above its
    value."""

    def __init__(self) -> None:
        self.fields: list[tuple[str, Text, bool]] = []

    def add(self, label: str, value: str | Text, *, whole: bool = False) -> None:
        """`value` is Rich markup (escaped by the caller) or a Text."""
        self.fields.append(
            (label, Text.from_markup(value) if isinstance(value, str) else value, whole)
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        label_width = max((cell_len(label) for label, _, _ in self.fields), default=0)
        room = options.max_width - label_width - LABEL_GAP
        if all(
            _measure(console, value).maximum <= room for _, value, whole in self.fields if whole
        ):
            grid = Table.grid(padding=(0, LABEL_GAP, 0, 0))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column(overflow="fold")
            for label, value, _ in self.fields:
                grid.add_row(label, value)
            yield grid
            return
        for label, value, _ in self.fields:
            yield Text(label, style="bold")
            yield Padding(value, (0, 0, 0, LABEL_GAP), expand=False)


class Listing:
    """Rows under headed columns, drawn to fit the console: a table where every whole column
    fits on one line beside the prose columns at their narrowest (the prose wrapping into the
    room left), and one block of labelled lines per row where it cannot. The title and the
    caption are lines of their own, so a narrow table never wraps them."""

    def __init__(
        self, *columns: Column, title: str | None = None, caption: str | None = None
    ) -> None:
        self.columns = columns
        self.title = title
        self.caption = caption
        self.rows: list[list[Text]] = []

    def add_row(self, *cells: str) -> None:
        """One cell per column, as Rich markup escaped by the caller."""
        styles = (column.style for column in self.columns)
        self.rows.append(
            [Text.from_markup(cell, style=style) for cell, style in zip(cells, styles, strict=True)]
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.title:
            yield Text.from_markup(self.title, style="bold")
        drawn = self._table(console, options.max_width)
        if drawn is not None:
            yield drawn
        else:
            for row in self.rows:
                yield Segment.line()
                block = Fields()
                for column, cell in zip(self.columns, row, strict=True):
                    block.add(column.header, cell, whole=column.whole)
                yield block
            yield Segment.line()
        if self.caption:
            yield Text.from_markup(self.caption, style="dim")

    def _table(self, console: Console, max_width: int) -> Table | None:
        """The table at most `max_width` wide, or None if its whole columns cannot fit."""
        natural: list[int] = []
        narrowest: list[int] = []
        for index, column in enumerate(self.columns):
            cells = [Text(column.header), *(row[index] for row in self.rows)]
            sizes = [_measure(console, cell) for cell in cells]
            widest = max(size.maximum for size in sizes)
            natural.append(widest)
            if column.whole:
                narrowest.append(widest)
            else:
                # The header stays on one line, and no word of the prose is folded.
                readable = max(NARROWEST_PROSE, sizes[0].maximum, *(s.minimum for s in sizes))
                narrowest.append(min(widest, readable))
        spare = max_width - _measure(console, self._draw(narrowest)).maximum
        return None if spare < 0 else self._draw(_widen(narrowest, natural, spare))

    def _draw(self, widths: list[int]) -> Table:
        """The table, each column `widths` wide (borders and padding aside)."""
        grid = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        for column, width in zip(self.columns, widths, strict=True):
            # A whole column is as wide as its widest value, and a prose column as its longest
            # word: nothing is cut, and only prose wraps.
            grid.add_column(
                column.header,
                justify=column.justify,
                width=width,
                no_wrap=column.whole,
                overflow="fold",
            )
        for row in self.rows:
            grid.add_row(*row)
        return grid


def _measure(console: Console, renderable: RenderableType) -> Measurement:
    """How wide `renderable` is, unbounded: of a text, its widest line (maximum) and its
    longest word (minimum); of a table of fixed column widths, their sum with its borders."""
    return Measurement.get(console, console.options.update_width(PIPE_WIDTH), renderable)


def _widen(widths: list[int], natural: list[int], spare: int) -> list[int]:
    """`widths` grown towards `natural` by `spare` in all, each in proportion to its lack."""
    lacking = [most - width for width, most in zip(widths, natural, strict=True)]
    total = sum(lacking)
    if total <= spare:
        return natural
    return [width + lack * spare // total for width, lack in zip(widths, lacking, strict=True)]


def indented(markup: str, *, blank_after: bool = False) -> Padding:
    """`markup` indented under a heading. As wide as its text, not as the console: a pipe's
    console is a million columns wide."""
    return Padding(markup, (0, 0, int(blank_after), INDENT), expand=False)


def emit_json(payload: Any) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def emit_data(rows: Sequence[BaseModel], output: Output) -> None:
    """Items as JSON (a list of objects) or CSV (flattened as the API's `?format=csv` is)."""
    if output is Output.JSON:
        emit_json([row.model_dump(mode="json") for row in rows])
    else:
        sys.stdout.write(to_csv(row.model_dump(mode="json") for row in rows).decode())


def emit(items: Iterable[Item], output: Output, render: Callable[[list[Item]], Listing]) -> None:
    """Items as the listing `render` draws, or as JSON or CSV."""
    rows = list(items)
    if output is Output.TABLE:
        console().print(render(rows))
    else:
        emit_data(rows, output)


def emit_list(
    url: str | None,
    output: Output,
    limit: int | None,
    render: Callable[[list[Item]], Listing],
    list_method: Callable[Concatenate[MilcapClient, Filters], Page[Item]],
    /,
    *args: Filters.args,
    **kwargs: Filters.kwargs,
) -> None:
    """Every item of a list (the first `limit`, if given) asked of the API at `url`, as the
    listing `render` draws or as JSON or CSV: `emit_list(..., MilcapClient.sources)`."""
    with connect(url) as client:
        items = client.walk(partial(list_method, client), *args, limit=page_size(limit), **kwargs)
        emit(islice(items, limit), output, render)


def text(value: object | None) -> str:
    """A cell: the value escaped for Rich, or a dash for null."""
    return MISSING if value is None or value == "" else escape(str(value))


def quantity(
    value: int | float | None, qualifier: str | None = None, unit: str | None = None
) -> str:
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


def source_legend(sources: Iterable[SourceOut]) -> Listing:
    """One row per article a table cites: its short name, then what and where it is."""
    legend = Listing(Column("Source"), Column("Article"), ID)
    for source in sources:
        byline = [source.author, source.publisher, source.published_on or "undated"]
        title = f"“{source.title}”" if source.title else "untitled"
        legend.add_row(
            f"[bold]{escape(source_label(source))}[/]",
            f"{escape(title)}, {escape(', '.join(p for p in byline if p))}",
            escape(source.id),
        )
    return legend


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
