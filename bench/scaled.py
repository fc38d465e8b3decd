"""The scaled benchmark dataset: the real schema and seeds, then synthetic cited inventory.

Every step goes through the project's own code: `upgrade` builds the schema from the
migrations, `load_seeds` loads the curated seeds, and the synthetic rows are inserted through
the SQLModel table classes' tables in one transaction. Every country ends with exactly
`ENTRIES_PER_COUNTRY` inventory entries (its seeded ones, if any, topped up with synthetic
ones: KZ has 14 in the seeds today), each synthetic entry with one citation whose quote
sits verbatim at its offsets in its source's text.
"""

import hashlib
import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, func, insert, select, update

from app.categories.models import Category
from app.citations.models import Citation
from app.core.db import make_engine
from app.core.migrations import upgrade
from app.countries.models import Country
from app.equipment.models import Equipment
from app.inventory.models import InventoryEntry
from app.meta.models import DatasetRelease
from app.seeding.loader import load_seeds, rebuild_derived_data
from app.seeding.reading import read_seeds
from app.sources.models import Source

# Bump when the generated rows change, so cached databases are rebuilt.
GENERATOR_VERSION = 2
ENTRIES_PER_COUNTRY = 200
EQUIPMENT_MODELS = 2_000
SOURCES = 5_000
# The country the scaled measurements ask for; it has exactly ENTRIES_PER_COUNTRY entries.
PROBE_COUNTRY = "KZ"
RANDOM_SEED = 20_261_123
# Share of synthetic entries that are category totals (no equipment), like the seeds' holdings.
HOLDING_SHARE = 0.15

Progress = Callable[[str], None]
RowDict = dict[str, Any]

_FAMILIES = (
    "Arlan", "Berkut", "Sunkar", "Kalkan", "Tulpar", "Burkit", "Aibyn", "Semser",
    "Kyran", "Barys", "Altyn", "Bolat", "Samruk", "Tumar", "Nayza", "Kylysh",
)  # fmt: skip
_ROLES = (
    "main battle tank", "infantry fighting vehicle", "armoured personnel carrier",
    "multiple rocket launcher", "multirole fighter", "attack aircraft", "transport aircraft",
    "attack helicopter", "utility helicopter", "patrol boat", "reconnaissance drone",
    "self-propelled howitzer", "air defence system", "engineering vehicle",
)  # fmt: skip
_PUBLISHERS = ("Bench Wire", "Defence Ledger", "Steppe Monitor", "Open Arsenal Review")
_QUALIFIERS = (None, None, None, "about", "up to", "more than", "at least")
_ATTRIBUTIONS = (None, None, None, "Global Firepower 2021", "the ministry of defence")


def table(model: type[Any]) -> Table:
    """The Core table behind a SQLModel table class."""
    return cast(Table, model.__table__)


def scaled_version(seed_version: str) -> str:
    """The scaled dataset's release version: the seeds' version and the generator's shape."""
    shape = f"bench-v{GENERATOR_VERSION}-{ENTRIES_PER_COUNTRY}x{EQUIPMENT_MODELS}x{SOURCES}"
    return hashlib.sha256(f"{seed_version}+{shape}".encode()).hexdigest()


def seed_version(seeds_dir: Path) -> str:
    return read_seeds(seeds_dir).version


def _quiet(_: str) -> None:
    return None


def build_seed_database(url: str, seeds_dir: Path, progress: Progress = _quiet) -> None:
    """Migrate an empty database to head and load the curated seeds into it."""
    upgrade(url)
    engine = make_engine(url)
    try:
        load_seeds(engine, seeds_dir, progress=progress)
    finally:
        engine.dispose()


def build_scaled_database(url: str, seeds_dir: Path, progress: Progress = _quiet) -> dict[str, int]:
    """The seed database, plus the synthetic rows and the scaled release version."""
    build_seed_database(url, seeds_dir, progress)
    engine = make_engine(url)
    try:
        counts = add_synthetic_data(engine, scaled_version(seed_version(seeds_dir)))
    finally:
        engine.dispose()
    return counts


def _insert_returning_ids(connection: Connection, target: Table, rows: list[RowDict]) -> list[int]:
    """Bulk insert (executemany, batched by SQLAlchemy), the new ids in the rows' order."""
    statement = insert(target).returning(target.c.id, sort_by_parameter_order=True)
    return list(connection.execute(statement, rows).scalars())


