"""Quotes in their articles: the sentence around a citation's offsets, and a quote found again."""

import re
from dataclasses import dataclass

# How far a passage may reach on either side of its quote when no sentence end is found.
MAX_CONTEXT = 400
# "Nov. 17", "U.S. forces", "Gen. Smith": a full stop after these does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        *("mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "maj", "capt", "sgt", "adm"),
        *("gov", "pres", "sen", "rep", "prof", "jr", "sr", "vs", "etc", "no", "approx"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("u.s", "u.k", "e.g", "i.e"),
    }
)
# A sentence ends at . ! ? (possibly inside closing quotes or brackets) before white space.
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s)")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Passage:
    """The sentence a quote sits in, cut in three: `before` + `quote` + `after`."""

    before: str
    quote: str
    after: str
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.before + self.quote + self.after


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    word = re.search(r"([\w.]+)$", text[: match.start()])
    if text[match.start()] == "." and word:
        token = word.group(1).lower()
        if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
            return False
    following = text[match.end() :].lstrip()
    # "the Nov. 17 summit": what follows a real sentence end opens a new one.
    return not following or not following[0].islower()


def _sentence_start(text: str, position: int) -> int:
    floor = max(0, position - MAX_CONTEXT)
    start = floor
    for match in SENTENCE_END.finditer(text, floor, position):
        if _ends_sentence(text, match):
            start = match.end()
    for match in PARAGRAPH_BREAK.finditer(text, floor, position):
        start = max(start, match.end())
    return start


def _sentence_end(text: str, start: int, position: int) -> int:
    ceiling = min(len(text), position + MAX_CONTEXT)
    end = ceiling
    # From the quote's start: a quote may end with its sentence's own full stop.
    for match in SENTENCE_END.finditer(text, start, ceiling):
        if match.end() >= position and _ends_sentence(text, match):
            end = match.end()
            break
    paragraph = PARAGRAPH_BREAK.search(text, position, ceiling)
    if paragraph:
        end = min(end, paragraph.start())
    return end


def passage_around(text: str, start: int, end: int) -> Passage:
    """The sentence (or sentences) holding `text[start:end]`, white space folded.

    A quote that spans sentences brings them all; a sentence longer than MAX_CONTEXT on one
    side is cut there, with an ellipsis."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}:{end} are outside a text of {len(text)} characters")
    first, last = _sentence_start(text, start), _sentence_end(text, start, end)
    before, after = " ".join(text[first:start].split()), " ".join(text[end:last].split())
    if text[first:start][-1:].isspace() and before:
        before += " "
    if text[end:last][:1].isspace() and after:
        after = " " + after
    if first > 0 and first == max(0, start - MAX_CONTEXT):
        before = "…" + before
    if last < len(text) and last == min(len(text), end + MAX_CONTEXT):
        after += "…"
    return Passage(before, " ".join(text[start:end].split()), after, first, last)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` occurs in `text`, white space folded (and case ignored if it must be)."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    return (match.start(), match.end()) if match else None
