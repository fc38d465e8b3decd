"""Quote verification: find a quote verbatim (whitespace folded) in an article, with offsets."""

import re
from dataclasses import dataclass

_WHITESPACE = re.compile(r"\s+")


def fold_whitespace(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _WHITESPACE.sub(" ", text).strip()


@dataclass(frozen=True)
class FoldedText:
    """An article's folded text, with the original offset of every folded character."""

    folded: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "FoldedText":
        chars: list[str] = []
        origin: list[int] = []
        in_space = True  # leading whitespace is dropped, as fold_whitespace does
        for index, char in enumerate(text):
            if char.isspace():
                if not in_space:
                    chars.append(" ")
                    origin.append(index)
                in_space = True
            else:
                chars.append(char)
                origin.append(index)
                in_space = False
        return cls("".join(chars), tuple(origin))


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
