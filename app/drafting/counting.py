"""Which figure counts which thing: "300 tanks", "40 T-72 tanks", "Tanks: 420", "36
Rafales, 24 Typhoons and 36 F-15QA fighters"."""

import re
from dataclasses import dataclass

from app.drafting.analysis import SentenceView
from app.drafting.designations import EquipmentMention
from app.drafting.lexicon import categories
from app.drafting.numbers import Figure, integer

# Between a figure and its category: up to three plain words ("300 main battle tanks",
# "15 military naval vessels"), none of them one that ends the noun phrase.
_GAP = re.compile(r"\+?(?:\s+|\s*-\s*)(?:[A-Za-z][\w’'-]*\s+){0,3}")  # "1,500+ tanks"


_GAP_STOP = re.compile(
    r"\b(?:of|and|or|to|from|with|in|by|per|than|was|were|is|are|has|have|had|for|at|on|"
    r"percent|per cent|year|years|old|km|kilometres?|kilometers?|miles?|pages?)\b",
    re.IGNORECASE,
)


# A category word used as an adjective: "12 tank battalions", "2,500 helicopter pilots".
_NOUN_AFTER = re.compile(
    r"\s+(?:crews?|battalions?|brigades?|regiments?|units?|divisions?|compan(?:y|ies)|"
    r"squadrons?|pilots?|strikes?|attacks?|crash(?:es)?|factor(?:y|ies)|plants?|engines?|"
    r"parts|rounds|shells|tests?|flights?|sorties|hours|operators?|drivers?|commanders?|"
    r"bases?|makers?|manufacturers?|programmes?|programs?|deals?|contracts?|orders?|"
    r"exports?|sales?|production|maintenance|repairs?|schools?|mechanics|training|"
    r"technicians|gunners|forces?|troops|corps)\b",
    re.IGNORECASE,
)


_ROW = re.compile(
    r"^\s*(?:[-•*▪·]\s*)?(?P<label>[A-Za-z][\w /&()’'.-]{1,60}?)\s*"
    r"(?:[:=–—]|\s-\s|\.{2,}|\t|\s{2,})\s*(?P<figure>\S.*?)\s*\.?$"
)


@dataclass(frozen=True)
class Found:
    figure: Figure | None
    category: str
    thing_start: int
    thing_end: int
    equipment: EquipmentMention | None = None
    is_row: bool = False


def quantity(figure: Figure) -> int | None:
    if figure.ordinal or figure.looks_like_year:
        return None
    return integer(figure.value)


def _things(view: SentenceView) -> list[tuple[int, int, str, EquipmentMention | None]]:
    """What a figure may count, in text order: equipment types and category words."""
    things: list[tuple[int, int, str, EquipmentMention | None]] = []
    covered: list[tuple[int, int]] = []
    for item in view.equipment:
        if item.category is not None:
            end = item.category_end or item.end
            things.append((item.start, end, item.category, item))
            covered.append((item.start, end))
    for mention in view.categories:
        if not any(start <= mention.start < end for start, end in covered):
            things.append((mention.start, mention.end, mention.key, None))
    return sorted(things, key=lambda thing: thing[0])


def counted(view: SentenceView) -> list[Found]:
    text = view.text
    found: list[Found] = []
    row = _row(view)
    if row is not None:
        return [row]
    figures = view.figures
    for start, end, category, item in _things(view):
        if _NOUN_AFTER.match(text, end):
            continue
        before = [f for f in figures if f.end <= start]
        if before:
            figure = before[-1]
            gap = text[figure.end : start]
            if _GAP.fullmatch(gap) and not _GAP_STOP.search(gap) and quantity(figure) is not None:
                found.append(Found(figure, category, start, end, item))
                continue
        if item is not None:
            found.append(Found(None, category, start, end, item))
    return found + _listed_before(view, found)


# "36 Rafales, 24 Typhoons and 36 F-15QA fighters": a figure and a name, in a list whose
# last item names the category.
_LISTED = re.compile(
    r"(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)"
)


def _listed_before(view: SentenceView, found: list[Found]) -> list[Found]:
    listed: list[Found] = []
    taken = {f.figure.start for f in found if f.figure is not None}
    for last in [f for f in found if f.figure is not None]:
        cursor = last.figure.start if last.figure else 0
        for figure in reversed([f for f in view.figures if f.end < cursor]):
            if figure.start in taken or quantity(figure) is None:
                break
            match = _LISTED.fullmatch(view.text, figure.end + 1, cursor)
            if view.text[figure.end : figure.end + 1] != " " or match is None:
                break
            if any(c.start == figure.end + 1 for c in view.countries):
                break  # "Kazakhstan 350, Kyrgyzstan 150": countries, not names
            name = match["name"]
            name_start = figure.end + 1
            item = EquipmentMention(
                name_start, name_start + len(name), "", _singular(name), last.category
            )
            listed.append(Found(figure, last.category, name_start, name_start + len(name), item))
            taken.add(figure.start)
            cursor = figure.start
    return listed


def _singular(name: str) -> str:
    return re.sub(r"(?<=[a-z])s$", "", name)


def _row(view: SentenceView) -> Found | None:
    """A table-like row: "Tanks: 300", "Attack helicopters — 12"."""
    match = _ROW.match(view.text)
    if match is None:
        return None
    label = re.sub(r"\s*\((?:total|all types)\)\s*$", "", match["label"].strip(), flags=re.I)
    figures = [f for f in view.figures if f.start >= match.start("figure")]
    if not figures or figures[0].start != match.start("figure") or quantity(figures[0]) is None:
        return None
    start, end = match.start("label"), match.end("label")
    category = categories().labels.key_of(label)
    if category is not None:
        return Found(figures[0], category, start, end, is_row=True)
    # "Leopard 2A7 tanks: 44": a type, then its category's words, end the label.
    words = [m for m in categories().labels.find(label) if m.end == len(label)]
    if not words or words[-1].start == 0:
        return None
    category = words[-1].key
    named = [e for e in view.equipment if start <= e.start < end]
    name = label[: words[-1].start].strip()
    item = named[0] if named else EquipmentMention(start, start + len(name), "", name, category)
    return Found(figures[0], category, start, end, equipment=item, is_row=True)
