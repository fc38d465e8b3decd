"""What a sentence says about its own facts: who it passes them on from (attribution), how
strongly it says them (stance and hedge words), and how exact a figure is (qualifier)."""

import re
from dataclasses import dataclass

from app.citations.schemas import Stance

_NAME = r"[A-Z][\w.&’'-]*(?:\s+(?:[A-Z][\w.&’'-]*|of|the|for|and|de)){0,6}"
_TITLE_WORDS = re.compile(
    r"^(?:(?:the|Deputy|Vice|First|Defen[cs]e|Foreign|Prime|Minister|President|General|"
    r"Gen\.|Col\.|Col\.-Gen\.|Lt\.|Maj\.|Secretary|Spokesman|Spokeswoman|Chief|Commander|"
    r"Director|Analyst|Expert|Ambassador|political|analyst|expert|Mr\.|Ms\.|Dr\.)\s+)+"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<tail>[^,;:.“”\"()]+(?:\.\w+)?)")
_QUOTED = re.compile(rf"(?P<outlet>{_NAME}) (?:quoted|quoting|cited|citing) (?P<who>{_NAME})")
_SAID = re.compile(
    rf"(?P<who>(?:the\s+)?{_NAME})\s+(?:said|says|reported|reports|told|added|noted|stated|"
    r"estimates|estimated|claimed|claims|argues|argued|continues|wrote|writes)\b"
)
_SAID_BY = re.compile(
    rf"\b(?:said|says|according to|argues|added|continues)\s+(?P<who>(?:the\s+)?{_NAME})"
)
_DATA_OF = re.compile(
    rf"(?P<who>{_NAME})(?:’s|'s)? (?:data|figures|estimates|rankings?|list|index)\b"
    rf"|\b(?:data|figures|estimates) (?:from|by|of|compiled by) (?P<source>{_NAME})"
    rf"|\b(?:citing|cited by|per) (?P<cited>{_NAME})"
)
_FROM = re.compile(rf"^From (?P<who>{_NAME}):\s*$")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_GENERIC = re.compile(r"^(?:the\s+)?(?:ministry|government|army|military|report|side)$", re.I)


@dataclass(frozen=True)
class Attribution:
    """Whom the words come from ("Global Firepower 2021"); `year` when the source names one."""

    name: str
    year: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} {self.year}" if self.year else self.name


def _clean(name: str) -> str:
    name = re.sub(r"(?:’s|'s)$", "", name.strip())
    name = re.sub(r"^(?:In|On|At|By|From|For)\s+(?:the\s+)?", "", name)
    name = _TITLE_WORDS.sub("", name).strip()
    name = re.sub(r"\s+(?:data|rankings?|list|figures|report|index)$", "", name)
    return re.sub(r"(?:’s|'s)$", "", name).strip()


def _of(tail: str) -> Attribution | None:
    year = _YEAR.search(tail)
    names = [
        _clean(match[0])
        for match in re.finditer(_NAME, _YEAR.sub(" ", tail))
        if match[0] not in {"The", "A"}
    ]
    names = [name for name in names if name]
    if names:
        return Attribution(names[0], year[1] if year else None)
    words = tail.strip()
    if _GENERIC.match(words):
        return Attribution(words)
    return None


def attribution_in(sentence: str) -> Attribution | None:
    """Who the sentence passes its words on from, if it says so."""
    quoted = _QUOTED.search(sentence)
    if quoted:
        outlet, who = _clean(quoted["outlet"]), _clean(quoted["who"])
        return Attribution(f"{outlet} quoting {who}")
    for pattern in (_ACCORDING, _DATA_OF):
        match = pattern.search(sentence)
        if match:
            groups = match.groupdict()
            found = _of(next(value for value in groups.values() if value))
            if found and found.year is None:
                # "Global Firepower figures for 2022": the year just after the name
                year = _YEAR.search(sentence, match.end(), match.end() + 20) or _YEAR.search(
                    sentence, max(0, match.start() - 25), match.start() + 1
                )
                found = Attribution(found.name, year[1]) if year else found
            if found:
                return found
    for pattern in (_SAID, _SAID_BY):
        match = pattern.search(sentence)
        if match:
            name = _clean(match["who"])
            if name and name.lower() not in {"he", "she", "it", "they", "i"}:
                return Attribution(name)
    return None


def from_line(line: str) -> Attribution | None:
    """`From Reuters:` on a line of its own: what follows is Reuters'."""
    match = _FROM.match(line.strip())
    return Attribution(_clean(match["who"])) if match else None


# The article's own softening words, longest first: a hedge is kept verbatim.
_HEDGES = (
    r"is considered to be|are considered to be|is considered|are considered|is believed to|"
    r"are believed to|is thought to|are thought to|is estimated to|are estimated to|"
    r"is said to|are said to|appears to|appear to|seems to|seem to|apparently|reportedly|"
    r"allegedly|purportedly|supposedly|an estimated|estimated|possibly|probably|perhaps|"
    r"unconfirmed|could|might|may"
)
_OPINION = (
    r"I believe|I think|we believe|in my view|in my opinion|in our view|predicts?|"
    r"is likely to|are likely to|likely to|will only|should|must|it would be|ought to"
)
_PLANNED = (
    r"plans? to|planned|is planning|are planning|intends? to|is to receive|is set to|"
    r"are set to|is expected to|are expected to|will receive|will get|will buy|will acquire|"
    r"is considering|are considering|being considered|has ordered|have ordered|ordered|"
    r"aims? to|would|will"
)
_STANCE_WORDS = re.compile(
    rf"(?<!\w)(?:(?P<opinion>{_OPINION})|(?P<planned>{_PLANNED})|(?P<hedged>{_HEDGES}))(?!\w)",
    re.IGNORECASE,
)


_SOFTER_FIRST: tuple[Stance, ...] = ("opinion", "planned", "hedged")


@dataclass(frozen=True)
class StanceReading:
    stance: Stance
    hedge: str | None


def stance_of(text: str) -> StanceReading:
    """How strongly `text` (the words up to and around a fact) says it."""
    for match in _STANCE_WORDS.finditer(text):
        for stance in _SOFTER_FIRST:
            if match[stance]:
                return StanceReading(stance, match[0])
    return StanceReading("stated", None)


# The qualifiers the data files know, from the words that say them.
_QUALIFIERS = (
    ("slightly more than", r"slightly more than|just over|a little over|slightly over"),
    ("more than", r"more than|over|in excess of|upwards of|above"),
    ("less than", r"less than|fewer than|under|just under|below|nearly|almost|close to"),
    ("up to", r"up to"),
    ("at least", r"at least|no fewer than|no less than"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|circa|c\.|~"),
)
_QUALIFIER = re.compile(
    r"(?:^|\W)(?:"
    + "|".join(f"(?P<q{index}>{words})" for index, (_, words) in enumerate(_QUALIFIERS))
    + r")\s*$",
    re.IGNORECASE,
)


def qualifier_before(text: str, position: int) -> tuple[str | None, int]:
    """The qualifier ending just before `position` ("about 16 million") and where it starts."""
    window_start = max(0, position - 25)
    match = _QUALIFIER.search(text[window_start:position])
    if match is None:
        return None, position
    for index, (qualifier, _) in enumerate(_QUALIFIERS):
        if match[f"q{index}"]:
            return qualifier, window_start + match.start(f"q{index}")
    return None, position
