"""Read queries about the dataset as a whole: counts per table and the full export."""

from typing import Any

import orjson

from app.agreements.queries import list_agreements
from app.categories.queries import list_categories
from app.core.pagination import EVERY_ROW
from app.core.reader import Reader, Row
from app.countries.queries import list_countries, list_indicators
from app.equipment.queries import list_equipment
from app.events.queries import list_events
from app.inventory.queries import every_document
from app.organizations.queries import list_organizations
from app.people.queries import list_people
from app.places.queries import list_places
from app.relations.queries import list_relations
from app.sources.queries import list_sources
from app.tables import LOADED_TABLE_NAMES
from app.transfers.queries import list_transfers


async def table_counts(reader: Reader) -> dict[str, int]:
    columns = ", ".join(f"(SELECT count(*) FROM {name}) AS {name}" for name in LOADED_TABLE_NAMES)
    row = (await reader.one(f"SELECT {columns}")) or {}
    return {name: int(value) for name, value in row.items()}


# Each kind of fact the export holds, in its order, and the field that identifies one.
FACT_KEYS = {
    "sources": "id",
    "categories": "slug",
    "countries": "iso2",
    "indicators": "id",
    "organizations": "slug",
    "equipment": "slug",
    "inventory": "id",
    "transfers": "id",
    "agreements": "id",
    "people": "slug",
    "places": "slug",
    "events": "id",
    "relations": "id",
}
# The kind whose facts the inventory read model already holds rendered (documents.py).
INVENTORY = "inventory"


async def _listed(reader: Reader) -> dict[str, list[Row]]:
    """Every kind of fact but the inventory, as the list routes serve it."""
    texts = await reader.all("SELECT text FROM source ORDER BY slug")
    sources = (await list_sources(reader, EVERY_ROW))[1]
    return {
        "sources": [source | text for source, text in zip(sources, texts, strict=True)],
        "categories": (await list_categories(reader, EVERY_ROW))[1],
        "countries": (await list_countries(reader, EVERY_ROW))[1],
        "indicators": await list_indicators(reader),
        "organizations": (await list_organizations(reader, EVERY_ROW))[1],
        "equipment": (await list_equipment(reader, EVERY_ROW))[1],
        "transfers": (await list_transfers(reader, EVERY_ROW))[1],
        "agreements": (await list_agreements(reader, EVERY_ROW))[1],
        "people": (await list_people(reader, EVERY_ROW))[1],
        "places": (await list_places(reader, EVERY_ROW))[1],
        "events": (await list_events(reader, EVERY_ROW))[1],
        "relations": (await list_relations(reader, EVERY_ROW))[1],
    }


async def export(reader: Reader) -> dict[str, Any]:
    """Every table's public rows, as the list routes serve them."""
    listed = await _listed(reader)
    inventory = [orjson.Fragment(body) for body in await every_document(reader)]
    return {kind: inventory if kind == INVENTORY else listed[kind] for kind in FACT_KEYS}


async def exported_facts(reader: Reader) -> dict[str, list[tuple[str, bytes]]]:
    """Every fact of the export but the inventory, kind by kind: its key and its JSON, byte
    for byte as the export serves it. The inventory is left out: its facts are the read
    model's documents (`inventory_entry_document.body`, keyed by `inventory_entry.key`), a
    million of them at most, which a caller reads from the database rather than in here."""
    return {
        kind: [(str(item[FACT_KEYS[kind]]), orjson.dumps(item)) for item in items]
        for kind, items in (await _listed(reader)).items()
    }
