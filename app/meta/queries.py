"""Read queries about the dataset as a whole: counts per table and the full export."""

from typing import Any

import orjson

from app.agreements.queries import list_agreements
from app.categories.queries import list_categories
from app.core.pagination import EVERY_ROW
from app.core.reader import Reader
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


async def export(reader: Reader) -> dict[str, Any]:
    """Every table's public rows, as the list routes serve them."""
    texts = await reader.all("SELECT text FROM source ORDER BY slug")
    sources = (await list_sources(reader, EVERY_ROW))[1]
    return {
        "sources": [source | text for source, text in zip(sources, texts, strict=True)],
        "categories": (await list_categories(reader, EVERY_ROW))[1],
        "countries": (await list_countries(reader, EVERY_ROW))[1],
        "indicators": await list_indicators(reader),
        "organizations": (await list_organizations(reader, EVERY_ROW))[1],
        "equipment": (await list_equipment(reader, EVERY_ROW))[1],
        "inventory": [orjson.Fragment(body) for body in await every_document(reader)],
        "transfers": (await list_transfers(reader, EVERY_ROW))[1],
        "agreements": (await list_agreements(reader, EVERY_ROW))[1],
        "people": (await list_people(reader, EVERY_ROW))[1],
        "places": (await list_places(reader, EVERY_ROW))[1],
        "events": (await list_events(reader, EVERY_ROW))[1],
        "relations": (await list_relations(reader, EVERY_ROW))[1],
    }


# Each kind of fact the export holds, and the field that identifies one.
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


async def exported_facts(reader: Reader) -> dict[str, list[tuple[str, bytes]]]:
    """Every fact of the export, kind by kind: its key and its JSON, byte for byte as the
    export serves it."""
    exported = await export(reader)
    exported["inventory"] = await every_document(reader)
    facts: dict[str, list[tuple[str, bytes]]] = {}
    for kind, key in FACT_KEYS.items():
        facts[kind] = []
        for item in exported[kind]:
            body = item if isinstance(item, bytes) else orjson.dumps(item)
            document = orjson.loads(body) if isinstance(item, bytes) else item
            facts[kind].append((str(document[key]), body))
    return facts
