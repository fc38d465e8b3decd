"""`milcap cite`: the quotes behind a claim, each shown inside its sentence of the article."""

from dataclasses import dataclass
from typing import Annotated, Any

import typer
from rich.markup import escape

from app.citations.schemas import CitationOut
from app.cli.options import JsonOption, Output, UrlOption, connect, fail, output_of
from app.cli.output import console, emit_json, indented, source_label
from app.client import Passage, find_quote, passage_around
from app.meta.schemas import Export
from app.sources.schemas import SourceDetail, SourceOut


@dataclass(frozen=True)
class Claim:
    kind: str
    id: str
    summary: str
    citations: list[CitationOut]


def _claims(export: Export) -> dict[str, Claim]:
    """Every fact of the dataset by its ID, with a one-line summary a reader can check."""
    claims: list[Claim] = []
    for i in export.indicators:
        value = " ".join(str(p) for p in (i.qualifier, f"{i.value:,}", i.unit) if p)
        summary = f"{i.country} {i.name.replace('_', ' ')}: {value}"
        claims.append(Claim("indicator", i.id, summary + _as_of(i.as_of), i.citations))
    for e in export.inventory:
        what = e.equipment.name if e.equipment else "all types"
        number = "quantity not stated" if e.quantity is None else f"{e.quantity:,}"
        summary = (
            f"{e.country} {e.category} ({what}): {' '.join(filter(None, [e.qualifier, number]))}"
        )
        claims.append(Claim("inventory entry", e.id, summary + _as_of(e.as_of), e.citations))
    for t in export.transfers:
        what = t.equipment.name if t.equipment else t.description or "unspecified"
        summary = f"{t.supplier or '?'} → {t.recipient}: {what} ({t.status})"
        claims.append(Claim("transfer", t.id, summary, t.citations))
    for a in export.agreements:
        parties = ", ".join(p.name for p in a.parties)
        claims.append(Claim("agreement", a.id, f"{a.title} ({parties})", a.citations))
    for q in export.equipment:
        claims.append(Claim("equipment", q.slug, f"{q.name}: {q.role or q.category}", q.citations))
    for o in export.organizations:
        claims.append(Claim("organization", o.slug, f"{o.name}: {o.kind}", o.citations))
    for person in export.people:
        titles = "; ".join(role.title for role in person.roles) or "no role stated"
        claims.append(Claim("person", person.slug, f"{person.name}: {titles}", person.citations))
    for place in export.places:
        where = ", ".join(p for p in (place.kind, place.subdivision, place.country) if p)
        claims.append(Claim("place", place.slug, f"{place.name} ({where})", place.citations))
    for event in export.events:
        when = event.date or "undated"
        summary = f"{event.type}, {when}: {event.title}{_stance(event.stance, event.hedge)}"
        claims.append(Claim("event", event.id, summary, event.citations))
    for r in export.relations:
        measure = f", {r.value:g} {r.unit or ''}".rstrip() if r.value is not None else ""
        summary = f"{r.subject.name} {r.type} {r.object.name}{measure}{_stance(r.stance, r.hedge)}"
        claims.append(Claim("relation", r.id, summary, r.citations))
    return {claim.id: claim for claim in claims}


def _stance(stance: str, hedge: str | None) -> str:
    """How strongly the article says it, when it is less than a plain statement."""
    if stance == "stated":
        return ""
    return f" [{stance}: “{hedge}”]" if hedge else f" [{stance}]"


def _as_of(as_of: str | None) -> str:
    return f", as of {as_of}" if as_of else ""


def _passage_json(passage: Passage) -> dict[str, Any]:
    return {
        "sentence": passage.text,
        "before": passage.before,
        "quote": passage.quote,
        "after": passage.after,
    }


def _print_passage(passage: Passage) -> None:
    marked = f"{escape(passage.before)}[bold yellow]«{escape(passage.quote)}»[/]"
    console().print(indented(marked + escape(passage.after), blank_after=True))


def _byline(source: SourceOut) -> str:
    parts = [source.author, source.publisher, source.published_on or "undated"]
    title = f"“{source.title}”, " if source.title else ""
    return escape(title + ", ".join(p for p in parts if p)) + f" [dim]{escape(source.id)}[/]"


