"""Commands that list the dataset: countries, agreements, transfers, equipment, sources,
categories, organizations, search hits, and the dataset's metadata (one country in detail:
countries.py)."""

import re
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from app.agreements.schemas import AgreementOut
from app.categories.schemas import CategoryOut
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
    console,
    emit_data,
    emit_json,
    emit_list,
    id_column,
    quantity,
    table,
    text,
)
from app.client import MilcapClient
from app.countries.schemas import CountryOut
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.organizations.schemas import OrganizationOut
from app.search.schemas import SearchHit, SearchKind
from app.sources.schemas import SourceOut
from app.transfers.schemas import TransferOut, TransferStatus

MARK = re.compile(r"<mark>(.*?)</mark>", re.DOTALL)


def countries(
    region: Annotated[
        str | None, typer.Option(help="Only this UN M49 sub-region, e.g. 'Central Asia'.")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List countries (every ISO 3166-1 country, or one region's)."""
    output = output_of(json_, csv_)
    emit_list(url, output, limit, _countries_table, MilcapClient.countries, region=region)


def _countries_table(rows: list[CountryOut]) -> Table:
    grid = table(f"{len(rows)} countries")
    for column in ("Code", "ISO3", "Name", "Region"):
        grid.add_column(column)
    for country in rows:
        grid.add_row(country.iso2, country.iso3, text(country.name), text(country.region))
    return grid


def agreements(
    country: CountryFilter = None,
    type_: Annotated[
        str | None, typer.Option("--type", help="Only this type, e.g. 'military basing'.")
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


def _agreements_table(rows: list[AgreementOut]) -> Table:
    grid = table(f"{len(rows)} agreement(s)", "Details and quotes: milcap cite <ID>")
    for column in ("Title", "Type", "Parties (role)", "Signed", "Status"):
        grid.add_column(column)
    id_column(grid, (agreement.id for agreement in rows))
    for agreement in rows:
        grid.add_row(
            escape(agreement.title),
            escape(agreement.type),
            "\n".join(escape(f"{p.name} ({p.role})") for p in agreement.parties),
            text(agreement.signed_on),
            text(agreement.status),
            escape(agreement.id),
        )
    return grid


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


def _transfers_table(rows: list[TransferOut]) -> Table:
    grid = table(f"{len(rows)} transfer(s)", "Details and quotes: milcap cite <ID>")
    for column in ("Supplier", "Recipient", "What", "Quantity", "Years", "Status"):
        grid.add_column(column)
    id_column(grid, (transfer.id for transfer in rows))
    for transfer in rows:
        what = transfer.equipment.name if transfer.equipment else transfer.description
        grid.add_row(
            text(transfer.supplier),
            transfer.recipient,
            text(what),
            quantity(transfer.quantity, transfer.qualifier),
            text(transfer.years),
            escape(transfer.status),
            escape(transfer.id),
        )
    return grid


def equipment(
    slug: Annotated[
        str | None, typer.Argument(metavar="SLUG", help="Show this type in detail, e.g. mig-29.")
    ] = None,
    category: Annotated[
        str | None, typer.Option(help="Only this category (slugs: `milcap categories`).")
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


def _equipment_table(rows: list[EquipmentOut]) -> Table:
    grid = table(f"{len(rows)} equipment type(s)", "One in detail: milcap equipment <SLUG>")
    for column in ("Slug", "Name", "Category", "Role", "Origin", "Manufacturer"):
        grid.add_column(column)
    for item in rows:
        grid.add_row(
            escape(item.slug),
            escape(item.name),
            escape(item.category),
            text(item.role),
            text(item.origin_country),
            text(item.manufacturer.name if item.manufacturer else None),
        )
    return grid


def _print_equipment(item: EquipmentDetail) -> None:
    out = console()
    out.print(f"[bold]{escape(item.name)}[/] ({escape(item.slug)})")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold")
    facts.add_column()
    facts.add_row("Aliases", text(", ".join(item.aliases)))
    facts.add_row("Category", escape(item.category))
    facts.add_row("Role", text(item.role))
    facts.add_row("Origin", text(item.origin_country))
    facts.add_row("Manufacturer", text(item.manufacturer.name if item.manufacturer else None))
    operators = ", ".join(f"{o.name} ({o.code})" for o in item.operators)
    facts.add_row("Operators", text(operators))
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


def _sources_table(rows: list[SourceOut]) -> Table:
    grid = table(f"{len(rows)} source(s)", "What each article backs: milcap cite <ID>")
    for column in ("Title", "Author", "Publisher", "Published"):
        grid.add_column(column)
    id_column(grid, (source.id for source in rows))
    for source in rows:
        grid.add_row(
            text(source.title),
            text(source.author),
            text(source.publisher),
            text(source.published_on or "undated"),
            escape(source.id),
        )
    return grid


def categories(json_: JsonOption = False, csv_: CsvOption = False, url: UrlOption = None) -> None:
    """List the equipment categories (the slugs --category takes)."""
    emit_list(url, output_of(json_, csv_), None, _categories_table, MilcapClient.categories)


def _categories_table(rows: list[CategoryOut]) -> Table:
    grid = table(f"{len(rows)} categories")
    for column in ("Slug", "Label", "UN Register category"):
        grid.add_column(column)
    for category in rows:
        grid.add_row(
            escape(category.slug), escape(category.label), text(category.un_register_category)
        )
    return grid


def organizations(
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List organizations: alliances, ministries, manufacturers, news outlets."""
    output = output_of(json_, csv_)
    emit_list(url, output, limit, _organizations_table, MilcapClient.organizations)


def _organizations_table(rows: list[OrganizationOut]) -> Table:
    grid = table(f"{len(rows)} organization(s)")
    for column in ("Slug", "Name", "Kind", "Country"):
        grid.add_column(column)
    for organization in rows:
        grid.add_row(
            escape(organization.slug),
            escape(organization.name),
            escape(organization.kind),
            text(organization.country),
        )
    return grid


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


def _search_table(rows: list[SearchHit]) -> Table:
    grid = table(f"{len(rows)} hit(s), best first")
    for column in ("Kind", "Title", "Passage"):
        grid.add_column(column)
    id_column(grid, (hit.id for hit in rows))
    for hit in rows:
        passage = MARK.sub(lambda m: f"[bold yellow]{m.group(1)}[/]", escape(hit.snippet))
        grid.add_row(hit.kind, escape(hit.title), passage, escape(hit.id))
    return grid


def meta(json_: JsonOption = False, url: UrlOption = None) -> None:
    """Show which release of the dataset the server holds (cite its version) and its size."""
    output = output_of(json_)
    with connect(url) as client:
        info = client.meta()
    if output is Output.JSON:
        emit_json(info.model_dump(mode="json"))
        return
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("Dataset version", info.dataset_version)
    facts.add_row("Loaded at", text(info.loaded_at))
    facts.add_row("Licence", escape(info.licence))
    facts.add_row("Cite as", escape(info.attribution))
    out = console()
    out.print(facts)
    counts = table("Rows per table")
    counts.add_column("Table")
    counts.add_column("Rows", justify="right")
    for name, count in info.counts.items():
        counts.add_row(escape(name), f"{count:,}")
    out.print(counts)
