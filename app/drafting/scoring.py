"""The confidence of a candidate: one formula, so that scores compare across kinds."""


def score(
    *,
    base: float,
    country_named: bool,
    held: bool,
    attributed: bool,
    hedged: bool,
    in_words: bool = False,
) -> float:
    """`base` for the pattern that found it, raised by what confirms it and lowered by what
    makes it less certain; in [0.05, 0.99], two decimals."""
    value = base
    value += 0.2 if country_named else -0.2
    value += 0.1 if held else 0.0
    value += 0.05 if attributed else 0.0
    value -= 0.1 if hedged else 0.0
    value -= 0.05 if in_words else 0.0
    return round(min(0.99, max(0.05, value)), 2)
