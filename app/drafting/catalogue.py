"""What the curated seed files already declare (equipment with its aliases and category,
organizations, people), so that a draft refers to them by slug instead of declaring them
again."""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from app.drafting.lexicon import Phrases
from app.seeding.safe_yaml import YamlRefused, load_yaml_file


@dataclass(frozen=True)
class CatalogueEntry:
    slug: str
    name: str
    category: str | None
    origin_country: str | None


@dataclass(frozen=True)
class Catalogue:
    """What the curated seed files already declare, so a draft refers to it by slug."""

    equipment: dict[str, CatalogueEntry]
    equipment_names: Phrases | None
    organizations: dict[str, str]  # name -> slug
    people: dict[str, str]  # name or alias -> slug


def _data_documents(seeds_dir: Path) -> list[dict[str, object]]:
    documents: list[dict[str, object]] = []
    for path in sorted((seeds_dir / "data").glob("*.yaml")):
        try:
            document = load_yaml_file(path)
        except (OSError, UnicodeDecodeError, YamlRefused, yaml.YAMLError):
            continue  # the loader reports a broken file; a draft only misses its names
        if isinstance(document, dict):
            documents.append(document)
    return documents


def _entries(document: dict[str, object], section: str) -> list[dict[str, object]]:
    entries = document.get(section)
    return [e for e in entries if isinstance(e, dict)] if isinstance(entries, list) else []


@cache
def catalogue(seeds_dir: Path) -> Catalogue:
    equipment: dict[str, CatalogueEntry] = {}
    names: dict[str, str] = {}
    organizations: dict[str, str] = {}
    people: dict[str, str] = {}
    for document in _data_documents(seeds_dir):
        for item in _entries(document, "equipment"):
            slug, name = str(item.get("slug")), str(item.get("name"))
            category, origin = item.get("category"), item.get("origin_country")
            equipment[slug] = CatalogueEntry(
                slug,
                name,
                category if isinstance(category, str) else None,
                origin if isinstance(origin, str) else None,
            )
            aliases = item.get("aliases")
            for alias in [name, *(aliases if isinstance(aliases, list) else [])]:
                names[str(alias)] = slug
        for org in _entries(document, "organizations"):
            organizations[str(org.get("name"))] = str(org.get("slug"))
        for person in _entries(document, "people"):
            aliases = person.get("aliases")
            for alias in [person.get("name"), *(aliases if isinstance(aliases, list) else [])]:
                people[str(alias)] = str(person.get("slug"))
    phrases = Phrases.of(names, re.IGNORECASE, plural=True) if names else None
    return Catalogue(equipment, phrases, organizations, people)
