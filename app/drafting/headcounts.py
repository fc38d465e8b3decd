"""Head counts: population ("a country of 19 million", "Population: 36,500,000") and
personnel (active, reserve, paramilitary, available manpower, fit for service)."""

import re
from collections.abc import Iterator

from app.drafting.analysis import SentenceView
from app.drafting.context import qualifier_before
from app.drafting.numbers import Figure, integer
from app.drafting.readings import Reading, holder

_POPULATION_BEFORE = re.compile(
    r"(?:population,?(?: of [A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)? (?:(?:now |currently )?"
    r"(?:of|is|stands at|totals|reached|was|numbers)|(?:estimated|put) at)|populations? of some|"
    r"home to|(?:country|nation|state) of|inhabitants? of|population\s*[:=–—-])\s*$",
    re.IGNORECASE,
)

# "Mongolia, a democracy of 3.4 million people": a description of the country, by its people.
_DESCRIBED_BY_PEOPLE = re.compile(r"\b(?:a|an) [a-z-]+ of\s*$", re.IGNORECASE)
# "Its army, some 10,000 strong"
_STRENGTH = re.compile(
    r"[\s-]+(?:troops\s+|men\s+)?strong\b(?P<force>\s+(?:army|armed forces|military|force))?",
    re.IGNORECASE,
)
_FORCE_BEFORE = re.compile(r"\b(?:army|armed forces|military|force)\b[^.;]{0,20}$", re.IGNORECASE)
_POPULATION_AFTER = re.compile(
    r"^(?:\s+million|\s+billion)?\s+(?:people|inhabitants|residents|citizens)\b", re.I
)

_PERSONNEL = (
    (
        "reserve_personnel",
        re.compile(
            r"^\s+(?:reserve personnel|reservists|reserve troops|reserves|in reserve)\b", re.I
        ),
    ),
    ("paramilitary_personnel", re.compile(r"^\s+(?:paramilitary|paramilitaries)\b", re.I)),
    (
        "active_personnel",
        re.compile(
            r"^\s+(?:active(?:[\s-]duty)?(?:\s+military)?\s+"
            r"(?:personnel|troops|soldiers|servicemen|service\s?members|members)|"
            r"active personnel|active troops)\b",
            re.I,
        ),
    ),
    (
        "fit_for_service",
        re.compile(
            r"^\s+(?:people\s+)?(?:are\s+)?fit[\s-]+for[\s-]+(?:military\s+)?service\b", re.I
        ),
    ),
    (
        "available_manpower",
        re.compile(r"^\s+(?:people\s+)?(?:are\s+)?available for (?:military )?service\b", re.I),
    ),
)

_PERSONNEL_BEFORE = (
    (
        "available_manpower",
        re.compile(
            r"(?:available )?manpower(?: available)?(?: for service)?"
            r"(?: of| is| stands at| totals| at|\s*[:=–—-])?\s*$",
            re.I,
        ),
    ),
    ("fit_for_service", re.compile(r"fit[\s-]+for[\s-]+service(?: of| is|\s*[:=–—-])?\s*$", re.I)),
    (
        "active_personnel",
        re.compile(
            r"(?:active (?:military )?personnel|active[\s-]duty (?:personnel|troops)|"
            r"(?:army|armed forces|military) (?:(?:now|currently|still) )?(?:of|numbers?|totals?))"
            r"(?: of| is| stands at| totals| numbers|\s*[:=–—-])?\s*$",
            re.I,
        ),
    ),
    (
        "reserve_personnel",
        re.compile(
            r"(?:reserve personnel|reserves?|reservists)"
            r"(?: of| is| stands at| totals| number|\s*[:=–—-])?\s*$",
            re.I,
        ),
    ),
    (
        "paramilitary_personnel",
        re.compile(r"paramilitary(?: forces| personnel)?(?: of| is| number|\s*[:=–—-])?\s*$", re.I),
    ),
)

# Troops counted as sent somewhere, or as casualties, are not the force's size.
_SENT_BEFORE = re.compile(
    r"\b(?:sent|send|sends|sending|deploy\w*|dispatch\w*|contingent of|mission of)\b", re.I
)
_CASUALTIES_AFTER = re.compile(
    r"\b(?:killed|wounded|dead|injured|arrested|evacuat\w*|missing|captured)\b", re.I
)


def _population_sentence(text: str) -> bool:
    return bool(re.search(r"\bpopulations?\b", text, re.IGNORECASE))


def _in_parentheses(view: SentenceView, figure: Figure) -> bool:
    """ "Uzbekistan (population of about 30 million) and Kazakhstan (about 16 million)"."""
    named = [c for c in view.countries if c.end <= figure.start]
    gap = view.text[named[-1].end : figure.start] if named else ""
    return bool(named) and bool(re.fullmatch(r"\s*\(\s*(?:[a-z ]+)?", gap))


