"""Counts whose country or category the sentence gives once for several figures:
"Kazakhstan has 300 tanks and Uzbekistan 420", "roughly 2,200 in South Korean service",
"Kazakhstan and Uzbekistan operate 350 and 420 tanks respectively"."""

import re

from app.drafting.analysis import SentenceView
from app.drafting.context import qualifier_before
from app.drafting.counting import Found, quantity
from app.drafting.lexicon import Mention
from app.drafting.numbers import Figure, integer
from app.drafting.schemas import InventoryCandidate
from app.drafting.scoring import score

_IN_SERVICE = re.compile(r"(?P<before>\s+(?:in|with)\s+(?:the\s+)?)\S[^,.;]{0,30}?\s+service\b")


_ELLIPSIS = re.compile(
    r"\s*(?:(?:has|had|fields|operates|with)\s+)?(?:(?:just|only|about|some|around|roughly)\s+)?$"
)


def elliptic_counts(
    view: SentenceView, counted: list[Found], category: str | None
) -> list[InventoryCandidate]:
    """ "Kazakhstan has 300 tanks and Uzbekistan 420": the second figure counts the same."""
    if category is None:
        return []
    used = {found.figure.start for found in counted if found.figure is not None}
    found: list[InventoryCandidate] = []
    for figure in view.figures:
        earlier = [f for f in counted if f.figure is not None and f.thing_end <= figure.start]
        if figure.start in used or not earlier or quantity(figure) is None:
            continue
        category = earlier[-1].category
        in_service = _IN_SERVICE.match(view.text, figure.end)
        serving = [c for c in view.holders if in_service and c.start == in_service.end("before")]
        if serving and in_service:
            # "roughly 2,200 in South Korean service"
            mention, start, end = serving[0], figure.start, in_service.end()
        else:
            holders = [c for c in view.holders if c.end <= figure.start]
            if not holders or not _ELLIPSIS.fullmatch(view.text[holders[-1].end : figure.start]):
                continue
            after = view.text[figure.end :]
            if after and not re.match(r"[\s.,;)]", after[0]):
                continue
            follower = re.match(r"\s+([a-z]+)", after)
            if follower and follower[1] not in {"and", "while", "but", "whereas", "according"}:
                continue
            mention, start, end = holders[-1], holders[-1].start, figure.end
        qualifier, qualifier_start = qualifier_before(view.text, figure.start)
        start = min(start, qualifier_start)
        quote, start, end = view.absolute(start, end)
        stance = view.stance(start - view.offset, end - view.offset)
        attribution = view.attribution
        found.append(
            InventoryCandidate(
                country=mention.key,
                category=category,
                quantity=quantity(figure),
                qualifier=qualifier,
                as_of=view.as_of(figure.start)[0],
                quote=quote,
                start=start,
                end=end,
                stance=stance.stance,
                hedge=stance.hedge,
                attributed_to=attribution.label if attribution else None,
                score=score(
                    base=0.5,
                    country_named=True,
                    held=False,
                    attributed=attribution is not None,
                    hedged=stance.stance != "stated",
                    in_words=figure.in_words,
                ),
                note=f"the category ({category}) is that of the figure before it in the sentence",
            )
        )
    return found


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
_BETWEEN_FIGURES = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_BEFORE_CATEGORY = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}")


def _chain(view: SentenceView, category: Mention) -> list[Figure]:
    """The figures listed just before the category word, first to last."""
    before = [f for f in view.figures if f.end <= category.start]
    if not before or not _BEFORE_CATEGORY.fullmatch(view.text[before[-1].end : category.start]):
        return []
    chain = [before[-1]]
    for figure in reversed(before[:-1]):
        if not _BETWEEN_FIGURES.fullmatch(view.text[figure.end : chain[0].start]):
            break
        chain.insert(0, figure)
    return chain if len(chain) > 1 else []


def respectively(view: SentenceView) -> tuple[list[InventoryCandidate], set[int]]:
    """The candidates of such lists, and where their category words are (so the ordinary
    reading, which would give every figure to the nearest country, skips them)."""
    if not _RESPECTIVELY.search(view.text):
        return [], set()
    found: list[InventoryCandidate] = []
    handled: set[int] = set()
    for category in view.categories:
        chain = _chain(view, category)
        holders = [c for c in view.holders if chain and c.end <= chain[0].start]
        codes = list(dict.fromkeys(c.key for c in holders))
        if not chain or len(codes) < len(chain):
            continue
        codes = codes[-len(chain) :]
        first = next(c for c in holders if c.key == codes[0])
        quote, start, end = view.absolute(first.start, category.end)
        stance = view.stance(first.start, category.end)
        attribution = view.attribution
        for code, figure in zip(codes, chain, strict=True):
            quantity = integer(figure.value)
            if quantity is None or figure.looks_like_year:
                continue
            found.append(
                InventoryCandidate(
                    country=code,
                    category=category.key,
                    quantity=quantity,
                    as_of=(attribution.year if attribution else None) or view.context.published_iso,
                    quote=quote,
                    start=start,
                    end=end,
                    stance=stance.stance,
                    hedge=stance.hedge,
                    attributed_to=attribution.label if attribution else None,
                    score=score(
                        base=0.5,
                        country_named=True,
                        held=True,
                        attributed=attribution is not None,
                        hedged=stance.stance != "stated",
                        in_words=figure.in_words,
                    ),
                    note="“respectively”: the countries and the figures are matched in order",
                )
            )
        handled.add(category.start)
    return found, handled
