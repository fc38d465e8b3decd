"""The YAML draft: a data file in the seeds format (seeds/data/NNN_*.yaml) whose every
entry is marked `review: pending`, best candidates first, each with its score and offsets
in a comment. The loader refuses the file until a person has reviewed every entry."""

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from app.drafting.catalogue import Catalogue, catalogue
from app.drafting.schemas import (
    AgreementCandidate,
    Candidate,
    Draft,
    EquipmentCandidate,
    EventCandidate,
    IndicatorCandidate,
    InventoryCandidate,
    OrganizationCandidate,
    PersonCandidate,
    TransferCandidate,
)
from app.seeding.review import PENDING, REVIEW_KEY

HEADER = """\
# Draft of {file}, made by `milcap draft`: nothing here is reviewed yet.
# Every entry says `{key}: {pending}`; the loader refuses this file while one does.
# For each entry: check it against its quote, correct what is wrong, then delete its
# `{key}` line (or write `{key}: accepted`); delete an entry that is not a fact.
# Entries come best first; the comment above each gives the tool's score and where the
# quote is in the article (character offsets). A value the article does not state is null.
"""
SECTIONS = (
    "organizations",
    "people",
    "equipment",
    "inventory",
    "transfers",
    "agreements",
    "indicators",
    "events",
)


def slugify(text: str, words: int = 8) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().replace("’", "").replace("'", "")).strip("-")
    return "-".join(slug.split("-")[:words]) or "entry"


def source_id(draft: Draft) -> str:
    """Like the seeds' ids: the author's surname, the year, the title's first words."""
    parts = []
    if draft.source.author:
        parts.append(draft.source.author.split()[-1])
    parts.append(draft.source.published_on[:4] if draft.source.published_on else "undated")
    parts.append(slugify(draft.source.title or "article", 5))
    return slugify("-".join(parts), 12)


