"""Commands that list the dataset: countries, agreements, transfers, equipment, sources,
categories, organizations, search hits, and the dataset's metadata (one country in detail:
countries.py)."""

import re
from typing import Annotated

import typer
from rich.markup import escape

from app.agreements.schemas import AgreementOut, AgreementType
from app.categories.schemas import CategoryOut, CategorySlug
from app.citations.schemas import CitationOut
from app.cli.options import (
    CountryFilter,
    CsvOption,
    JsonOption,
    LimitOption,
    Output,
    UrlOption,
    connect,
    output_of,
)
from app.cli.output import (
    ID,
    Column,
    Fields,
    Listing,
    console,
    emit_data,
    emit_json,
    emit_list,
    quantity,
    text,
)
from app.client import MilcapClient
from app.countries.schemas import CountryOut, Region, Subregion
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.organizations.schemas import OrganizationOut
from app.search.schemas import SearchHit, SearchKind
from app.sources.schemas import SourceOut
from app.transfers.schemas import TransferOut, TransferStatus

MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def countries(
    region: Annotated[
        Region | None, typer.Option(help="Only this UN M49 region, e.g. Europe.")
    ] = None,
    subregion: Annotated[
        Subregion | None, typer.Option(help="Only this UN M49 sub-region, e.g. 'Central Asia'.")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List countries (every ISO 3166-1 country, or one region's)."""
    output = output_of(json_, csv_)
    emit_list(
        url,
        output,
        limit,
        _countries_table,
        MilcapClient.countries,
        region=region,
        subregion=subregion,
    )


def _countries_table(rows: list[CountryOut]) -> Listing:
    listing = Listing(
        Column("Code", whole=True),
        Column("ISO3", whole=True),
        Column("Name"),
        Column("Region"),
        title=f"{len(rows)} countries",
    )
    for country in rows:
        listing.add_row(country.iso2, country.iso3, text(country.name), text(country.region))
    return listing


def agreements(
    country: CountryFilter = None,
    type_: Annotated[
        AgreementType | None,
        typer.Option("--type", help="Only this type, e.g. 'military co-operation plan'."),
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only agreements of this year.")] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List agreements: parties and their roles, dates, status."""
    output = output_of(json_, csv_)
    emit_list(
        url,
        output,
        limit,
        _agreements_table,
        MilcapClient.agreements,
        country=country,
        type_=type_,
        year=year,
    )


def _agreements_table(rows: list[AgreementOut]) -> Listing:
    listing = Listing(
        Column("Title"),
        Column("Type"),
        Column("Parties (role)"),
        Column("Signed", whole=True),
        Column("Status"),
        ID,
        title=f"{len(rows)} agreement(s)",
        caption="Details and quotes: milcap cite <ID>",
    )
    for agreement in rows:
        listing.add_row(
            escape(agreement.title),
            escape(agreement.type),
            "\n".join(escape(f"{p.name} ({p.role})") for p in agreement.parties),
            text(agreement.signed_on),
            text(agreement.status),
            escape(agreement.id),
        )
    return listing


def transfers(
    supplier: CountryFilter = None,
    recipient: CountryFilter = None,
    status: Annotated[
        TransferStatus | None, typer.Option(help="Only transfers this far along.")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List transfers: who supplies what to whom, and how far it got."""
    output = output_of(json_, csv_)
    emit_list(
        url,
        output,
        limit,
        _transfers_table,
        MilcapClient.transfers,
        supplier=supplier,
        recipient=recipient,
        status=status,
    )


def _transfers_table(rows: list[TransferOut]) -> Listing:
    listing = Listing(
        Column("Supplier", whole=True),
        Column("Recipient", whole=True),
        Column("What"),
        Column("Quantity"),
        Column("Years", whole=True),
        Column("Status", whole=True),
        ID,
        title=f"{len(rows)} transfer(s)",
        caption="Details and quotes: milcap cite <ID>",
    )
    for transfer in rows:
        what = transfer.equipment.name if transfer.equipment else transfer.description
        listing.add_row(
            text(transfer.supplier),
            transfer.recipient,
            text(what),
            quantity(transfer.quantity, transfer.qualifier),
            text(transfer.years),
            escape(transfer.status),
            escape(transfer.id),
        )
    return listing


def equipment(
    slug: Annotated[
        str | None, typer.Argument(metavar="SLUG", help="Show this type in detail, e.g. mig-29.")
    ] = None,
    category: Annotated[
        CategorySlug | None, typer.Option(help="Only this category (slugs: `milcap categories`).")
    ] = None,
    origin: CountryFilter = None,
    operator: CountryFilter = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List equipment types, or show one (`milcap equipment mig-29`) with its operators."""
    output = output_of(json_, csv_)
    if slug is None:
        emit_list(
            url,
            output,
            limit,
            _equipment_table,
            MilcapClient.equipment,
            category=category,
            origin=origin,
            operator=operator,
        )
        return
    with connect(url) as client:
        detail = client.equipment_type(slug)
    if output is Output.JSON:
        emit_json(detail.model_dump(mode="json"))
    elif output is Output.CSV:
        emit_data([detail], output)
    else:
        _print_equipment(detail)


def _equipment_table(rows: list[EquipmentOut]) -> Listing:
    listing = Listing(
        Column("Slug", whole=True),
        Column("Name"),
        Column("Category", whole=True),
        Column("Role"),
        Column("Origin", whole=True),
        Column("Manufacturer"),
        title=f"{len(rows)} equipment type(s)",
        caption="One in detail: milcap equipment <SLUG>",
    )
    for item in rows:
        listing.add_row(
            escape(item.slug),
            escape(item.name),
            escape(item.category),
            text(item.role),
            text(item.origin_country),
            text(item.manufacturer.name if item.manufacturer else None),
        )
    return listing


def _print_equipment(item: EquipmentDetail) -> None:
    out = console()
    out.print(f"[bold]{escape(item.name)}[/] ({escape(item.slug)})")
    facts = Fields()
    facts.add("Aliases", text(", ".join(item.aliases)))
    facts.add("Category", escape(item.category), whole=True)
    facts.add("Role", text(item.role))
    facts.add("Origin", text(item.origin_country), whole=True)
    facts.add("Manufacturer", text(item.manufacturer.name if item.manufacturer else None))
    operators = ", ".join(f"{o.name} ({o.code})" for o in item.operators)
    facts.add("Operators", text(operators))
    out.print(facts)
    _print_citations(item.citations)
    out.print(f"[dim]The quotes inside their articles: milcap cite {escape(item.slug)}[/]")


def _print_citations(citations: list[CitationOut]) -> None:
    out = console()
    for citation in citations:
        via = f", citing {citation.attributed_to}" if citation.attributed_to else ""
        out.print(f"  “{escape(citation.quote)}” [dim]({escape(citation.source_id)}{via})[/]")


def sources(
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List the articles every fact is cited from."""
    emit_list(url, output_of(json_, csv_), limit, _sources_table, MilcapClient.sources)


def _sources_table(rows: list[SourceOut]) -> Listing:
    listing = Listing(
        Column("Title"),
        Column("Author"),
        Column("Publisher"),
        Column("Published", whole=True),
        ID,
        title=f"{len(rows)} source(s)",
        caption="What each article backs: milcap cite <ID>",
    )
    for source in rows:
        listing.add_row(
            text(source.title),
            text(source.author),
            text(source.publisher),
            text(source.published_on or "undated"),
            escape(source.id),
        )
    return listing


def categories(json_: JsonOption = False, csv_: CsvOption = False, url: UrlOption = None) -> None:
    """List the equipment categories (the slugs --category takes)."""
    emit_list(url, output_of(json_, csv_), None, _categories_table, MilcapClient.categories)


def _categories_table(rows: list[CategoryOut]) -> Listing:
    listing = Listing(
        Column("Slug", whole=True),
        Column("Label"),
        Column("UN Register category"),
        title=f"{len(rows)} categories",
    )
    for category in rows:
        listing.add_row(
            escape(category.slug), escape(category.label), text(category.un_register_category)
        )
    return listing


def organizations(
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List organizations: alliances, ministries, manufacturers, news outlets."""
    output = output_of(json_, csv_)
    emit_list(url, output, limit, _organizations_table, MilcapClient.organizations)


def _organizations_table(rows: list[OrganizationOut]) -> Listing:
    listing = Listing(
        Column("Slug", whole=True),
        Column("Name"),
        Column("Kind", whole=True),
        Column("Country", whole=True),
        title=f"{len(rows)} organization(s)",
    )
    for organization in rows:
        listing.add_row(
            escape(organization.slug),
            escape(organization.name),
            escape(organization.kind),
            text(organization.country),
        )
    return listing


def search(
    words: Annotated[
        str, typer.Argument(metavar="WORDS", help="Words to find, all of them: 'Arlan'.")
    ],
    kind: Annotated[
        SearchKind | None,
        typer.Option(help="Only hits of this kind: source, country, equipment, agreement..."),
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """Search the articles' text and the names of countries, equipment, agreements."""
    output = output_of(json_, csv_)
    emit_list(url, output, limit, _search_table, MilcapClient.search, words, kind=kind)


def _search_table(rows: list[SearchHit]) -> Listing:
    listing = Listing(
        Column("Kind", whole=True),
        Column("Title"),
        Column("Passage"),
        ID,
        title=f"{len(rows)} hit(s), best first",
    )
    for hit in rows:
        passage = MARK.sub(lambda m: f"[bold yellow]{m.group(1)}[/]", escape(hit.snippet))
        listing.add_row(hit.kind, escape(hit.title), passage, escape(hit.id))
    return listing


def meta(json_: JsonOption = False, url: UrlOption = None) -> None:
    """Show which release of the dataset the server holds (cite its version) and its size."""
    output = output_of(json_)
    with connect(url) as client:
        info = client.meta()
    if output is Output.JSON:
        emit_json(info.model_dump(mode="json"))
        return
    facts = Fields()
    facts.add("Dataset version", escape(info.dataset_version), whole=True)
    facts.add("Loaded at", text(info.loaded_at), whole=True)
    facts.add("Licence", escape(info.licence))
    facts.add("Cite as", escape(info.attribution))
    out = console()
    out.print(facts)
    counts = Listing(
        Column("Table", whole=True),
        Column("Rows", whole=True, justify="right"),
        title="Rows per table",
    )
    for name, count in info.counts.items():
        counts.add_row(escape(name), f"{count:,}")
    out.print(counts)
