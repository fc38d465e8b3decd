"""People with their roles, organizations, and equipment a sentence names."""

import re

from app.drafting.analysis import SentenceView
from app.drafting.catalogue import catalogue
from app.drafting.lexicon import countries
from app.drafting.schemas import (
    Candidate,
    EquipmentCandidate,
    OrganizationCandidate,
    PersonCandidate,
)

# Two or three capitalized words, each perhaps hyphenated: "Kassym-Jomart Tokayev".
_WORD = r"[A-Z][a-z’']+(?:-[A-Z][a-z’']+)?"
_NAME = re.compile(rf"(?<![\w-]){_WORD}(?:\s+{_WORD}){{1,2}}(?![\w-])")
# The head words of a title: a name after one of them is a person's.
_ROLE_HEAD = re.compile(
    r"\b(?:President|Prime Minister|Minister|Vice-Minister|Secretary|General|Col\.-Gen\.|"
    r"Colonel|Commander|Chief|Director|Ambassador|Spokes(?:man|woman|person)|Chairman|"
    r"Speaker|Senator|King|Emir|analyst|expert|scientist|correspondent|editor|researcher|"
    r"professor|Professor|member|counterpart|official)\b"
)
_ROLE_WORD = re.compile(
    r"^(?:[Tt]hen-\S+|Deputy|Vice|First|Defen[cs]e|Foreign|Interior|Prime|Minister|"
    r"President|Vice-Minister|Secretary|General|Col\.-Gen\.|Gen\.|Col\.|Lt\.|Colonel|"
    r"Commander|Chief|Director|Ambassador|Spokes(?:man|woman|person)|Chairman|Speaker|"
    r"Senator|of|the|Defense|Security|Council|political|military|senior|analyst|expert|"
    r"scientist|correspondent|editor|researcher|professor|Professor|member|Majlis|Majilis|"
    r"counterpart|former|official|[A-Z]\w+-based)$"
)
_NOT_A_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Central|Asia|"
    r"Ministry|Council|Force|Forces|Organization|Security|Union|State|States|Republic|"
    r"Defence|Defense|Global|Firepower|The|This|That|Army|Navy|Rankings|Summit|Plan|Treaty|"
    r"Agreement|Assistance|International|Parliament|House|Islamic)\b"
)
_ORG_HEAD = (
    ("ministry", r"Ministry(?:\s+of\s+(?:the\s+)?[A-Z]\w+(?:\s+(?:and\s+)?[A-Z]\w+)*)?"),
    ("legislature", r"Parliament|Assembly|Majilis|Majlis|Senate|Congress|Duma"),
    ("international organization", r"Organi[sz]ation|Alliance|Union|Community|Commonwealth"),
    ("research institute", r"Institute(?:\s+(?:for|of)\s+[A-Z]\w+(?:\s+[A-Z]\w+)*)?|Centre|Center"),
    (
        "agency",
        r"Agency|Service|Bureau|Committee|Council(?:\s+under\s+the\s+President(?:\s+of\s+[A-Z]\w+)?)?",
    ),
    ("company", r"Engineering|Corporation|Company|Industries|Holding|Group"),
    ("military unit", r"Brigade|Forces|Guard|Command|Division"),
)
_ORG = re.compile(
    r"(?<![\w-])(?P<name>(?:(?:the\s+)?[A-Z][\w.’'-]*\s+){0,5}?(?:"
    + "|".join(f"(?P<h{index}>{words})" for index, (_, words) in enumerate(_ORG_HEAD))
    + r"))(?:\s+\((?P<acronym>[A-Z]{2,8})\))?(?![\w-])"
)


def entities_in(view: SentenceView) -> list[Candidate]:
    return [*_people(view), *_organizations(view), *_equipment(view)]