class _Keys:
    """Unique keys within the file: a second `kz-tanks` becomes `kz-tanks-2`."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, *parts: str | None) -> str:
        base = slugify("-".join(p for p in parts if p), 10)
        key, number = base, 1
        while key in self.used:
            number += 1
            key = f"{base}-{number}"
        self.used.add(key)
        return key


def _reference(attributed_to: str | None, known: Catalogue) -> dict[str, str] | None:
    if attributed_to is None:
        return None
    for name, slug in known.organizations.items():
        if attributed_to.startswith(name):
            return {"kind": "organization", "id": slug}
    for name, slug in known.people.items():
        if attributed_to.endswith(name) or attributed_to == name.split()[-1]:
            return {"kind": "person", "id": slug}
    return None


def _citation(candidate: Candidate, known: Catalogue) -> list[dict[str, Any]]:
    citation: dict[str, Any] = {"quote": candidate.quote}
    if candidate.attributed_to:
        citation["attributed_to"] = candidate.attributed_to
        reference = _reference(candidate.attributed_to, known)
        if reference:
            citation["attributed_to_ref"] = reference
    return [citation]


def _claim(candidate: Candidate) -> dict[str, Any]:
    claim: dict[str, Any] = {}
    if candidate.stance != "stated":
        claim["stance"] = candidate.stance
        claim["hedge"] = candidate.hedge
    return claim


class _Writer:
    def __init__(self, draft: Draft, seeds_dir: Path) -> None:
        self.draft = draft
        self.known = catalogue(seeds_dir)
        self.keys = _Keys()
        self.sections: dict[str, list[tuple[Candidate, dict[str, Any]]]] = {s: [] for s in SECTIONS}
        self.new_equipment: dict[str, str] = {}  # name -> slug declared in this draft

    def add(self, section: str, candidate: Candidate, entry: dict[str, Any]) -> None:
        entry = {REVIEW_KEY: PENDING, **entry}
        if candidate.note and "note" not in entry:
            entry["note"] = candidate.note
        entry["citations"] = _citation(candidate, self.known)
        self.sections[section].append((candidate, entry))

    def equipment_slug(self, name: str | None) -> str | None:
        if name is None or name in self.known.equipment:
            return name
        return self.new_equipment.get(name) or slugify(name)

    def write(self) -> None:
        for candidate in self.draft.candidates:
            method = getattr(self, f"_{candidate.kind}")
            method(candidate)

    def _organization(self, c: OrganizationCandidate) -> None:
        if c.name in self.known.organizations:
            return
        entry = {
            "slug": self.keys(c.name),
            "name": c.name,
            "kind": c.organization_kind or "organization",
            "country": c.country,
        }
        self.add("organizations", c, entry)

    def _person(self, c: PersonCandidate) -> None:
        if c.name in self.known.people:
            return
        entry: dict[str, Any] = {"slug": self.keys(c.name), "name": c.name, "country": c.country}
        if c.role:
            entry["roles"] = [
                {"title": c.role, "country": c.country, "citations": [{"quote": c.quote}]}
            ]
        self.add("people", c, entry)

    def _equipment(self, c: EquipmentCandidate) -> None:
        if c.slug or c.name in self.new_equipment:
            return
        slug = self.keys(c.name)
        self.new_equipment[c.name] = slug
        entry = {
            "slug": slug,
            "name": c.name,
            "category": c.category,
            "origin_country": c.origin_country,
        }
        self.add("equipment", c, entry)

    def _inventory(self, c: InventoryCandidate) -> None:
        entry = {
            "key": self.keys(c.country, c.category, c.equipment, c.as_of),
            "country": c.country,
            "category": c.category,
            "equipment": self.equipment_slug(c.equipment),
            "quantity": c.quantity,
            "qualifier": c.qualifier,
            "as_of": c.as_of,
            "kind": "holding" if c.equipment is None else "in_service",
            **_claim(c),
        }
        self.add("inventory", c, entry)

    def _indicator(self, c: IndicatorCandidate) -> None:
        entry = {
            "key": self.keys(c.country, c.name, c.as_of),
            "country": c.country,
            "name": c.name,
            "value": c.value,
            "unit": c.unit,
            "qualifier": c.qualifier,
            "as_of": c.as_of,
            "scope": c.scope,
            **_claim(c),
        }
        self.add("indicators", c, entry)

    def _transfer(self, c: TransferCandidate) -> None:
        entry = {
            "key": self.keys(c.supplier, c.recipient, c.equipment or c.category or "transfer"),
            "supplier": c.supplier,
            "recipient": c.recipient,
            "equipment": self.equipment_slug(c.equipment),
            "category": c.category,
            "quantity": c.quantity,
            "status": c.status,
            "years": c.years,
            **_claim(c),
        }
        self.add("transfers", c, entry)

    def _agreement(self, c: AgreementCandidate) -> None:
        entry = {
            "key": self.keys(*c.parties[:2], c.title),
            "title": c.title,
            "type": c.type or "agreement",
            "parties": [{"code": code, "role": "party"} for code in c.parties],
            "signed_on": c.signed_on,
            "place": c.place,
            **_claim(c),
        }
        self.add("agreements", c, entry)

    def _event(self, c: EventCandidate) -> None:
        title = c.quote if len(c.quote) <= 100 else c.quote[:97].rstrip() + "..."
        entry = {
            "key": self.keys(c.date, c.type, *c.participants[:2]),
            "type": c.type,
            "date": c.date,
            "title": title,
            "participants": [{"kind": "country", "code": code} for code in c.participants],
            "places": c.places,
            **_claim(c),
        }
        self.add("events", c, entry)


def render_data_file(
    draft: Draft, *, article_file: str, source: str | None, seeds_dir: Path
) -> str:
    """The YAML draft of `draft`, for the article saved as seeds/articles/`article_file`."""
    writer = _Writer(draft, seeds_dir)
    writer.write()
    header = {
        "source": {
            "id": source or source_id(draft),
            "file": article_file,
            "title": draft.source.title,
            "author": draft.source.author,
            "publisher": draft.source.publisher,
            "published_on": draft.source.published_on,
            "url": None,
        }
    }
    parts = [
        HEADER.format(file=f"seeds/articles/{article_file}", key=REVIEW_KEY, pending=PENDING),
        _dump(header),
    ]
    for section in SECTIONS:
        entries = writer.sections[section]
        if entries:
            parts.append(
                f"\n{section}:\n"
                + "".join(_item(section, candidate, entry) for candidate, entry in entries)
            )
    return "".join(parts)


def _dump(document: Any) -> str:
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


# Fields a data file requires that a draft may leave empty, for the reviewer to give.
_REQUIRED = {
    "inventory": ("country", "category"),
    "indicators": ("country",),
    "transfers": ("recipient",),
    "agreements": ("type", "parties"),
    "equipment": ("category",),
}


def _item(section: str, candidate: Candidate, entry: dict[str, Any]) -> str:
    comment = f"  # score {candidate.score:.2f}, characters {candidate.start}-{candidate.end}\n"
    required = _REQUIRED.get(section, ())
    missing = [field for field in required if entry.get(field) in (None, [])]
    if missing:
        comment += f"  # to fill in: {', '.join(missing)} (the article does not say)\n"
    lines: Iterable[str] = _dump([entry]).splitlines()
    return comment + "".join(f"  {line}\n" for line in lines)
