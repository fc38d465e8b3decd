"""The figures a text states: numbers in digits or words, ordinals, scales and currency amounts."""

import re
from decimal import Decimal

from text_to_num import alpha2digit

_SCALE_WORDS = {
    "thousand": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_SCALE_LETTERS = {"k": 10**3, "m": 10**6, "b": 10**9}

# "second-largest", "forty-eighth": text2num reads number words joined to a word by a hyphen
# only when the hyphen is a space.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
# text2num leaves "three point five million" as "3.5 1000000", a number and a bare scale, and
# "one and a half million" as "1 and a half 1000000".
_NUMBER_THEN_SCALE = re.compile(
    r"(?<!\d)(?<!\d[.,])(\d+(?:\.\d+)?)(?P<half> and a half)? (1000(?:000){0,3})(?![.,]?\d)"
)
_SPACES = re.compile(r"\s")
_DOZEN = re.compile(r"\b(?:(?P<half>half )?an?|(?P<count>\d+)) dozen\b", re.IGNORECASE)

_FIGURE = re.compile(
    r"""
    (?<!\d)(?<!\d[.,])                          # not inside a longer number
    (?:
        (?P<commas>\d{1,3}(?:,\d{3})+(?:\.\d+)?)     # 1,200 or 1,200.5
      | (?P<dots>\d{1,3}(?:\.\d{3}){2,})(?![.\d])   # 1.200.000; a lone 1.200 is the decimal 1.2
      | (?P<spaces>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)(?![.,]?\d)  # 1 200: space, no-break, thin
      | (?P<plain>\d+(?:\.\d+)?)                    # 300, 36.5
    )
    (?:
        \s*(?P<scale>thousand|million|billion|trillion|mln|mn|bn|tn)(?![^\W\d_])
      | (?P<letter>[kmb])(?![^\W\d_])           # attached: 11.8k, 200m, 2b
      | (?:st|nd|rd|th)(?![^\W\d_])             # 48th, 2nd
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _spelled_out(text: str) -> str:
    """The text with its number words written in digits ("twenty-two" -> "22")."""
    # threshold=0: "one", "two" and "second" are figures too, not only numbers above three.
    digits: str = alpha2digit(_WORD_HYPHEN.sub(" ", text), "en", threshold=0)
    digits = _NUMBER_THEN_SCALE.sub(_scaled, digits)
    return _DOZEN.sub(
        lambda match: str(6 if match["half"] else 12 * int(match["count"] or 1)), digits
    )


def _scaled(match: re.Match[str]) -> str:
    half = Decimal("0.5") if match["half"] else Decimal(0)
    return _plain((Decimal(match[1]) + half) * int(match[3]))


def _number(match: re.Match[str]) -> Decimal:
    if match["dots"]:
        return Decimal(match["dots"].replace(".", ""))
    if match["commas"]:
        return Decimal(match["commas"].replace(",", ""))
    return Decimal(_SPACES.sub("", match["spaces"] or match["plain"]))


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def stated_figures(text: str) -> tuple[Decimal, ...]:
    """Every number `text` states, in order and once each: over-reading beats missing one.

    A number with a scale counts at its scaled value ("36.5 million" is 36500000); where a
    reading is ambiguous both count: "200m" may be metres (200) or millions, and "15 300"
    may be one number or two.
    """
    figures: dict[Decimal, None] = {}
    for match in _FIGURE.finditer(_spelled_out(text)):
        value = _number(match)
        if match["scale"]:
            figures[value * _SCALE_WORDS[match["scale"].lower()]] = None
            continue
        if match["letter"]:
            figures[value * _SCALE_LETTERS[match["letter"].lower()]] = None
        if match["spaces"]:
            figures |= dict.fromkeys(Decimal(part) for part in _SPACES.split(match["spaces"]))
        figures[value] = None
    return tuple(figures)


def format_figures(figures: tuple[Decimal, ...]) -> str:
    """`300, 1200, 36.5` for an error message; `nothing` for no figure at all."""
    return ", ".join(_plain(value) for value in figures) or "nothing"
