"""An article's title, author and date, from its first lines (title first, then byline)."""

import re
from dataclasses import dataclass
from datetime import date

from app.drafting.dates import DateMention, printed_date

HEADER_LINES = 100  # a page's navigation may come before the title (seeds/articles/002)
_BY = re.compile(r"^\s*By\s+(?P<name>[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})")
_NAME_LINE = re.compile(r"^\s*(?P<name>[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+){1,2})\s*$")
_NOT_TITLE = re.compile(r"^(?:last update|updated|skip to|menu|main menu|none|home|search)\b", re.I)


@dataclass(frozen=True)
class Header:
    title: str | None
    author: str | None
    dateline: DateMention | None

    @property
    def published_on(self) -> date | None:
        return date.fromisoformat(self.dateline.iso) if self.dateline else None


def _lines(text: str) -> list[str]:
    stripped = (line.strip().lstrip("\ufeff") for line in text.splitlines())  # and a BOM
    return [line for line in stripped if line][:HEADER_LINES]


def read_header(text: str) -> Header:
    lines = _lines(text)
    byline_index = None
    author = None
    for index, line in enumerate(lines):
        by = _BY.match(line)
        if by:
            byline_index, author = index, _strip_date(by["name"])
            break
    if byline_index is None:
        for index, line in enumerate(lines):
            dated = printed_date([line])
            if dated is not None and index > 0:
                name = line[: dated.start].strip(" ,–—-")
                if _NAME_LINE.match(name):
                    byline_index, author = index, name
                    break
    if byline_index is None:
        # A name on a line of its own right after the title ("Paul Goble").
        for index, line in enumerate(lines[1:6], start=1):
            if _NAME_LINE.match(line) and len(lines[index - 1].split()) >= 4:
                byline_index, author = index, line
                break
    title = None
    if byline_index is not None and byline_index > 0:
        title = lines[byline_index - 1]
    else:
        title = next(
            (
                line
                for line in lines
                if len(line.split()) >= 4
                and not _NOT_TITLE.match(line)
                and printed_date([line]) is None
            ),
            None,
        )
    dated_lines = lines[byline_index:] if byline_index is not None else lines
    found = printed_date(dated_lines[:3]) if byline_index is not None else None
    return Header(title, author, found or printed_date(lines[:12]))


def _strip_date(name: str) -> str:
    return re.split(
        r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
        name,
    )[0].strip()
