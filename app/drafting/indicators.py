"""Indicator candidates: population, Global Firepower and other military ranks, personnel,
manpower, defence budgets in any currency, the PowerIndex and border lengths."""

import re

from app.drafting.analysis import SentenceView
from app.drafting.borders import borders
from app.drafting.budgets import budgets
from app.drafting.context import qualifier_before
from app.drafting.headcounts import personnel, populations
from app.drafting.numbers import Figure, integer
from app.drafting.ranks import power_indices, ranks
from app.drafting.readings import Reading
from app.drafting.schemas import IndicatorCandidate
from app.drafting.scoring import score

_UNIT = {
    "population": "people",
    "gfp_world_rank": "rank",
    "gfp_regional_rank": "rank",
    "world_military_rank": "rank",
    "border_length_km": "km",
    "gfp_power_index": "index",
}


def indicators_in(view: SentenceView) -> list[IndicatorCandidate]:
    readings = [
        *ranks(view),
        *populations(view),
        *personnel(view),
        *budgets(view),
        *power_indices(view),
        *borders(view),
    ]
    candidates: list[IndicatorCandidate] = []
    seen: set[int] = set()
    for reading in readings:
        if reading.figure.start in seen:
            continue  # one figure, one indicator: the first reading above wins
        if view.group_subject(reading.figure.start):
            continue  # "Estonia, Latvia and Lithuania together field 40,000 troops"
        if reading.country is None and not _refers_back(view.text) and not _fragment(view.text):
            continue  # "the region is home to 80 million people": no country's figure
        seen.add(reading.figure.start)
        candidates.append(_candidate(view, reading))
    return candidates


# A sentence that names no country may still be about the one the article is about: a
# table-like row ("Population: 36,500,000") or one that refers back to it ("its budget").
_REFERS_BACK = re.compile(
    r"^\s*(?:[-•*▪·]\s*)?[A-Z][\w /()-]{1,40}(?::|\s[–—=-])\s|"
    r"\b(?:the|a) (?:country|nation|state|kingdom|republic|emirate)\b|\bits\b|"
    r"\bthe (?:Islamic Republic|army|armed forces|military|government|authorities|"
    r"(?:defen[cs]e |finance )?ministry|(?:defen[cs]e|military) budget)\b",
    re.IGNORECASE,
)


def _fragment(text: str) -> bool:
    """A headline-like fragment ("55th in the world."): about the article's country."""
    return len(text.split()) <= 6 and not re.search(r"\b(?:is|are|was|were|has|have)\b", text)


def _refers_back(text: str) -> bool:
    return bool(_REFERS_BACK.search(text))


def _candidate(view: SentenceView, reading: Reading) -> IndicatorCandidate:
    figure = reading.figure
    qualifier, qualifier_start = qualifier_before(view.text, figure.start)
    if figure.ordinal:
        qualifier = None
    carried = reading.country is None
    country = reading.country or view.referred_country()
    start = min(reading.start, qualifier_start if qualifier else reading.start)
    end = reading.end
    if (
        view.text[start:end].count("(") > view.text[start:end].count(")")
        and view.text[end : end + 1] == ")"
    ):
        end += 1
    quote, quote_start, quote_end = view.absolute(start, end)
    stance = view.stance(start, end)
    attribution = view.attribution
    if _in_leading_apposition(view.text, figure):
        attribution = None  # "A country of 19 million, Kazakhstan has ..., according to X"
    as_of, as_of_note = view.as_of(figure.start, attributed=attribution is not None)
    notes = [n for n in (reading.note, as_of_note) if n]
    if carried:
        notes.append(
            "the sentence names no country: the country is the one the article was last about"
        )
    value: int | float = (
        reading.value if reading.value is not None else (integer(figure.value) or 0)
    )
    return IndicatorCandidate(
        country=country,
        name=reading.name,
        value=value,
        unit=reading.unit or _UNIT.get(reading.name),
        qualifier=qualifier,
        as_of=as_of,
        scope=reading.scope,
        quote=quote,
        start=quote_start,
        end=quote_end,
        stance=stance.stance,
        hedge=stance.hedge,
        attributed_to=attribution.label if attribution else None,
        score=score(
            base=reading.base,
            country_named=not carried,
            held=True,
            attributed=attribution is not None,
            hedged=stance.stance != "stated",
            in_words=figure.in_words,
        ),
        note="; ".join(notes) or None,
    )


_APPOSITION = re.compile(r"^(?:A|An|The)\s+(?:country|nation|state)\s+of\b[^,]*,")


def _in_leading_apposition(text: str, figure: Figure) -> bool:
    """Whether the figure is in a sentence's opening description of its subject, which an
    attribution at the sentence's end does not cover."""
    match = _APPOSITION.match(text)
    return match is not None and figure.end <= match.end()
