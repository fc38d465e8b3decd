"""Splitting an article into paragraphs and sentences, keeping each one's offsets."""

import re
from dataclasses import dataclass

# Words whose full stop ends no sentence: titles, ranks, months, "U.S." and the like.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "maj",
        "capt",
        "sgt",
        "adm",
        "cmdr",
        "brig",
        "rep",
        "sen",
        "gov",
        "pres",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "fig",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mt",
        "ft",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
    ]
)
_LINE = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (with any closing quote or bracket) followed by a space and what
# may open a sentence.
_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)\.$")


MAX_SENTENCE = 1_000  # characters; the longest sentence of the seed articles has 420


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


def _ends_abbreviation(text: str, stop: int) -> bool:
    match = _LAST_WORD.search(text, 0, stop + 1)
    if match is None:
        return False
    word = match[1].lower()
    # A lone capital is an initial ("J. Smith"), not the end of a sentence.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`; each line is a paragraph (articles put one per line)."""
    sentences: list[Sentence] = []
    for paragraph, line in enumerate(_LINE.finditer(text)):
        begin = line.start()
        body = line[0]
        cursor = 0
        for end in _END.finditer(body):
            if body[end.start()] == "." and _ends_abbreviation(body, end.start()):
                continue
            _add(sentences, text, begin + cursor, begin + end.end(), paragraph)
            cursor = end.end()
        _add(sentences, text, begin + cursor, begin + len(body), paragraph)
    return sentences


def _add(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # A run of text longer than any sentence (a table flattened into one line, a dump) is
    # cut at spaces, so that the work per sentence stays bounded whatever the input.
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        sentences.append(Sentence(start, cut, text[start:cut], paragraph))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end], paragraph))
