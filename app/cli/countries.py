"""Commands about one country: its indicators, its inventory, and its timeline."""

from itertools import islice
from typing import Annotated

import typer
from rich.markup import escape

from app.categories.schemas import CategorySlug
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
    ID,
    Column,
    Listing,
    cited_by,
    cited_sources,
    console,
    emit_data,
    emit_json,
    quantity,
    source_legend,
    stance_label,
    text,
)
from app.countries.schemas import CountryOut, TimelineItemOut, TimelineKind
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
TIMELINE_KINDS: dict[TimelineKind, str] = {
    "event": "event",
    "agreement": "agreement signed",
    "ratification": "ratification step",
    "transfer": "transfer",
    "inventory_entry": "inventory",
    "indicator": "indicator",
    "relation": "relation",
}


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
    # Its M49 groups, the narrowest first: "Central Asia, Asia".
    groups = [detail.intermediate_region, detail.subregion, detail.region]
    if any(groups):
        heading += "; " + escape(", ".join(group for group in groups if group))
    out.print(heading)
    counts = detail.counts
    out.print(
        f"Claims: {counts.inventory_entries} inventory entries, {counts.transfers} transfers, "
        f"{counts.agreements} agreements"
    )
    if detail.indicators:
        listing = Listing(
            Column("Indicator"),
            Column("Value"),
            Column("As of", whole=True),
            Column("Scope"),
            Column("Source"),
            ID,
            title="Indicators (sources that disagree are both shown)",
        )
        for indicator in detail.indicators:
            listing.add_row(
                escape(INDICATOR_NAMES.get(indicator.name, indicator.name.replace("_", " "))),
                quantity(indicator.value, indicator.qualifier, indicator.unit),
                text(indicator.as_of),
                text(indicator.scope),
                cited_by(indicator.citations, sources),
                escape(indicator.id),
            )
        out.print(listing)
        out.print("Sources:", source_legend(sources.values()))
    code = detail.iso2
    out.print(
        f"[dim]More: milcap inventory {code} · milcap agreements --country {code} · "
        f"milcap transfers --recipient {code} · milcap cite <ID>[/]"
    )


def inventory(
    code: CodeArgument,
    category: Annotated[
        CategorySlug | None, typer.Option(help="Only this category (slugs: `milcap categories`).")
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
        labels: dict[str, str] = {c.slug: c.label for c in client.walk(client.categories)}
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
) -> Listing:
    claims = "1 claim" if len(entries) == 1 else f"{len(entries)} claims"
    listing = Listing(
        Column("Category"),
        Column("Equipment"),
        Column("Quantity", justify="right"),
        Column("As of", whole=True),
        Column("Kind"),
        Column("Source"),
        ID,
        title=f"{name}: inventory, {claims}",
    )
    for entry in entries:
        listing.add_row(
            escape(labels.get(entry.category, entry.category)),
            escape(entry.equipment.name) if entry.equipment else "[dim]all types[/]",
            quantity(entry.quantity, entry.qualifier),
            text(entry.as_of),
            KIND_NAMES[entry.kind],
            cited_by(entry.citations, sources),
            escape(entry.id),
        )
    return listing


def timeline(
    code: CodeArgument,
    from_: Annotated[
        str | None,
        typer.Option("--from", help="Only facts dated on or after this date: 2017, 2021-08."),
    ] = None,
    to: Annotated[
        str | None, typer.Option(help="Only facts dated on or before this date: 2021.")
    ] = None,
    kind: Annotated[
        TimelineKind | None,
        typer.Option(help="Only facts of this kind: event, agreement, ratification..."),
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """Show every dated fact about a country, oldest first, each with its source.

    Events, agreements signed, ratification steps, transfers, inventory claims, indicators
    and relations; --from and --to take partial dates and include a fact whose date
    overlaps them (--from 2021-06 keeps a fact dated 2021)."""
    output = output_of(json_, csv_)
    with connect(url) as client:
        found = client.walk(
            client.timeline, code, from_=from_, to=to, kind=kind, limit=page_size(limit)
        )
        items = list(islice(found, limit))
        if output is not Output.TABLE:
            emit_data(items, output)
            return
        name = _name(client.country(code))
        sources = cited_sources(client, (c.source_id for i in items for c in i.citations))
    out = console()
    if not items:
        matching = " matching these filters" if from_ or to or kind else ""
        out.print(f"{name}: the dataset holds no dated fact{matching}.")
        return
    out.print(_timeline_table(name, items, sources))
    out.print(
        "[dim]Stance: how strongly the article says it (stated, hedged, opinion, planned).[/]"
    )
    out.print("Sources:", source_legend(sources.values()))


def _timeline_table(
    name: str, items: list[TimelineItemOut], sources: dict[str, SourceOut]
) -> Listing:
    facts = "1 dated fact" if len(items) == 1 else f"{len(items)} dated facts"
    listing = Listing(
        Column("Date", whole=True),
        Column("Kind"),
        Column("What"),
        Column("Stance"),
        Column("Source"),
        ID,
        title=f"{name}: timeline, {facts}, oldest first",
    )
    for item in items:
        listing.add_row(
            escape(item.date),
            TIMELINE_KINDS[item.kind],
            escape(item.title),
            stance_label(item.stance),
            cited_by(item.citations, sources),
            escape(item.id),
        )
    return listing