def add_synthetic_data(engine: Engine, version: str) -> dict[str, int]:
    """Insert every synthetic row in one transaction; returns rows inserted per table."""
    rng = random.Random(RANDOM_SEED)
    with engine.begin() as connection:
        country, category, entries = table(Country), table(Category), table(InventoryEntry)
        countries = connection.execute(
            select(country.c.id, country.c.iso2, country.c.name).order_by(country.c.iso2)
        ).all()
        categories = connection.execute(
            select(category.c.id, category.c.label).order_by(category.c.id)
        ).all()
        held: dict[int, int] = {
            country_id: count
            for country_id, count in connection.execute(
                select(entries.c.country_id, func.count()).group_by(entries.c.country_id)
            )
        }
        country_ids = [row.id for row in countries]
        category_label = {row.id: row.label for row in categories}

        models = _equipment_rows(rng, [c.id for c in categories], country_ids)
        model_ids = _insert_returning_ids(connection, table(Equipment), models)
        fleet = [
            (model_id, model["name"], model["category_id"])
            for model_id, model in zip(model_ids, models, strict=True)
        ]

        entry_rows: list[RowDict] = []
        sentences: list[str] = []
        for holder in countries:
            for number in range(held.get(holder.id, 0), ENTRIES_PER_COUNTRY):
                row, sentence = _entry(rng, holder.iso2, holder.name, number, fleet, category_label)
                entry_rows.append(row | {"country_id": holder.id})
                sentences.append(sentence)
        entry_ids = _insert_returning_ids(connection, entries, entry_rows)

        source_rows, placements = _sources(rng, sentences)
        source_ids = _insert_returning_ids(connection, table(Source), source_rows)
        citations = [
            {
                "source_id": source_ids[source_index],
                "quote": sentences[entry_index],
                "start_offset": start,
                "end_offset": start + len(sentences[entry_index]),
                "attributed_to": rng.choice(_ATTRIBUTIONS),
                "position": 0,
                "inventory_entry_id": entry_ids[entry_index],
            }
            for entry_index, (source_index, start) in enumerate(placements)
        ]
        connection.execute(insert(table(Citation)), citations)
        # Derived data follows the facts, as the loader does it.
        rebuild_derived_data(connection, changed=True, progress=lambda _: None)

        connection.execute(
            update(table(DatasetRelease)).values(version=version, loaded_at=datetime.now(UTC))
        )
    return {
        "equipment": len(models),
        "inventory_entry": len(entry_rows),
        "source": len(source_rows),
        "citation": len(citations),
    }


def _equipment_rows(
    rng: random.Random, category_ids: Sequence[int], country_ids: Sequence[int]
) -> list[RowDict]:
    rows = []
    for number in range(EQUIPMENT_MODELS):
        family = _FAMILIES[number % len(_FAMILIES)]
        name = f"{family}-{number // len(_FAMILIES) + 1}{'ABMK'[number % 4]}"
        rows.append(
            {
                "slug": f"bench-{name.lower()}",
                "name": name,
                "aliases": [f"{family} {number}"] if number % 3 == 0 else [],
                "category_id": rng.choice(category_ids),
                "role": rng.choice(_ROLES),
                "origin_country_id": rng.choice(country_ids) if number % 5 else None,
                "manufacturer_id": None,
            }
        )
    return rows


def _entry(
    rng: random.Random,
    iso2: str,
    country_name: str,
    number: int,
    fleet: Sequence[tuple[int, str, int]],
    category_label: dict[int, str],
) -> tuple[RowDict, str]:
    """One synthetic entry (without its country id) and the sentence that cites it."""
    quantity = rng.randint(1, 2_000) if rng.random() > 0.05 else None
    qualifier = rng.choice(_QUALIFIERS) if quantity is not None else None
    as_of = str(rng.randint(2015, 2024))
    amount = " ".join(part for part in (qualifier, str(quantity or "an unknown number of")) if part)
    row: RowDict = {
        "key": f"{iso2.lower()}-bench-{number:03d}",
        "quantity": quantity,
        "qualifier": qualifier,
        "as_of": as_of,
        "note": "Synthetic benchmark entry." if number % 4 == 0 else None,
    }
    if rng.random() < HOLDING_SHARE:
        category_id = rng.choice(list(category_label))
        label = category_label[category_id].lower()
        sentence = f"As of {as_of}, {country_name} held {amount} {label} in total."
        return row | {"category_id": category_id, "equipment_id": None, "kind": "holding"}, sentence
    equipment_id, name, category_id = rng.choice(fleet)
    label = category_label[category_id].lower()
    sentence = f"In {as_of} {country_name} had {amount} {name} ({label}) in service."
    return row | {
        "category_id": category_id,
        "equipment_id": equipment_id,
        "kind": "in_service",
    }, sentence


def _sources(
    rng: random.Random, sentences: Sequence[str]
) -> tuple[list[RowDict], list[tuple[int, int]]]:
    """Source articles whose text holds the sentences; each sentence's (source, offset)."""
    placements: list[tuple[int, int]] = [(0, 0)] * len(sentences)
    rows = []
    for index in range(SOURCES):
        publisher = _PUBLISHERS[index % len(_PUBLISHERS)]
        parts = [f"{publisher} report {index}: an overview of armed forces holdings.\n\n"]
        length = len(parts[0])
        for position, entry_index in enumerate(range(index, len(sentences), SOURCES)):
            if position and position % 3 == 0:
                parts.append("\n\n")
                length += 2
            elif position:
                parts.append(" ")
                length += 1
            placements[entry_index] = (index, length)
            parts.append(sentences[entry_index])
            length += len(sentences[entry_index])
        parts.append("\n\nFigures are estimates compiled from open sources.\n")
        text = "".join(parts)
        rows.append(
            {
                "slug": f"bench-report-{index:04d}",
                "title": f"{publisher} report {index}",
                "author": rng.choice(("A. Analyst", "B. Observer", None)),
                "publisher": publisher,
                "published_on": f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-01",
                "url": f"https://example.org/bench/{index:04d}",
                "file": f"bench-{index:04d}.txt",
                "sha256": hashlib.sha256(text.encode()).hexdigest(),
                "note": None,
                "text": text,
            }
        )
    return rows, placements
