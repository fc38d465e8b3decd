"""What an indicator pattern reads in a sentence, before it becomes a candidate."""

from dataclasses import dataclass

from app.drafting.analysis import SentenceView
from app.drafting.lexicon import CountryMention
from app.drafting.numbers import Figure


@dataclass(frozen=True)
class Reading:
    name: str
    figure: Figure
    country: str | None
    start: int  # the quote's start (relative)
    end: int
    unit: str | None = None
    scope: str | None = None
    base: float = 0.6
    value: int | float | None = None
    note: str | None = None


def holder(view: SentenceView, position: int) -> CountryMention | None:
    _, mention = view.subject(position)
    return mention