def cite(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="A claim's or a source's ID.")],
    quote: Annotated[
        str | None, typer.Option(help="With a source ID: the words to find in the article.")
    ] = None,
    json_: JsonOption = False,
    url: UrlOption = None,
) -> None:
    """Show the quotes behind a claim, each inside its sentence of the article.

    ID is any claim's ID, as the other commands print it (ID or slug): an inventory
    entry (kz-gfp-2021-tanks), an indicator (kz-population-2021), a transfer (ru-kz-mig-29), an
    agreement, or an equipment or organization slug (mig-29, csto).

    A source's ID (`milcap sources`) lists every claim that article backs; with --quote TEXT,
    it shows where the article says TEXT (white space and, if need be, case ignored).
    """
    output = output_of(json_)
    with connect(url) as client:
        if quote is not None:
            _cite_quote(client.source(claim_id), quote, output)
            return
        # The export is the one document that holds every kind of claim and every text.
        export = client.export()
    sources = {source.id: source for source in export.sources}
    claim = _claims(export).get(claim_id)
    if claim is not None:
        _cite_claim(claim, sources, output)
    elif claim_id in sources:
        _list_claims(sources[claim_id], list(_claims(export).values()), output)
    else:
        raise fail(
            f"no claim or source with ID {claim_id!r}; `milcap inventory`, `agreements`, "
            "`transfers`, `equipment`, `sources`... show the IDs"
        )


def _cite_claim(claim: Claim, sources: dict[str, SourceDetail], output: Output) -> None:
    cited = [
        (c, passage_around(sources[c.source_id].text, c.start_offset, c.end_offset))
        for c in claim.citations
    ]
    if output is Output.JSON:
        emit_json(
            {"kind": claim.kind, "id": claim.id, "summary": claim.summary}
            | {
                "citations": [
                    c.model_dump(mode="json")
                    | {"source_title": sources[c.source_id].title}
                    | _passage_json(p)
                    for c, p in cited
                ]
            }
        )
        return
    out = console()
    out.print(f"[bold]{escape(claim.summary)}[/] [dim]({claim.kind} {escape(claim.id)})[/]\n")
    previous = None
    for number, (citation, passage) in enumerate(cited, 1):
        source = sources[citation.source_id]
        via = f", citing {citation.attributed_to}" if citation.attributed_to else ""
        out.print(f"[bold][{number}] {escape(source_label(source) + via)}[/]")
        if source.id != previous:
            out.print(indented(_byline(source)))
        previous = source.id
        out.print(indented(f"[dim]characters {citation.start_offset}–{citation.end_offset}:[/]"))
        _print_passage(passage)


def _list_claims(source: SourceOut, claims: list[Claim], output: Output) -> None:
    backed = [(claim, c) for claim in claims for c in claim.citations if c.source_id == source.id]
    if output is Output.JSON:
        emit_json(
            {
                "source": source.model_dump(mode="json", exclude={"text"}),
                "claims": [
                    {"kind": claim.kind, "id": claim.id, "summary": claim.summary}
                    | c.model_dump(mode="json")
                    for claim, c in backed
                ],
            }
        )
        return
    out = console()
    out.print(f"[bold]{escape(source_label(source))}[/]: {_byline(source)}")
    out.print(f"{len(backed)} quote(s) back {len({claim.id for claim, _ in backed})} claim(s):\n")
    for claim, citation in backed:
        out.print(f"[bold]{escape(claim.summary)}[/] [dim]({claim.kind} {escape(claim.id)})[/]")
        out.print(indented(f"“{escape(citation.quote)}”", blank_after=True))


def _cite_quote(source: SourceDetail, quote: str, output: Output) -> None:
    span = find_quote(source.text, quote)
    if span is None:
        raise fail(f"{source.id} does not say {quote!r} (white space and case ignored)")
    passage = passage_around(source.text, *span)
    if output is Output.JSON:
        emit_json(
            {"source_id": source.id, "start_offset": span[0], "end_offset": span[1]}
            | _passage_json(passage)
        )
        return
    out = console()
    out.print(f"[bold]{escape(source_label(source))}[/]: {_byline(source)}")
    out.print(indented(f"[dim]characters {span[0]}–{span[1]}:[/]"))
    _print_passage(passage)
