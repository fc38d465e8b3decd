"""Dates an article prints ("November 12, 2021", "Nov. 17", "19 August 2017") and the ones it
gives relative to its own date ("this August", "on Wednesday", "last year"), resolved
against the printed dateline or --published-on, each with a note saying how."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|"
    r"Nov\.?|Dec\.?)"
)
_WEEKDAY = r"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_ABSOLUTE = re.compile(
    rf"(?<!\w){_WEEKDAY}(?:{_MONTH}\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    rf"|(?P<day2>[0-3]?\d)\s+{_MONTH.replace('month', 'month2')}(?:,?\s+(?P<year2>(?:19|20)\d\d))?)"
    r"(?!\w)"
)
_ISO = re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\w-])")
_RELATIVE = re.compile(
    r"(?<!\w)(?:(?P<which>this|last|next)\s+(?P<unit>year|month|week|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<day_word>yesterday|today)"
    r"|(?:on|On|since|last)\s+(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!,?\s+\w+\s+\d))"
    r"(?!\w)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    iso: str  # partial ISO 8601: "2021", "2021-08", "2021-11-10"
    note: str | None = None  # how a relative date was resolved


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(word: str) -> int:
    return _MONTHS[word.lower().rstrip(".")]


def _anchor_text(anchor: date, anchor_from: str) -> str:
    return f"{anchor.isoformat()}, a {_WEEKDAYS[anchor.weekday()].capitalize()} ({anchor_from})"


def find_dates(
    text: str, anchor: date | None, anchor_from: str = "the article's date"
) -> list[DateMention]:
    """Every date `text` gives; a date without a year takes the anchor's (or stays partial)."""
    found: list[DateMention] = []
    for match in _ABSOLUTE.finditer(text):
        month = _month(match["month"] or match["month2"])
        day = int(match["day"] or match["day2"])
        year_text = match["year"] or match["year2"]
        if year_text:
            when = _valid(int(year_text), month, day)
            if when:
                found.append(DateMention(match.start(), match.end(), when.isoformat()))
            continue
        if anchor is None:
            continue
        when = _valid(anchor.year, month, day)
        # A day-and-month after the article's date is last year's ("December 30" in January).
        if when and when > anchor + timedelta(days=31):
            when = _valid(anchor.year - 1, month, day)
        if when:
            note = f"the year is that of {_anchor_text(anchor, anchor_from)}"
            found.append(DateMention(match.start(), match.end(), when.isoformat(), note))
    for match in _ISO.finditer(text):
        when = _valid(int(match["year"]), int(match["month"]), int(match["day"]))
        if when:
            found.append(DateMention(match.start(), match.end(), when.isoformat()))
    if anchor is not None:
        for match in _RELATIVE.finditer(text):
            resolved = _relative(match, anchor)
            if resolved:
                note = f"“{match[0]}” resolved against {_anchor_text(anchor, anchor_from)}"
                found.append(DateMention(match.start(), match.end(), resolved, note))
    return sorted(found, key=lambda mention: mention.start)


def _relative(match: re.Match[str], anchor: date) -> str | None:
    if match["day_word"]:
        offset = 1 if match["day_word"].lower() == "yesterday" else 0
        return (anchor - timedelta(days=offset)).isoformat()
    if match["weekday"]:
        # "on Wednesday" in a news report is the last one before the article's date.
        days_back = (anchor.weekday() - _WEEKDAYS.index(match["weekday"].lower())) % 7
        return (anchor - timedelta(days=days_back or 7)).isoformat()
    which, unit = match["which"].lower(), match["unit"].lower()
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "year":
        return str(anchor.year + step)
    if unit == "month":
        month_index = anchor.year * 12 + anchor.month - 1 + step
        return f"{month_index // 12}-{month_index % 12 + 1:02d}"
    if unit == "week":
        return None  # a week has no partial ISO date
    if unit in _WEEKDAYS:
        days_back = (anchor.weekday() - _WEEKDAYS.index(unit)) % 7 or 7
        return (
            anchor - timedelta(days=days_back + (7 if which == "last" and days_back < 2 else 0) * 0)
        ).isoformat()
    month = _month(unit)
    if which == "this":
        year = anchor.year
    elif which == "last":
        year = anchor.year - 1 if month >= anchor.month else anchor.year
    else:
        year = anchor.year + 1 if month <= anchor.month else anchor.year
    return f"{year}-{month:02d}"


_UPDATED = re.compile(r"\b(?:last )?(?:update|updated|modified)\b", re.IGNORECASE)


def printed_date(lines: list[str]) -> DateMention | None:
    """The article's date as its header prints it: the byline's, not a page's "Last update"."""
    for line in lines:
        if _UPDATED.search(line):
            continue
        for mention in find_dates(line, None):
            if len(mention.iso) == 10:
                return mention
    return None
