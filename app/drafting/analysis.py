"""One sentence seen by the extractors: its countries, categories, equipment, figures and
dates, with the article-wide context they need (the article's date, the country it was
last about, the sources it named)."""

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from app.drafting.context import Attribution, StanceReading, attribution_in, stance_of
from app.drafting.dates import DateMention, find_dates
from app.drafting.designations import EquipmentMention, find_equipment
from app.drafting.lexicon import (
    CountryMention,
    Mention,
    country_name,
    find_categories,
    find_countries,
    official_name,
)
from app.drafting.numbers import Figure, find_figures
from app.drafting.sentences import Sentence

# "in 2019", "In 2019,": a year the figure is of (not "by 2030", a target).
_IN_YEAR = re.compile(r"\b(?:[Ii]n|[Aa]s of|[Ss]ince)\s+((?:19|20)\d\d)\b(?!\s*-)")
_AGO = re.compile(
    r"\b(?:(?P<count>\d+|a|an|two|three|four|five)\s+)?(?P<unit>years?|decades?)\s+ago\b",
    re.IGNORECASE,
)
_EACH = re.compile(r"\b(?:each|respectively|apiece)\b", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*,?\s*(?:and|&|or)\s+")
_FORM_OF_STATE = re.compile(r"\b[Tt]he (kingdom|emirate|sultanate|republic|federation)\b")
_HALF = re.compile(r"\b[Tt]he (South|North)\b(?!\s+[A-Z])")
GFP_NAME = "Global Firepower"
_THE_RANKING = re.compile(r"\b[Tt]he (?:index|ranking|rankings|list|survey|review|report)\b")
_COUNT_WORDS = {"a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass
class ArticleContext:
    text: str
    published_on: date | None
    published_from: str  # "the printed dateline", "--published-on"
    published_iso: str | None
    seeds_dir: Path
    topic_country: str | None = None  # the country the article was last about
    from_line: Attribution | None = None  # "From Reuters:" applies to what follows
    years_of: dict[str, str] = field(default_factory=dict)  # source name -> year named
    gfp_paragraphs: set[int] = field(default_factory=set)  # those naming Global Firepower
    last_ministry: str | None = None  # what "the ministry said" refers to
    recent_countries: list[str] = field(default_factory=list)  # in the order last named


@dataclass
class SentenceView:
    sentence: Sentence
    context: ArticleContext

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def offset(self) -> int:
        return self.sentence.start

    @cached_property
    def countries(self) -> list[CountryMention]:
        return find_countries(self.text)

    @cached_property
    def categories(self) -> list[Mention]:
        return find_categories(self.text)

    @cached_property
    def equipment(self) -> list[EquipmentMention]:
        return find_equipment(self.text, self.context.seeds_dir)

    @cached_property
    def dates(self) -> list[DateMention]:
        return find_dates(self.text, self.context.published_on, self.context.published_from)

    @cached_property
    def figures(self) -> list[Figure]:
        """Figures that are not part of a designation or a date."""
        taken = [(e.start, e.end) for e in self.equipment] + [(d.start, d.end) for d in self.dates]
        return [
            figure
            for figure in find_figures(self.text)
            if not any(start <= figure.start < end for start, end in taken)
        ]

    @cached_property
    def attribution(self) -> Attribution | None:
        found = attribution_in(self.text) or self.context.from_line
        if found is None and self.in_gfp_context and _THE_RANKING.search(self.text):
            found = Attribution(GFP_NAME)  # "The index credits ... with 150 tanks"
        generic = found is not None and found.name.lower() in {"the ministry", "ministry"}
        if generic and self.context.last_ministry:
            found = Attribution(self.context.last_ministry)
        if found is None or found.year is not None:
            return found
        for name, year in self.context.years_of.items():
            if name.lower() in found.name.lower():
                return Attribution(found.name, year)
        return found

    @property
    def in_gfp_context(self) -> bool:
        """Whether this paragraph or one of the two before it names Global Firepower."""
        paragraph = self.sentence.paragraph
        return any(paragraph - 2 <= p <= paragraph for p in self.context.gfp_paragraphs)

    @property
    def attribution_note(self) -> str | None:
        found = attribution_in(self.text)
        attribution = self.attribution
        if attribution and attribution.year and (found is None or found.year is None):
            return (
                f"the year {attribution.year} is that of an earlier mention of {attribution.name}"
            )
        return None

    def group_subject(self, position: int) -> bool:
        """Whether the countries before `position` are a group ("Estonia, Latvia and
        Lithuania together field 40,000 troops"): the figure is none of theirs alone."""
        before = [c for c in self.holders if c.end <= position]
        if len(before) < 2 or _EACH.search(self.text):
            return False
        gap = self.text[before[-2].end : before[-1].start]
        return bool(_COORDINATED.fullmatch(gap))

    def referred_country(self) -> str | None:
        """The country a sentence that names none is about: the one a phrase like "the
        kingdom" fits among those the article named last, else the article's topic."""
        match = _FORM_OF_STATE.search(self.text)
        if match:
            form = match[1].lower()
            for code in reversed(self.context.recent_countries):
                if form in official_name(code).lower():
                    return code
        half = _HALF.search(self.text)  # "the South": of two Koreas, the one named so
        if half:
            for code in reversed(self.context.recent_countries):
                if country_name(code).startswith(half[1]):
                    return code
        return self.context.topic_country

    def as_of(self, position: int, *, attributed: bool = True) -> tuple[str | None, str | None]:
        """When a figure at `position` holds, and how that was found: a date or year the
        sentence gives before it ("In 2019, ...", "A decade ago ..."), else the year its
        source names, else the article's date."""
        clause_start = max(self.text.rfind(";", 0, position), 0)
        dated = [d for d in self.dates if clause_start <= d.start and d.end <= position]
        if dated:
            return dated[-1].iso, dated[-1].note
        year = _IN_YEAR.search(self.text, clause_start, position)
        if year:
            return year[1], None
        published = self.context.published_on
        ago = _AGO.search(self.text, clause_start, position)
        if ago and published is not None:
            count = ago["count"] or "a"
            years = int(count) if count.isdigit() else _COUNT_WORDS[count.lower()]
            years *= 10 if ago["unit"].lower().startswith("decade") else 1
            note = f"“{ago[0]}” counted back from the article's date, {published.isoformat()}"
            return str(published.year - years), note
        attribution = self.attribution
        if attributed and attribution and attribution.year:
            return attribution.year, self.attribution_note
        return self.context.published_iso, None

    def stance(self, start: int, end: int) -> StanceReading:
        """The stance of the words from the sentence's start to `end` (relative offsets)."""
        return stance_of(self.text[: max(end, start)])

    @cached_property
    def holders(self) -> list[CountryMention]:
        """The countries that may be what the sentence is about: not a maker ("Russian-made")
        nor a source ("from Turkey")."""
        return [
            c
            for c in self.countries
            if not c.is_origin
            and not re.search(r"\bfrom\s+$", self.text[: c.start])
            # "donated by Russia" names a giver; "dwarfed by Kazakhstan's spending", a holder
            and not (
                re.search(r"\bby\s+$", self.text[: c.start])
                and not re.search(r"(?:’s|'s)$", self.text[c.start : c.end])
            )
        ]

    def subject(
        self, position: int, *, past_a_comma: bool = True
    ) -> tuple[str | None, CountryMention | None]:
        """The country a figure at `position` is about: the nearest country named before it
        (not as the maker of something: "Russian-made"), else the first named after it
        (beyond a comma only if `past_a_comma`: "19 million, Kazakhstan" but not "14
        MiG-29s, most of them donated by Belarus"), else none (the caller may fall back on
        the article's topic)."""
        holders = self.holders
        before = [c for c in holders if c.end <= position]
        if before:
            return before[-1].key, before[-1]
        after = [c for c in holders if c.start >= position]
        if after and (past_a_comma or "," not in self.text[position : after[0].start]):
            return after[0].key, after[0]
        return None, None

    def absolute(self, start: int, end: int) -> tuple[str, int, int]:
        """The quote text[start:end] of the sentence, trimmed, as (quote, start, end) in the
        article's offsets."""
        while start < end and self.text[start] in " ,;:–—-":
            start += 1
        while end > start and self.text[end - 1] in " ,;:":
            end -= 1
        return self.text[start:end], self.offset + start, self.offset + end