def _after_country(view: SentenceView, figure: Figure) -> bool:
    """ "Azerbaijan's population of 10.4 million is more than three times Armenia's 3
    million": a figure right after another country, once the sentence has given one."""
    named = [c for c in view.countries if c.end <= figure.start]
    gap = view.text[named[-1].end : figure.start] if named else ""
    return bool(named) and bool(re.fullmatch(r"\s*(?:with|has|at|of)?\s*(?:about|some)?\s*", gap))


def populations(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    read = False  # whether the sentence has given a population yet
    for figure in view.figures:
        value = integer(figure.value)
        if value is None or figure.ordinal or figure.looks_like_year:
            continue
        before = text[: figure.start]
        bare_before = before[: qualifier_before(text, figure.start)[1]]  # without "about"
        after = _POPULATION_AFTER.match(text[figure.end :])
        by_before = bool(_POPULATION_BEFORE.search(bare_before)) or bool(
            after and value >= 100_000 and _DESCRIBED_BY_PEOPLE.search(bare_before)
        )
        if not (by_before or after):
            if value < 10_000 or not _population_sentence(text):
                continue
            if not (_in_parentheses(view, figure) or (read and _after_country(view, figure))):
                continue
        if value < 1_000 or (after and value < 10_000 and not by_before):
            continue
        if (
            after
            and not by_before
            and not re.search(
                r"\b(?:home to|population|populous|inhabitants|live|living|nation of|country of)\b",
                text,
                re.I,
            )
        ):
            continue
        owner = re.search(r"([A-Z][\w-]+)(?:’s|'s) population (?:of|is)\s*$", bare_before)
        mention = holder(view, figure.start)
        if owner and (
            mention is None or mention.end < owner.start() or mention.start > owner.end()
        ):
            continue  # "Astana's population": a city's, not a country's
        start = figure.start
        holders_before = [c for c in view.countries if not c.is_origin and c.end <= figure.start]
        phrase = re.search(
            r"(?:(?:a|the)\s+)?(?:population|(?:country|nation|state) of|home to)[^()]*$",
            bare_before,
            re.I,
        )
        if holders_before and figure.start - holders_before[-1].start < 80:
            start = holders_before[-1].start
        elif phrase:
            start = phrase.start()
        end = figure.end + (after.end() if after else 0)
        if mention is not None and mention.start >= figure.end and mention.start - end < 12:
            end = mention.end  # "A country of slightly more than 19 million, Kazakhstan"
        read = True
        yield Reading("population", figure, mention.key if mention else None, start, end, base=0.65)


def personnel(view: SentenceView) -> Iterator[Reading]:
    text = view.text
    for figure in view.figures:
        value = integer(figure.value)
        if value is None or figure.ordinal or figure.looks_like_year or value < 100:
            continue
        sent = _SENT_BEFORE.search(text, max(0, figure.start - 40), figure.start)
        if sent or _CASUALTIES_AFTER.search(text, figure.end, figure.end + 40):
            continue  # "sent 300 troops to Afghanistan", "45 soldiers were killed"
        after_text = text[figure.end :]
        strength = _STRENGTH.match(text, figure.end)  # "some 10,000 strong", "a 20,000-strong army"
        force = _FORCE_BEFORE.search(text, 0, figure.start)
        if strength and (force or strength["force"]):
            start = force.start() if force else figure.start
            yield _personnel_reading(view, "active_personnel", figure, strength.end(), start)
            continue
        for name, pattern in _PERSONNEL:
            after = pattern.match(after_text)
            if after:
                yield _personnel_reading(view, name, figure, figure.end + after.end())
                break
        else:
            before = text[: figure.start]
            bare = before[: qualifier_before(text, figure.start)[1]]
            for name, pattern in _PERSONNEL_BEFORE:
                match = pattern.search(bare)
                if match:
                    end = figure.end
                    trailing = re.match(
                        r"^\s+(?:people|troops|personnel|soldiers|servicemen)\b", after_text, re.I
                    )
                    if trailing:
                        end += trailing.end()
                    yield _personnel_reading(view, name, figure, end, match.start())
                    break


def _personnel_reading(
    view: SentenceView, name: str, figure: Figure, end: int, start: int | None = None
) -> Reading:
    mention = holder(view, figure.start)
    quote_start = figure.start if start is None else start
    if mention is not None and mention.end <= quote_start and quote_start - mention.start < 80:
        quote_start = mention.start
    return Reading(name, figure, mention.key if mention else None, quote_start, end, unit="people")
