"""Ranks ("48th worldwide", "the second-largest military power in the region") and Global
Firepower's PowerIndex."""

import re
from collections.abc import Iterator

from app.drafting.analysis import SentenceView
from app.drafting.numbers import Figure, integer
from app.drafting.readings import Reading, holder
from app.drafting.regions import region_of

_GFP = re.compile(r"Global\s*Fire\s*power|\bGFP\b", re.IGNORECASE)

_WORLD = re.compile(
    r"\b(?:worldwide|in the world|globally|world(?:’s|'s)?|of the world|out of \d+|"
    r"(?:of|among) \d+ (?:countries|nations|states|militaries)|internationally)\b",
    re.IGNORECASE,
)

_REGION = re.compile(
    r"\b(?:in the region|regional(?:ly)?|of the region|in (?:Central|South|East|West|North|"
    r"Southeast|Eastern|Western) (?:Asia|Europe|Africa)|among (?:the )?(?:Central Asian|"
    r"European|African|Asian)\b)",
    re.IGNORECASE,
)

_RANK_WORDS = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|place[sd]?|position|spot|military power|army|armed forces|"
    r"military|militaries|in the Global Firepower)\b",
    re.IGNORECASE,
)

# "second-largest military power", "48th worldwide", "ranked 48th": words that make an
# ordinal a rank, just after it.
MAX_RANK = 200  # Global Firepower ranks about 145 countries; a higher ordinal is no rank
_AFTER_ORDINAL = re.compile(
    r"^(?P<superlative>[\s-]+(?:largest|strongest|most powerful|biggest|mightiest|best))?"
    r"(?:\s+(?:place|position|spot))?"
    # "the 201st military base" is no rank
    r"(?:\s+(?:military power|military|army|armed forces)(?!\s+(?:bases?|units?|brigades?|"
    r"divisions?|districts?|regiments?|academy|school|hospital|airfields?|facilit(?:y|ies)|"
    r"exercises?|parades?|contingents?)\b)"
    r"|\s+(?:worldwide|in the world|globally|"
    r"out of|of \d+|among|in the region|regionally|in the Global|on the Global|in GFP|place|"
    r"in (?:Central|South|East|West|North|Southeast|Eastern|Western) (?:Asia|Europe|Africa)|"
    r"position|spot)\b)",
    re.IGNORECASE,
)

_BEFORE_ORDINAL = re.compile(
    r"\b(?:rank(?:s|ed|ing)?|place[sd]?|placing|puts?|is|was|were|sits?|stands?|stood|at|"
    r"No\.|number|came(?: in)?|comes(?: in)?|finished|(?:rose|rises|climbed|fell|falls|dropped|"
    r"slipped|moved|jumped) to)\s+$",
    re.I,
)


_WEAK_RANK_WORDS = re.compile(r"^(?:is|was|were|sits?|stands?|stood|at|came|comes|finished)\b")


def mentions_gfp(text: str) -> bool:
    return bool(_GFP.search(text))


def _rank_word_before(view: SentenceView, figure: Figure) -> str | None:
    """The verb that makes the ordinal a rank: "ranked 48th", "ranks Azerbaijan 64th" (the
    country may stand between), "was fifth"; None if there is none."""
    prefix = view.text[: figure.start]
    named = [c for c in view.countries if c.end <= figure.start]
    if named and not prefix[named[-1].end :].strip():
        prefix = re.sub(r"\bthe\s+$", "", prefix[: named[-1].start])
    prefix = re.sub(r"\b(?:the country|it)\s+$", "", prefix)  # "puts the country 51st"
    if re.search(r"\b(?:from|than)\s+$", prefix):
        return None  # "up from eighth": a former rank
    match = _BEFORE_ORDINAL.search(prefix)
    return match[0].strip() if match else None


_POWER_INDEX = re.compile(
    r"(?:Power\s?Index|PwrIndx)(?:\s+(?:score|rating|value))?"
    r"(?:\s+(?:of|is|was|stands at|at)|:)?\s*$",
    re.I,
)


