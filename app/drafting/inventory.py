"""Inventory candidates: category totals ("300 tanks") and types in service ("40 T-72
tanks", "Kazakhstan purchased ... MiG-29 fighters"), and the transfers purchases describe."""

import re

from app.drafting.analysis import SentenceView
from app.drafting.context import StanceReading, qualifier_before
from app.drafting.counting import Found, counted, quantity
from app.drafting.ellipses import elliptic_counts, respectively
from app.drafting.schemas import InventoryCandidate, TransferCandidate
from app.drafting.scoring import score

# Words saying the figure is not what a country holds.
_NOT_HELD = re.compile(
    r"\b(?:lost|loses|losing|destroyed|damaged|captured|shot down|needs?|needed|lacks?|"
    r"wants?|seeks?|hopes? to|send|sends|sent|deploy(?:s|ed)?|donat\w+|sold|sells?|"
    r"export\w*|suppl(?:y|ies|ied)|deliver\w*|transferr?\w*|order\w*|buy|buying|"
    r"purchase|purchasing|acquire|acquiring|plans?|planned|interest\w*|would|could|"
    r"decommission\w*|retire\w*|scrapp\w*|produces?|produced|manufactur\w*|build|builds|"
    r"flew|paraded|displayed|showed off|on display|took part)\b",
    re.IGNORECASE,
)


_ACQUIRED = re.compile(
    r"\b(?:purchased|bought|acquired|received|obtained|imported|took delivery of|"
    r"has taken delivery of)\b",
    re.IGNORECASE,
)


_HOLDING = re.compile(
    r"\b(?:has|have|had|fields?|operates?|fl(?:y|ies)|possess(?:es)?|boasts?|counts?|"
    r"is equipped with|"
    r"are equipped with|equipped with|inventory|arsenal|in service|fleet of|numbers?|"
    r"comprises?|includes?|consists? of|maintains?|holds?)\b",
    re.IGNORECASE,
)


def _not_held(between: str) -> bool:
    """Whether the words before a figure say it is not held, unless a holding verb comes
    after them ("The purchase adds to a fleet that already includes 14 MiG-29s")."""
    blocking = list(_NOT_HELD.finditer(between))
    if not blocking:
        return False
    holding = list(_HOLDING.finditer(between))
    return not holding or holding[-1].start() < blocking[-1].start()


def inventory_in(view: SentenceView) -> tuple[list[InventoryCandidate], list[TransferCandidate]]:
    """The sentence's inventory candidates, and the transfers its purchases describe."""
    transfers: list[TransferCandidate] = []
    inventory, handled = respectively(view)
    counts = [found for found in counted(view) if found.thing_start not in handled]
    last_category: str | None = None
    for found in counts:
        position = found.figure.start if found.figure else found.thing_start
        if view.group_subject(position):
            continue
        country, mention = view.subject(position, past_a_comma=False)
        carried = country is None
        if carried:
            country = view.referred_country()
        window_start = mention.end if mention is not None and mention.end <= position else 0
        between = view.text[window_start:position]
        acquired = bool(_ACQUIRED.search(between))
        if _not_held(between) and not acquired:
            continue
        amount = quantity(found.figure) if found.figure else None
        qualifier, qualifier_start = (
            qualifier_before(view.text, found.figure.start) if found.figure else (None, position)
        )
        if found.figure is None and not (acquired or _HOLDING.search(between)):
            continue  # a type named in passing is not one a country has
        item = found.equipment
        start = min(qualifier_start, position)
        if mention is not None and mention.end <= position and position - mention.start <= 90:
            start = mention.start
        if found.figure is not None and any(
            f.start > start and f.end <= found.figure.start for f in view.figures
        ):
            start = qualifier_start  # a list: the quote starts at its own figure
        end = found.thing_end
        if found.is_row and found.figure is not None:
            start, end = found.thing_start, found.figure.end  # "Tanks: 420"
        quote, quote_start, quote_end = view.absolute(start, end)
        stance = view.stance(start, end)
        if stance.stance in {"opinion", "planned"} and not acquired:
            continue  # what someone wants or plans a country to have is not what it has
        attribution = view.attribution
        as_of, as_of_note = view.as_of(position)
        notes = [as_of_note] if as_of_note else []
        if carried:
            notes.append(
                "the sentence names no country: the country is the one the article was last about"
            )
        if acquired:
            # A purchase is a transfer; the type bought is one the buyer now has, in a
            # number the purchase does not give (a category bought is no holding at all).
            transfers.append(
                _transfer(view, found, country, amount, (quote, quote_start, quote_end), stance)
            )
            if item is None:
                continue
            amount = None
        inventory.append(
            InventoryCandidate(
                country=country,
                category=found.category,
                equipment=(item.key or item.name) if item is not None else None,
                quantity=amount,
                qualifier=qualifier if amount is not None else None,
                as_of=as_of,
                quote=quote,
                start=quote_start,
                end=quote_end,
                stance=stance.stance,
                hedge=stance.hedge,
                attributed_to=attribution.label if attribution else None,
                score=score(
                    base=0.6 if amount is not None else 0.55,
                    country_named=not carried,
                    held=bool(_HOLDING.search(between)) or found.is_row or acquired,
                    attributed=attribution is not None,
                    hedged=stance.stance != "stated",
                    in_words=bool(found.figure and found.figure.in_words),
                ),
                note="; ".join(notes) or None,
            )
        )
        last_category = found.category
    inventory += elliptic_counts(view, counts, last_category)
    return inventory, transfers


def _transfer(
    view: SentenceView,
    found: Found,
    recipient: str | None,
    amount: int | None,
    quoted: tuple[str, int, int],
    stance: StanceReading,
) -> TransferCandidate:
    origins = [c for c in view.countries if c.is_origin]
    suppliers = [c.key for c in view.countries if c.key != recipient and not c.is_adjective]
    supplier = origins[0].key if origins else (suppliers[0] if suppliers else None)
    item = found.equipment
    return TransferCandidate(
        supplier=supplier,
        recipient=recipient,
        equipment=(item.key or item.name) if item is not None else None,
        category=found.category,
        quantity=amount,
        status="delivered",
        quote=quoted[0],
        start=quoted[1],
        end=quoted[2],
        stance=stance.stance,
        hedge=stance.hedge,
        attributed_to=view.attribution.label if view.attribution else None,
        score=0.5,
    )
