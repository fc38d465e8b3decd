"""Finding the figures a sentence states, with their offsets: digits with any separator,
scales ("36.5 million", "11.8k", "$1.2bn"), number words ("four hundred and twenty", "two
dozen") and ordinals ("48th", "forty-eighth", "second-largest").

Number words are read by text2num; locating them and the digit forms is done here, since
text2num rewrites a text without saying where each number was."""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import alpha2digit

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mln": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_DIGITS = re.compile(
    r"""
    (?<![\w.,/+])(?<![^\W\d_]-)               # not inside 1.2.3 or a designation (Mi-8/17)
    (?P<number>
        \d{1,3}(?:,\d{3})+(?:\.\d+)?             # 1,200 or 1,200.5
      | \d{1,3}(?:\.\d{3}){2,}(?![.\d])          # 1.200.000
      | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)  # 1 200 with a no-break or thin space
      | \d+(?:\.\d+)?                            # 300, 36.5
    )
    (?![A-Za-z]{1,3}\d)                         # not the start of a designation (2A7)
    (?:
        \s?(?P<scale>thousand|million|billion|trillion|mln|bln|mn|bn|tn)(?![^\W\d_])
      | (?P<letter>[kKmMbB])(?![^\W\d_])         # attached: 11.8k, $200m, 2b
      | (?P<ordinal>st|nd|rd|th)(?![^\W\d_])     # 48th
    )?
    """,
    re.VERBOSE,
)
_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
]
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
]
_BARE_SCALES = frozenset(("hundred", "thousand", "million", "billion", "trillion"))
_NUMBER_WORD = "|".join(sorted(_UNITS + _ORDINALS, key=len, reverse=True))
# A run of number words joined by spaces or hyphens; "and" only after a scale ("four hundred
# and twenty"); "a" only before a scale or "dozen" ("a hundred", "a dozen").
_WORDS = re.compile(
    rf"""
    (?<![\w-])
    (?P<run>
        (?:a|half\ a)\s+(?P<bare_dozen>dozen)
      |
        (?:(?:a|half\ a)\s+(?=(?:hundred|thousand|million|billion)\b))?
        (?:{_NUMBER_WORD})
        (?:
            (?:[\s-]+|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+|\s+point\s+)
            (?:{_NUMBER_WORD})(?![\w])
        )*
        (?P<dozen>\s+dozen)?
    )
    (?![\w])
    """,
    re.VERBOSE | re.IGNORECASE,
)


@dataclass(frozen=True)
class Figure:
    """A number as stated at text[start:end]."""

    start: int
    end: int
    value: Decimal
    ordinal: bool = False
    in_words: bool = False
    grouped: bool = False  # written with thousands separators (1,200): never a year

    @property
    def is_integer(self) -> bool:
        return self.value == self.value.to_integral_value()

    @property
    def looks_like_year(self) -> bool:
        return (
            not self.grouped
            and not self.ordinal
            and not self.in_words
            and self.is_integer
            and 1800 <= self.value <= 2100
        )


def _digit_value(match: re.Match[str]) -> Decimal:
    number = match["number"]
    if number.count(".") > 1:
        number = number.replace(".", "")
    number = re.sub(r"[,\u00a0\u202f\u2009]", "", number)
    value = Decimal(number)
    scale = match["scale"] or match["letter"]
    return value * _SCALES[scale.lower()] if scale else value


def _word_value(run: str, dozen: bool) -> tuple[Decimal, bool] | None:
    """The run's value and whether it is an ordinal; None when text2num cannot read it."""
    words = re.sub(r"[\s-]+", " ", run.lower()).strip()
    multiplier = 1
    if dozen:
        words = words.removesuffix("dozen").strip()
        multiplier = 12
    half = words.startswith("half a")
    words = words.removeprefix("half a").strip().removeprefix("a ")
    if words in {"", "a"}:
        words = "one"
    digits = alpha2digit(words, "en", threshold=0).strip()
    ordinal = bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", digits))
    digits = re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", digits)
    # "six point one million" reads as "6.1 1000000": a number and its scale.
    scaled = re.fullmatch(r"(\d+(?:\.\d+)?) (1000+)", digits)
    if scaled:
        return Decimal(scaled[1]) * int(scaled[2]) * multiplier, False
    if not digits.isdigit():
        return None
    value = Decimal(digits) * multiplier
    return (value / 2 if half else value), ordinal


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in order, with offsets into `text`."""
    figures: list[Figure] = []
    for match in _DIGITS.finditer(text):
        try:
            value = _digit_value(match)
        except InvalidOperation:
            continue
        grouped = bool(re.search(r"[,.\u00a0\u202f\u2009]\d{3}", match["number"]))
        figures.append(
            Figure(
                match.start(),
                match.end(),
                value,
                ordinal=bool(match["ordinal"]),
                grouped=grouped or bool(match["scale"] or match["letter"]),
            )
        )
    for match in _WORDS.finditer(text):
        if match["run"].lower() in _BARE_SCALES:
            continue  # "million" of "36.5 million", read with its digits
        read = _word_value(match["run"], bool(match["dozen"] or match["bare_dozen"]))
        if read is None:
            continue
        value, ordinal = read
        end = match.end()
        # "two million" after digits is handled above; "3 million" never reaches here.
        scale = re.match(r"\s+(?:million|billion|thousand)\b", text[end:])
        if scale and not ordinal:
            continue
        figures.append(Figure(match.start(), end, value, ordinal=ordinal, in_words=True))
    return sorted(figures, key=lambda figure: figure.start)


def integer(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None
