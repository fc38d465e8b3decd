"""Agreements, events and announced transfers a sentence reports."""

import re

from app.agreements.schemas import AgreementType
from app.drafting.analysis import SentenceView
from app.drafting.context import stance_of
from app.drafting.schemas import AgreementCandidate, Candidate, EventCandidate, TransferCandidate
from app.events.schemas import EventType
from app.transfers.schemas import TransferStatus

_AGREEMENT = re.compile(
    r"(?P<title>(?:[A-Z][\w-]*\s+){0,6}(?:Agreement|Treaty|Plan|Memorandum|Accord|Protocol|"
    r"Declaration|Convention|Pact)\b(?:\s+(?:on|of)\s+(?:[A-Z][\w-]*\s*){1,5})?)"
    r"|(?P<common>(?:agreements?|treaty|treaties|memorandum|accord|documents|deal|contract|pact)"
    r"(?:\s+on\s+[a-z-]+(?:\s+[a-z-]+){0,3})?)"
)
_SIGNED = re.compile(r"\b(?:signed|signing|sign|ink(?:ed)?|concluded|exchange of notes)\b", re.I)
_EVENT_WORDS: tuple[tuple[EventType, re.Pattern[str]], ...] = (
    ("ratification", re.compile(r"\bratif(?:y|ied|ies|ication)\b", re.I)),
    (
        "vote",
        re.compile(
            r"\b(?:voted|passed a bill|bill (?:was )?(?:passed|approved)|approved the bill)\b", re.I
        ),
    ),
    ("signing", _SIGNED),
    ("order", re.compile(r"\b(?:ordered|instructed|decreed)\b", re.I)),
    ("mobilization", re.compile(r"\bmobili[sz](?:e|ed|ation)\b", re.I)),
    ("summit", re.compile(r"\bsummit\b", re.I)),
    ("exercise", re.compile(r"\b(?:exercises|drills|manoeuvres|maneuvers)\b", re.I)),
    (
        "deployment",
        re.compile(
            r"\b(?:deploy(?:ed|s|ment)?|"
            r"(?:send|sent|sending) (?:a )?(?:contingent|troops|soldiers))\b",
            re.I,
        ),
    ),
    ("visit", re.compile(r"\bvisit(?:ed|s)?\b", re.I)),
    ("meeting", re.compile(r"\b(?:met with|conferred|held talks|talks with)\b", re.I)),
    ("resignation", re.compile(r"\b(?:resigned|left office|stepped down)\b", re.I)),
    ("appointment", re.compile(r"\b(?:appointed|was named)\b", re.I)),
    ("display", re.compile(r"\b(?:shows? off|displayed|parade)\b", re.I)),
)
# Words said on a given day are a statement, when nothing else happened in the sentence.
_SPOKE = re.compile(r"\b(?:said|told|announced|stated|declared|reported)\b", re.I)
_TRANSFER_WORDS: tuple[tuple[TransferStatus, re.Pattern[str]], ...] = (
    ("interest", re.compile(r"\binterest(?:ed)? in (?:buying|purchasing|acquiring)\b", re.I)),
    (
        "negotiating",
        re.compile(r"\b(?:negotiat\w+|talks)\b[^.]{0,60}\b(?:purchases?|buy|deal|sale)\b", re.I),
    ),
    (
        "pledged",
        re.compile(
            r"\b(?:pledged|promised|has taken an obligation|undertook) to "
            r"(?:provide|deliver|supply|give|send)\b",
            re.I,
        ),
    ),
    (
        "ordered",
        re.compile(r"\b(?:has ordered|ordered|placed an order for|signed a contract for)\b", re.I),
    ),
    ("planned", re.compile(r"\bwill (?:also )?(?:provide|deliver|supply|send|receive)\b", re.I)),
)


def events_in(view: SentenceView) -> list[Candidate]:
    return [*_agreements(view), *_events(view), *_transfers(view)]


_THE_TWO = re.compile(r"\b(?:[Tt]heir|[Bb]oth|[Tt]he two|[Tt]he sides|[Tt]he ministers)\b")


def _participants(view: SentenceView) -> list[str]:
    named = list(dict.fromkeys(c.key for c in view.countries if not c.is_origin))
    if not named and _THE_TWO.search(view.text):
        return view.context.recent_countries[-2:]  # "Their talks culminated in ..."
    return named


