"""Commands about one country: its indicators, and its inventory."""

from itertools import islice
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.citations.schemas import CitationOut
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
    MISSING,
    cited_sources,
    console,
    emit_data,
    emit_json,
    id_column,
    quantity,
    source_label,
    source_legend,
    table,
    text,
)
from app.countries.schemas import CountryOut
from app.inventory.schemas import InventoryEntryOut, InventoryKind
from app.sources.schemas import SourceOut

CodeArgument = Annotated[
    str,
    typer.Argument(metavar="CODE", help="ISO 3166-1 alpha-2 or alpha-3 code, any case: KZ, kaz."),
]
INDICATOR_NAMES = {
    "population": "Population",
    "gfp_world_rank": "Global Firepower rank, world",
    "gfp_regional_rank": "Global Firepower rank, region",
    "world_military_rank": "Military rank, world",
    "border_length_km": "Border length",
}
KIND_NAMES: dict[InventoryKind, str] = {"holding": "total", "in_service": "in service"}


def cited_by(citations: list[CitationOut], sources: dict[str, SourceOut]) -> str:
    """Who says so: `Abbasova 2021, citing Global Firepower 2021`, one line per source."""
    lines: dict[str, None] = {}
    for citation in citations:
        line = source_label(sources[citation.source_id])
        if citation.attributed_to:
            line += f"\nciting {citation.attributed_to}"
        lines[escape(line)] = None
    return "\n".join(lines) or MISSING


def country(code: CodeArgument, json_: JsonOption = False, url: UrlOption = None) -> None:
    """Show one country: its indicators (population, ranks, borders), each with its source."""
    output = output_of(json_)
    with connect(url) as client:
        detail = client.country(code)
        if output is Output.JSON:
            emit_json(detail.model_dump(mode="json"))
            return
        sources = cited_sources(
            client, (c.source_id for i in detail.indicators for c in i.citations)
        )
    out = console()
    heading = f"[bold]{escape(detail.name)}[/] ({detail.iso2} / {detail.iso3})"
    if detail.official_name:
        heading += f", {escape(detail.official_name)}"
    if detail.region:
        heading += f"; {escape(detail.region)}"
    out.print(heading)
    counts = detail.counts
    out.print(
        f"Claims: {counts.inventory_entries} inventory entries, {counts.transfers} transfers, "
        f"{counts.agreements} agreements"
    )
    if detail.indicators:
        grid = table("Indicators (sources that disagree are both shown)")
        for column in ("Indicator", "Value", "As of", "Scope", "Source"):
            grid.add_column(column)
        id_column(grid, (indicator.id for indicator in detail.indicators))
        for indicator in detail.indicators:
            grid.add_row(
                escape(INDICATOR_NAMES.get(indicator.name, indicator.name.replace("_", " "))),
                quantity(indicator.value, indicator.qualifier, indicator.unit),
                text(indicator.as_of),
                text(indicator.scope),
                cited_by(indicator.citations, sources),
                escape(indicator.id),
            )
        out.print(grid)
        out.print("Sources:", source_legend(sources.values()))
    code = detail.iso2
    out.print(
        f"[dim]More: milcap inventory {code} · milcap agreements --country {code} · "
        f"milcap transfers --recipient {code} · milcap cite <ID>[/]"
    )


def inventory(
    code: CodeArgument,
    category: Annotated[
        str | None, typer.Option(help="Only this category (slugs: `milcap categories`).")
    ] = None,
    equipment: Annotated[
        str | None, typer.Option(help="Only this equipment type (slugs: `milcap equipment`).")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option(help="Only claims dated within this period: 2021, 2021-11.")
    ] = None,
    latest: Annotated[
        bool, typer.Option(help="Keep only the newest claim per category and equipment type.")
    ] = False,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """Show what a country holds: category totals and types in service, each with its source.

    Every row is one claim of one article; sources that disagree are both listed.
    `milcap cite ID` shows a claim's quote inside its article."""
    output = output_of(json_, csv_)
    with connect(url) as client:
        found = client.walk(
            client.country_inventory,
            code,
            category=category,
            equipment=equipment,
            as_of=as_of,
            latest=latest,
            limit=page_size(limit),
        )
        entries = list(islice(found, limit))
        if output is not Output.TABLE:
            emit_data(entries, output)
            return
        name = _name(client.country(code))
        labels = {c.slug: c.label for c in client.walk(client.categories)}
        sources = cited_sources(client, (c.source_id for e in entries for c in e.citations))
    out = console()
    if not entries:
        matching = " matching these filters" if category or equipment or as_of else ""
        out.print(f"{name}: the dataset holds no inventory claim{matching}.")
        return
    out.print(_inventory_table(name, entries, labels, sources))
    out.print(
        "[dim]Quantity: as the source words it, hedge kept (“about”); “not stated”: the article "
        "names the type without a number.\n"
        "Kind: “total” counts all the country's equipment of the category; “in service” is one "
        "type it operates.[/]"
    )
    out.print("Sources:", source_legend(sources.values()))
    out.print("[dim]Read a claim's quote inside its article: milcap cite <ID>[/]")


def _name(country: CountryOut) -> str:
    return f"{country.name} ({country.iso2})"


def _inventory_table(
    name: str,
    entries: list[InventoryEntryOut],
    labels: dict[str, str],
    sources: dict[str, SourceOut],
) -> Table:
    claims = "1 claim" if len(entries) == 1 else f"{len(entries)} claims"
    grid = table(f"{name}: inventory, {claims}")
    grid.add_column("Category")
    grid.add_column("Equipment")
    grid.add_column("Quantity", justify="right", no_wrap=True)
    grid.add_column("As of", no_wrap=True)
    grid.add_column("Kind", no_wrap=True)
    grid.add_column("Source · claim ID", no_wrap=True)
    for entry in entries:
        grid.add_row(
            escape(labels.get(entry.category, entry.category)),
            escape(entry.equipment.name) if entry.equipment else "[dim]all types[/]",
            quantity(entry.quantity, entry.qualifier),
            text(entry.as_of),
            KIND_NAMES[entry.kind],
            f"{cited_by(entry.citations, sources)}\n[dim]{escape(entry.id)}[/]",
        )
    return grid
