"""Quote verification: find a quote verbatim (whitespace folded) in an article, with offsets."""

import re
from array import array
from dataclasses import dataclass

_WHITESPACE = re.compile(r"\s+")


def fold_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class FoldedText:
    """An article's folded text, with the original offset of every folded character (an
    array of machine integers: a tuple of int objects would take seven times the memory)."""

    folded: str
    origin: "array[int]"

    @classmethod
    def of(cls, text: str) -> "FoldedText":
        parts: list[str] = []
        origin = array("q")
        position = 0
        for run in _WHITESPACE.finditer(text):
            start, end = run.span()
            if start > position:
                parts.append(text[position:start])
                origin.extend(range(position, start))
            if origin:  # leading whitespace is dropped, as fold_whitespace does
                parts.append(" ")
                origin.append(start)
            position = end
        if position < len(text):
            parts.append(text[position:])
            origin.extend(range(position, len(text)))
        return cls("".join(parts), origin)


class QuoteNotFound(ValueError):
    pass


def locate_quote(article: FoldedText, quote: str) -> tuple[int, int]:
    """Offsets [start, end) in the original text of the first occurrence of `quote`."""
    needle = fold_whitespace(quote)
    position = article.folded.find(needle)
    if not needle or position < 0:
        raise QuoteNotFound(f"quote not found verbatim in the article: {quote!r}")
    last = position + len(needle) - 1
    return article.origin[position], article.origin[last] + 1