# The agreement vocabulary, by the words that name each type; none found stays null.
_AGREEMENT_TYPES: tuple[tuple[AgreementType, re.Pattern[str]], ...] = (
    ("exchange of notes", re.compile(r"\bexchange of notes\b", re.I)),
    ("military-technical assistance", re.compile(r"\bmilitary[\s-]technical\b", re.I)),
    ("military co-operation plan", re.compile(r"\bco-?operation plan\b", re.I)),
    ("memorandum of understanding", re.compile(r"\bmemorandum\b|\bMoU\b", re.I)),
    ("protocol", re.compile(r"\bprotocol\b", re.I)),
    ("contract", re.compile(r"\bcontract\b", re.I)),
    ("partnership", re.compile(r"\bpartnership\b", re.I)),
    ("treaty", re.compile(r"\btreat(?:y|ies)\b", re.I)),
)


def _agreement_type(text: str) -> AgreementType | None:
    return next((kind for kind, words in _AGREEMENT_TYPES if words.search(text)), None)


def _agreements(view: SentenceView) -> list[Candidate]:
    text = view.text
    if not _SIGNED.search(text):
        return []
    found: list[Candidate] = []
    for match in _AGREEMENT.finditer(text):
        title = (match["title"] or match["common"]).strip()
        if match["common"] and len(_participants(view)) < 2:
            continue  # "signed 12 agreements": no document of two parties named
        quote, start, end = view.absolute(0, len(text))
        stance = stance_of(text)
        date = view.dates[0].iso if view.dates else None
        found.append(
            AgreementCandidate(
                title=title,
                type=_agreement_type(text),
                parties=_participants(view),
                signed_on=date,
                quote=quote,
                start=start,
                end=end,
                stance=stance.stance,
                hedge=stance.hedge,
                attributed_to=view.attribution.label if view.attribution else None,
                score=0.6 if match["title"] else 0.4,
                note=view.dates[0].note if view.dates else None,
            )
        )
        break
    return found


def _events(view: SentenceView) -> list[Candidate]:
    text = view.text
    participants = _participants(view)
    words = list(_EVENT_WORDS)
    if view.dates:
        words.append(("statement", _SPOKE))
    for event_type, pattern in words:
        match = pattern.search(text)
        if match is None or not participants:
            continue
        quote, start, end = view.absolute(0, len(text))
        stance = stance_of(text)
        date = view.dates[0] if view.dates else None
        return [
            EventCandidate(
                type=event_type,
                date=date.iso if date else None,
                participants=participants,
                quote=quote,
                start=start,
                end=end,
                stance=stance.stance,
                hedge=stance.hedge,
                attributed_to=view.attribution.label if view.attribution else None,
                score=0.5 if date else 0.4,
                note=date.note if date else None,
            )
        ]
    return []


def _transfers(view: SentenceView) -> list[Candidate]:
    text = view.text
    for status, pattern in _TRANSFER_WORDS:
        match = pattern.search(text)
        if match is None:
            continue
        holders = [c for c in view.countries if not c.is_origin and not c.is_adjective]
        before = [c for c in holders if c.end <= match.start()]
        to = re.search(r"\bto (?:neighbou?ring )?(?P<country>[A-Z]\w+)", text[match.end() :])
        after = [c for c in holders if c.start >= match.end()]
        origins = [c for c in view.countries if c.is_origin]
        if status in {"interest", "negotiating", "ordered"}:
            # The buyer is the sentence's subject, or the country the article is about.
            recipient = before[-1].key if before else view.referred_country()
            supplier = origins[0].key if origins else (after[0].key if after else None)
        else:
            supplier = before[-1].key if before else view.referred_country()
            recipient = after[0].key if after and to else None
        if recipient is None or recipient == supplier:
            continue  # a transfer is to someone
        quote, start, end = view.absolute(0, len(text))
        stance = stance_of(text)
        category = view.categories[0].key if view.categories else None
        item = view.equipment[0] if view.equipment else None
        return [
            TransferCandidate(
                supplier=supplier,
                recipient=recipient,
                equipment=(item.key or item.name) if item else None,
                category=item.category if item else category,
                status=status,
                quote=quote,
                start=start,
                end=end,
                stance="planned" if status in {"pledged", "planned", "ordered"} else stance.stance,
                hedge=stance.hedge,
                attributed_to=view.attribution.label if view.attribution else None,
                score=0.45,
            )
        ]
    return []
