"""`milcap indicators`: one indicator across countries and years, one row per country, the
claims of disagreeing sources side by side in a cell; without a name, the vocabulary."""

from itertools import islice
from typing import Annotated

import typer
from rich.markup import escape

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
    Column,
    Listing,
    cited_sources,
    console,
    emit_data,
    emit_list,
    quantity,
    source_legend,
    text,
)
from app.client import MilcapClient
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut

UNDATED = "undated"


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

    Each value has its claim's ID under it; sources that disagree share a cell, one claim
    under the other (Kazakhstan's population: about 16 million in 2017, slightly more than
    19 million in 2021). Without NAME, list the indicators with their units and definitions."""
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
    listing, scopes = _series_table(claims, countries)
    unit = indicator.unit if indicator else None
    heading = f"[bold]{escape(label)}[/]"
    if unit and unit.lower() not in label.lower():
        heading += f" ({escape(unit)})"
    if len(scopes) == 1 and None not in scopes:
        heading += f", {escape(str(next(iter(scopes))))}"
    out.print(f"{heading}: {_countries(len(listing.rows))}, by year (as of)")
    if indicator:
        out.print(f"[dim]{escape(indicator.definition)}[/]")
    out.print(listing)
    out.print(
        "[dim]Values as the sources word them, hedge kept (“about”), each with its claim's ID "
        "(milcap cite <ID>); sources that disagree share a cell, one claim under the other; a "
        "stance other than stated is shown in italics.[/]"
    )
    out.print("Sources:", source_legend(sources.values()))


def _countries(count: int) -> str:
    return "1 country" if count == 1 else f"{count} countries"


def _names_table(rows: list[IndicatorNameOut]) -> Listing:
    listing = Listing(
        Column("Name", whole=True),
        Column("Label"),
        Column("Unit", whole=True),
        Column("Definition"),
        title=f"{len(rows)} indicators",
        caption="One across countries and years: milcap indicators NAME",
    )
    for indicator in rows:
        listing.add_row(
            escape(indicator.name),
            escape(indicator.label),
            text(indicator.unit),
            escape(indicator.definition),
        )
    return listing


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
) -> tuple[Listing, set[str | None]]:
    """A row per country, a column per year; and the scopes of the claims (shown in each
    cell where they differ). A cell holds each value once, the IDs of the claims saying it
    under it."""
    years = sorted({claim.as_of[:4] for claim in claims if claim.as_of})
    if any(claim.as_of is None for claim in claims):
        years.append(UNDATED)
    scopes = {claim.scope for claim in claims}
    cells: dict[str, dict[str, dict[str, list[str]]]] = {}
    for claim in claims:
        year = claim.as_of[:4] if claim.as_of else UNDATED
        cell = cells.setdefault(claim.country, {}).setdefault(year, {})
        cell.setdefault(_claim(claim, with_scope=len(scopes) > 1), []).append(claim.id)
    listing = Listing(Column("Country"), *(Column(year, justify="right") for year in years))
    for code, by_year in cells.items():
        listing.add_row(
            escape(f"{countries.get(code, code)} ({code})"),
            *(_cell(by_year[year]) if year in by_year else text(None) for year in years),
        )
    return listing, scopes


def _cell(claims: dict[str, list[str]]) -> str:
    """Each value, then the IDs of the claims that say it (dimmed), a line each."""
    lines: list[str] = []
    for value, ids in claims.items():
        lines.append(value)
        lines.extend(f"[dim]{escape(claim_id)}[/]" for claim_id in ids)
    return "\n".join(lines)