def ranks(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    attribution = view.attribution
    gfp_here = bool(_GFP.search(text)) or bool(attribution and _GFP.search(attribution.name))
    # An article about the Global Firepower ranking ranks by it ("India placed fourth") in
    # the paragraphs after naming it; a superlative ("the second-largest military power")
    # is only the ranking's where the sentence says so.
    in_gfp_context = view.in_gfp_context
    ranked: list[Reading] = []
    for figure in view.figures:
        if not figure.ordinal or not 1 <= (integer(figure.value) or 0) <= MAX_RANK:
            continue
        after = _AFTER_ORDINAL.match(text[figure.end :])
        before = _rank_word_before(view, figure)
        elliptic = bool(ranked) and _elliptic_rank(view, figure)
        if before and _WEAK_RANK_WORDS.match(before) and not after and not in_gfp_context:
            before = None  # "is second" says a rank only in a ranking's context
        if not (after or before or elliptic):
            continue
        placed = bool(after and not after["superlative"])  # "55th in the world"
        if not (_RANK_WORDS.search(text) or elliptic or placed or (before and in_gfp_context)):
            continue
        gfp = gfp_here or (in_gfp_context and bool(before or elliptic or placed))
        # The scope is said before the next rank or clause: "51st in its 2024 ranking and
        # first in Central Asia" is a world rank, then a regional one.
        later = [f.start for f in view.figures if f.ordinal and f.start > figure.end]
        tail = text[figure.end : min([figure.end + 80, *later])]
        tail = re.split(r"[,;]|\s(?:and|while|but)\s", tail, maxsplit=1)[0]
        scope_text = tail if (after or before) else ""
        is_region = bool(_REGION.search(scope_text[:60]))
        is_world = bool(_WORLD.search(scope_text[:60])) or (gfp and not is_region)
        if elliptic and not (is_region or is_world):
            is_region = ranked[-1].name == "gfp_regional_rank"
            is_world = not is_region
        mention = holder(view, figure.start)
        holders_before = [c for c in view.countries if not c.is_origin and c.end <= figure.start]
        if holders_before:
            mention = holders_before[-1]
        if is_region:
            if not gfp:
                continue  # the vocabulary holds no unattributed regional rank
            name = "gfp_regional_rank"
            scope = _region_of(view, mention.key if mention else None)
        elif is_world:
            name = "gfp_world_rank" if gfp else "world_military_rank"
            scope = "world"
        else:
            continue
        end = figure.end + (after.end() if after else 0)
        start = (
            mention.start
            if mention and mention.end <= figure.start and figure.start - mention.start < 120
            else figure.start
        )
        reading = Reading(name, figure, mention.key if mention else None, start, end, scope=scope)
        ranked.append(reading)
        yield reading


def _elliptic_rank(view: SentenceView, figure: Figure) -> bool:
    """ "Uzbekistan ranking 48th worldwide and Kazakhstan 55th": a country, then an ordinal."""
    holders = [c for c in view.countries if c.end <= figure.start]
    return bool(holders) and bool(
        re.fullmatch(r"\s*(?:is\s+|at\s+|was\s+)?", view.text[holders[-1].end : figure.start])
    )


def _region_of(view: SentenceView, country: str | None) -> str | None:
    named = re.search(
        r"\b(Central|South|East|West|North|Southeast|Eastern|Western) (Asia|Europe|Africa)\b",
        view.text,
    )
    if named:
        return named[0]
    return region_of(view.context.seeds_dir, country)


def power_indices(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    for figure in view.figures:
        match = _POWER_INDEX.search(text[: figure.start])
        if match is None or figure.value >= 10:
            continue
        mention = holder(view, figure.start)
        start = match.start()
        if mention is not None and mention.end <= start and start - mention.start < 80:
            start = mention.start
        value = (
            float(figure.value)
            if figure.value != figure.value.to_integral_value()
            else int(figure.value)
        )
        yield Reading(
            "gfp_power_index",
            figure,
            mention.key if mention else None,
            start,
            figure.end,
            value=value,
        )
