"""Commands about who did what: events, and one person with their roles and events."""

from typing import Annotated

import typer
from rich.markup import escape

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
    Listing,
    cited_by,
    cited_sources,
    console,
    emit_json,
    emit_list,
    source_legend,
    stance_label,
    text,
)
from app.client import MilcapClient
from app.events.schemas import EventOut, EventType
from app.people.schemas import PersonDetail
from app.sources.schemas import SourceOut

STANCE_LEGEND = (
    "[dim]Stance: how strongly the article says it: stated, hedged (with its words), "
    "opinion, planned.[/]"
)


def events(
    country: CountryFilter = None,
    type_: Annotated[
        EventType | None, typer.Option("--type", help="Only events of this type: order, vote...")
    ] = None,
    year: Annotated[int | None, typer.Option(help="Only events of this year.")] = None,
    person: Annotated[
        str | None, typer.Option(help="Only events this person takes part in (a slug).")
    ] = None,
    limit: LimitOption = None,
    json_: JsonOption = False,
    csv_: CsvOption = False,
    url: UrlOption = None,
) -> None:
    """List events, oldest first: who took part (and how), where, and how sure the article is."""
    output = output_of(json_, csv_)
    emit_list(
        url,
        output,
        limit,
        _events_table,
        MilcapClient.events,
        country=country,
        type_=type_,
        year=year,
        person=person,
    )


def _events_table(rows: list[EventOut]) -> Listing:
    listing = Listing(
        Column("Date", whole=True),
        Column("Type", whole=True),
        Column("What"),
        Column("Who (role)"),
        Column("Where"),
        Column("Stance"),
        ID,
        title=f"{len(rows)} event(s), oldest first (undated last)",
        caption=STANCE_LEGEND,
    )
    for event in rows:
        listing.add_row(
            text(event.date),
            escape(event.type),
            escape(event.title),
            "\n".join(
                escape(p.name + (f" ({p.role})" if p.role else "")) for p in event.participants
            )
            or text(None),
            text(", ".join(event.places)),
            stance_label(event.stance, event.hedge),
            escape(event.id),
        )
    return listing


def person(
    slug: Annotated[
        str, typer.Argument(metavar="SLUG", help="The person's slug: kassym-jomart-tokayev.")
    ],
    json_: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """Show one person: the names the articles use, their roles, and the events they are in."""
    output = output_of(json_)
    with connect(url) as client:
        detail = client.person(slug)
        if output is Output.JSON:
            emit_json(detail.model_dump(mode="json"))
            return
        cited = [*detail.citations, *(c for role in detail.roles for c in role.citations)]
        sources = cited_sources(client, (c.source_id for c in cited))
    _print_person(detail, sources)


def _print_person(detail: PersonDetail, sources: dict[str, SourceOut]) -> None:
    out = console()
    heading = f"[bold]{escape(detail.name)}[/] ({escape(detail.slug)})"
    if detail.country:
        heading += f", {detail.country}"
    out.print(heading)
    if detail.aliases:
        out.print(f"Also spelled: {escape(', '.join(detail.aliases))}")
    if detail.note:
        out.print(f"[dim]{escape(detail.note)}[/]")
    if detail.roles:
        roles = Listing(
            Column("Title"),
            Column("Organization"),
            Column("Country", whole=True),
            Column("From", whole=True),
            Column("To", whole=True),
            Column("Stance"),
            Column("Source"),
            title="Roles",
        )
        for role in detail.roles:
            roles.add_row(
                escape(role.title),
                text(role.organization),
                text(role.country),
                text(role.from_),
                text(role.to),
                stance_label(role.stance, role.hedge),
                cited_by(role.citations, sources),
            )
        out.print(roles)
    if detail.events:
        listing = Listing(
            Column("Date", whole=True),
            Column("Type", whole=True),
            Column("What"),
            Column("Role"),
            Column("Stance"),
            ID,
            title=f"Events ({len(detail.events)}), oldest first (undated last)",
        )
        for event in detail.events:
            listing.add_row(
                text(event.date),
                escape(event.type),
                escape(event.title),
                text(event.role),
                stance_label(event.stance),
                escape(event.id),
            )
        out.print(listing)
    else:
        out.print("The dataset holds no event this person takes part in.")
    out.print("Sources:", source_legend(sources.values()))
    out.print(f"[dim]More: milcap events --person {escape(detail.slug)}[/]")
