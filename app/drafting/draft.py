"""Drafting an article: read its header, walk its sentences, gather every candidate."""

from datetime import date
from pathlib import Path

from app.drafting.analysis import ArticleContext, SentenceView
from app.drafting.context import attribution_in, from_line
from app.drafting.entities import entities_in
from app.drafting.events import events_in
from app.drafting.header import read_header
from app.drafting.indicators import indicators_in
from app.drafting.inventory import inventory_in
from app.drafting.ranks import mentions_gfp
from app.drafting.schemas import Candidate, Draft, SourceDraft
from app.drafting.sentences import Sentence, split_sentences


def draft_article(text: str, *, published_on: str | None, seeds_dir: Path) -> Draft:
    """Every candidate fact of `text`, best first. `published_on` (a partial ISO date) is
    the article's date when the text prints none; relative dates resolve against a full one."""
    header = read_header(text)
    printed = header.published_on
    given = date.fromisoformat(published_on) if published_on and len(published_on) == 10 else None
    anchor = printed or given
    anchor_from = "the printed dateline" if printed else "--published-on"
    iso = printed.isoformat() if printed else published_on
    context = ArticleContext(text, anchor, anchor_from, iso, seeds_dir)
    sentences = split_sentences(text)
    _survey(context, sentences)
    candidates: list[Candidate] = []
    from_paragraph = -1  # "From Reuters:" covers the paragraph after its own line
    for sentence in sentences:
        if sentence.paragraph > from_paragraph + 1:
            context.from_line = None
        view = SentenceView(sentence, context)
        inventory, transfers = inventory_in(view)
        entities = entities_in(view)
        candidates += [*inventory, *transfers, *indicators_in(view), *entities, *events_in(view)]
        _remember(context, view, entities)
        line = from_line(sentence.text)
        if line is not None:
            context.from_line, from_paragraph = line, sentence.paragraph
    source = SourceDraft(title=header.title, author=header.author, published_on=iso)
    candidates.sort(key=lambda candidate: (-candidate.score, candidate.start))
    return Draft(source=source, candidates=_unique(candidates))


def _survey(context: ArticleContext, sentences: list[Sentence]) -> None:
    """What the whole article says that a sentence may need: the years its sources carry
    ("Global Firepower's 2021 rankings") and where it names Global Firepower."""
    for sentence in sentences:
        found = attribution_in(sentence.text)
        if found is not None and found.year is not None:
            context.years_of.setdefault(found.name, found.year)
        if mentions_gfp(sentence.text):
            context.gfp_paragraphs.add(sentence.paragraph)


def _remember(context: ArticleContext, view: SentenceView, entities: list[Candidate]) -> None:
    """What the next sentences may refer back to: the country, the countries, the ministry."""
    if view.holders:
        context.topic_country = view.holders[0].key
    for mention in view.holders:
        if mention.key in context.recent_countries:
            context.recent_countries.remove(mention.key)
        context.recent_countries.append(mention.key)
    ministries = [e.name for e in entities if e.kind == "organization" and "Ministry" in e.name]
    if ministries:
        context.last_ministry = ministries[-1]


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per fact and quote: a repeated paragraph says nothing new."""
    seen: set[str] = set()
    kept: list[Candidate] = []
    for candidate in candidates:
        if candidate.kind in {"person", "organization", "equipment"}:
            identity = f"{candidate.kind}:{candidate.name}"  # the best-scored mention stands
        else:
            identity = candidate.model_dump_json(exclude={"start", "end", "score", "note"})
        if identity in seen:
            continue
        seen.add(identity)
        kept.append(candidate)
    return kept
