"""Border lengths ("a 7,500-kilometer border with Russia"): the one distance that is an
indicator; every other distance is not read."""

import re
from collections.abc import Iterator

from app.drafting.analysis import SentenceView
from app.drafting.lexicon import CountryMention
from app.drafting.numbers import integer
from app.drafting.readings import Reading

_BORDER_AFTER = re.compile(
    r"^[\s-]*(?:kilometer|kilometre|km)s?(?:[\s-]long)?\s+(?:land\s+)?(?:border|frontier)\s+"
    r"with\s+",
    re.I,
)

_BORDER_BEFORE = re.compile(
    r"(?:border|frontier) with (?P<other>[A-Z][\w ]+?)\s+(?:is|stretches|runs|of|spans)\s+"
    r"(?:for\s+)?(?:some\s+|about\s+|nearly\s+|over\s+)?$",
    re.I,
)

_BORDER_UNIT = re.compile(r"^\s*(?:km|kilometers|kilometres)\b", re.I)


def borders(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    for figure in view.figures:
        value = integer(figure.value)
        if value is None or figure.ordinal:
            continue
        after = _BORDER_AFTER.match(text[figure.end :])
        if after:
            others = [c for c in view.countries if c.start >= figure.end + after.end()]
            if not others:
                continue
            other = others[0]
            holders = [c for c in view.countries if c.end <= figure.start and c.key != other.key]
            holder = holders[-1] if holders else None
            start = holder.start if holder and figure.start - holder.start < 80 else figure.start
            yield Reading(
                "border_length_km",
                figure,
                holder.key if holder else None,
                start,
                other.end,
                scope=f"border with {_name(text, other)}",
            )
            continue
        before = _BORDER_BEFORE.search(text[: figure.start])
        if before and _BORDER_UNIT.match(text[figure.end :]):
            others = [
                c for c in view.countries if before.start("other") <= c.start < before.end("other")
            ]
            holders = [c for c in view.countries if c.end <= before.start()]
            if not others:
                continue
            unit = _BORDER_UNIT.match(text[figure.end :])
            assert unit is not None
            holder = holders[-1] if holders else None
            start = holder.start if holder else before.start()
            yield Reading(
                "border_length_km",
                figure,
                holder.key if holder else None,
                start,
                figure.end + unit.end(),
                scope=f"border with {_name(text, others[0])}",
            )


def _name(text: str, mention: CountryMention) -> str:
    return re.sub(r"(?:’s|'s)$", "", text[mention.start : mention.end])
