"""`milcap indicators`: one indicator across countries and years, one row per country, the
claims of disagreeing sources side by side in a cell; without a name, the vocabulary."""

from itertools import islice
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.cli.options import (
    CsvOption,
    JsonOption,
    LimitOption,
    Output,
    UrlOption,
    connect,
    output_of,
    page_size,
)
from app.cli.output import (
    cited_sources,
    console,
    emit_data,
    emit_list,
    quantity,
    source_legend,
    table,
    text,
)
from app.client import MilcapClient
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut

UNDATED = "undated"
# Between the claims of sources that disagree, in one cell.
BETWEEN = " / "


def indicators(
    name: Annotated[
        IndicatorNameKey | None,
        typer.Argument(
            metavar="[NAME]", help="The indicator (without it, the list of indicators)."
        ),
    ] = None,
    codes: Annotated[
        list[str] | None,
        typer.Argument(metavar="[CODES]...", help="Only these countries: KZ UZ (any case)."),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option(help="Only claims dated within this period: 2017, 2021-11.")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """Show one indicator across countries and years: a row per country, a column per year.

    Sources that disagree share a cell, separated by “ / ” (Kazakhstan's population: about
    16 million in 2017, slightly more than 19 million in 2021). Without NAME, list the
    indicators with their units and definitions."""
    output = output_of(json_, csv_)
    if name is None:
        emit_list(url, output, limit, _names_table, MilcapClient.indicator_names)
        return
    with connect(url) as client:
        found = client.walk(
            client.indicators, name=name, country=codes or None, as_of=as_of, limit=page_size(limit)
        )
        claims = list(islice(found, limit))
        if output is not Output.TABLE:
            emit_data(claims, output)
            return
        vocabulary = {n.name: n for n in client.walk(client.indicator_names)}
        countries = {c.iso2: c.name for c in client.walk(client.countries)}
        sources = cited_sources(client, (c.source_id for i in claims for c in i.citations))
    out = console()
    indicator = vocabulary.get(name)
    label = indicator.label if indicator else name
    if not claims:
        out.print(f"{escape(label)}: the dataset holds no claim matching these filters.")
        return
    grid, scopes = _series_table(claims, countries)
    unit = indicator.unit if indicator else None
    heading = f"[bold]{escape(label)}[/]"
    if unit and unit.lower() not in label.lower():
        heading += f" ({escape(unit)})"
    if len(scopes) == 1 and None not in scopes:
        heading += f", {escape(str(next(iter(scopes))))}"
    out.print(f"{heading}: {_countries(len(grid.rows))}, by year (as of)")
    if indicator:
        out.print(f"[dim]{escape(indicator.definition)}[/]")
    out.print(grid)
    out.print(
        "[dim]Values as the sources word them, hedge kept (“about”); sources that disagree "
        f"share a cell, separated by “{BETWEEN.strip()}”; a stance other than stated is "
        "shown in italics.[/]"
    )
    out.print("Sources:", source_legend(sources.values()))


def _countries(count: int) -> str:
    return "1 country" if count == 1 else f"{count} countries"


def _names_table(rows: list[IndicatorNameOut]) -> Table:
    grid = table(
        f"{len(rows)} indicators", "One across countries and years: milcap indicators NAME"
    )
    for column in ("Name", "Label", "Unit", "Definition"):
        grid.add_column(column)
    for indicator in rows:
        grid.add_row(
            escape(indicator.name),
            escape(indicator.label),
            text(indicator.unit),
            escape(indicator.definition),
        )
    return grid


def _claim(claim: IndicatorWithCountryOut, with_scope: bool) -> str:
    """`about 16,000,000`, with its scope where scopes differ and its stance unless stated."""
    cell = quantity(claim.value, claim.qualifier)
    if with_scope and claim.scope:
        cell += f" ({escape(claim.scope)})"
    if claim.stance != "stated":
        cell += f" [italic]({claim.stance})[/]"
    return cell


def _series_table(
    claims: list[IndicatorWithCountryOut], countries: dict[str, str]
) -> tuple[Table, set[str | None]]:
    """A row per country, a column per year; and the scopes of the claims (shown in each
    cell where they differ)."""
    years = sorted({claim.as_of[:4] for claim in claims if claim.as_of})
    if any(claim.as_of is None for claim in claims):
        years.append(UNDATED)
    scopes = {claim.scope for claim in claims}
    cells: dict[str, dict[str, list[str]]] = {}
    for claim in claims:
        year = claim.as_of[:4] if claim.as_of else UNDATED
        cell = cells.setdefault(claim.country, {}).setdefault(year, [])
        value = _claim(claim, with_scope=len(scopes) > 1)
        if value not in cell:
            cell.append(value)
    grid = table()
    grid.add_column("Country")
    for year in years:
        grid.add_column(year, justify="right")
    for code, by_year in cells.items():
        grid.add_row(
            escape(f"{countries.get(code, code)} ({code})"),
            *(BETWEEN.join(by_year[year]) if year in by_year else text(None) for year in years),
        )
    return grid, scopes