def _people(view: SentenceView) -> list[Candidate]:
    text = view.text
    known = catalogue(view.context.seeds_dir).people
    found: list[Candidate] = []
    country_words = countries()
    position = 0
    while (match := _NAME.search(text, position)) is not None:
        position = match.end()
        name = match[0]
        first = name.split()[0]
        if (
            _ROLE_WORD.match(first)
            or country_words.adjectives.key_of(first)
            or country_words.names.key_of(first)
        ):
            position = match.start() + len(first)  # "Kazakh President Kassym-Jomart Tokayev"
            continue
        is_known = name in known
        if not is_known and _NOT_A_NAME.search(name):
            continue
        role_start = _role_start(text, match.start())
        role = text[role_start : match.start()].strip() or None
        if role is not None and not _ROLE_HEAD.search(role):
            role, role_start = None, match.start()
        if role is None and not is_known:
            continue
        role_countries = [c for c in view.countries if role_start <= c.start < match.start()]
        quote, start, end = view.absolute(role_start, match.end())
        found.append(
            PersonCandidate(
                name=name,
                country=role_countries[0].key if role_countries else None,
                role=_clean_role(role) if role else None,
                quote=quote,
                start=start,
                end=end,
                score=0.8 if role else 0.6,
                note=f"known person {known[name]}" if is_known else None,
            )
        )
    return found


def _role_start(text: str, name_start: int) -> int:
    """Where the title before a name begins: "Deputy Defense Minister" of "... Ruslan"."""
    position = name_start
    for token in reversed(list(re.finditer(r"\S+", text[:name_start]))):
        word = token[0].rstrip(",")
        if token[0].endswith(",") or not (
            _ROLE_WORD.match(word)
            or countries().adjectives.key_of(word)
            or countries().names.key_of(word)
        ):
            break
        position = token.start()
    while text[position:name_start].lower().startswith(("the ", "of ")):
        position += text[position:name_start].index(" ") + 1
    return position


def _clean_role(role: str) -> str:
    return re.sub(r"^[Tt]hen-", "", role).strip()


def _organizations(view: SentenceView) -> list[Candidate]:
    text = view.text
    known = catalogue(view.context.seeds_dir).organizations
    found: list[Candidate] = []
    for name, slug in known.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            found.append(
                _organization(
                    view, match.start(), match.end(), name, None, 0.8, f"known organization {slug}"
                )
            )
    for match in _ORG.finditer(text):
        name = re.sub(r"^the\s+", "", match["name"]).strip()
        if len(name.split()) < 2 and not match["acronym"] and name not in {"Majilis", "Majlis"}:
            continue
        if any(o.start <= view.offset + match.start() < o.end for o in found):
            continue
        kind = next(k for index, (k, _) in enumerate(_ORG_HEAD) if match[f"h{index}"])
        found.append(_organization(view, match.start("name"), match.end(), name, kind, 0.6, None))
    return found


def _organization(
    view: SentenceView,
    start: int,
    end: int,
    name: str,
    kind: str | None,
    score: float,
    note: str | None,
) -> OrganizationCandidate:
    inside = [c for c in view.countries if start <= c.start < end]
    quote, quote_start, quote_end = view.absolute(start, end)
    return OrganizationCandidate(
        name=name,
        organization_kind=kind,
        country=inside[0].key if inside else None,
        quote=quote,
        start=quote_start,
        end=quote_end,
        score=score,
        note=note,
    )


def _equipment(view: SentenceView) -> list[Candidate]:
    found: list[Candidate] = []
    for item in view.equipment:
        origins = [c for c in view.countries if c.is_origin and 0 <= item.start - c.end <= 40]
        entry = catalogue(view.context.seeds_dir).equipment.get(item.key)
        origin = origins[-1].key if origins else (entry.origin_country if entry else None)
        start = origins[-1].start if origins else item.start
        end = item.category_end or item.end
        quote, quote_start, quote_end = view.absolute(start, end)
        found.append(
            EquipmentCandidate(
                name=item.name,
                slug=item.key or None,
                category=item.category,
                origin_country=origin,
                quote=quote,
                start=quote_start,
                end=quote_end,
                score=0.8 if entry else 0.6,
                note="in the equipment catalogue" if entry else None,
            )
        )
    return found
