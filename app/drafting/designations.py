"""Equipment a sentence names: the catalogue's types by name or alias (MiG-29, IL-76 for
Il-76), and designations the catalogue lacks (T-72B3, Su-30SM, Leopard 2, JAS 39) when a
category word follows them ("T-72 tanks")."""

import re
from dataclasses import dataclass
from pathlib import Path

from app.drafting.catalogue import catalogue
from app.drafting.lexicon import Mention, categories, countries

# An equipment designation the catalogue may not hold: MiG-29, T-72B3, Su-30SM, BMP-2, F-16,
# Mi-8/17, S-400, M1A2, TB2.
_DESIGNATION = re.compile(
    r"(?<![\w-])(?:[A-Z][A-Za-z]{0,5}-\d{1,4}[A-Za-z]{0,4}\d?(?:/\d{1,3}[A-Za-z]{0,3})?"
    r"|[A-Z]{1,3}\d{1,4}[A-Z]{0,2}\d?"
    r"|(?P<spaced>[A-Z][A-Za-z]{1,8})\s\d{1,4}(?:[A-Z]{1,2}\d?)?)(?:s|’s)?(?![\w-])"
)


# "Leopard 2", "JAS 39", "Type 99": a name and a number; not "Russia 300" or "August 19".
_NOT_A_NAME_WITH_NUMBER = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Article|Section|Chapter|Page|"
    r"Phase|Vision|Stage|Level|Group|No|Number|Resolution|Paragraph|Part|Item|Table|Figure)$"
)


# Designations that name no equipment.
_NOT_EQUIPMENT = re.compile(r"^(?:COVID|Covid|G|C|P|H\d|N\d|A4|Q\d)", re.ASCII)


@dataclass(frozen=True)
class EquipmentMention(Mention):
    """`key` is the catalogue's slug, or "" for a designation the catalogue lacks."""

    name: str = ""
    category: str | None = None
    category_end: int | None = None  # where "T-72 tanks" ends, when a category word follows


def _is_country_word(word: str) -> bool:
    lexicon = countries()
    return any(p.key_of(word) for p in (lexicon.names, lexicon.adjectives, lexicon.capitals))


def find_equipment(text: str, seeds_dir: Path) -> list[EquipmentMention]:
    known = catalogue(seeds_dir)
    found: list[EquipmentMention] = []
    if known.equipment_names is not None:
        for mention in known.equipment_names.find(text):
            entry = known.equipment[mention.key]
            found.append(
                EquipmentMention(
                    mention.start, mention.end, mention.key, entry.name, entry.category
                )
            )
    for match in _DESIGNATION.finditer(text):
        if any(m.start <= match.start() < m.end for m in found) or _NOT_EQUIPMENT.match(match[0]):
            continue
        spaced = match["spaced"]
        if spaced and (_NOT_A_NAME_WITH_NUMBER.match(spaced) or _is_country_word(spaced)):
            continue
        name = re.sub(r"(?:s|’s)$", "", match[0]) if re.search(r"\ds$|’s$", match[0]) else match[0]
        found.append(EquipmentMention(match.start(), match.end(), "", name, None))
    labels = categories().labels
    with_categories: list[EquipmentMention] = []
    for mention in sorted(found, key=lambda m: m.start):
        # "MiG-29 fighters", "T-72 tanks", "IL-76 military transport planes".
        after = re.match(r"(?:\s+[A-Za-z][\w-]*){0,3}?\s+", text[mention.end :])
        category_end = None
        category = mention.category
        if after is not None or text[mention.end : mention.end + 1] == " ":
            tail = text[mention.end :]
            for follower in labels.find(tail[:60]):
                gap = tail[: follower.start]
                if re.fullmatch(r"(?:\s+[A-Za-z][\w-]*){0,3}\s+", gap):
                    category = category or follower.key
                    category_end = mention.end + follower.end
                break
        if mention.key == "" and category is None:
            continue  # a designation followed by no category word may be anything
        with_categories.append(
            EquipmentMention(
                mention.start, mention.end, mention.key, mention.name, category, category_end
            )
        )
    return with_categories
