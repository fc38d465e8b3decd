"""Read queries about the dataset as a whole: counts per table and the full export."""

from typing import Any

import orjson

from app.agreements.queries import list_agreements
from app.categories.queries import list_categories
from app.core.reader import Reader
from app.countries.queries import list_countries, list_indicators
from app.equipment.queries import list_equipment
from app.inventory.queries import list_inventory
from app.organizations.queries import list_organizations
from app.seeding.loader import TABLE_NAMES
from app.sources.queries import list_sources
from app.transfers.queries import list_transfers

EVERYTHING = 10**9  # a page size that holds every row


def table_counts(reader: Reader) -> dict[str, int]:
    columns = ", ".join(f"(SELECT count(*) FROM {name}) AS {name}" for name in TABLE_NAMES)
    row = reader.one(f"SELECT {columns}") or {}
    return {name: int(value) for name, value in row.items()}


def export(reader: Reader) -> dict[str, Any]:
    """Every table's public rows, as the list routes serve them."""
    sources = [
        source | {"text": text}
        for source, text in zip(
            list_sources(reader, EVERYTHING, 0)[1],
            (row["text"] for row in reader.all("SELECT text FROM source ORDER BY slug")),
            strict=True,
        )
    ]
    return {
        "sources": sources,
        "categories": list_categories(reader, EVERYTHING, 0)[1],
        "countries": list_countries(reader, None, EVERYTHING, 0)[1],
        "indicators": list_indicators(reader),
        "organizations": list_organizations(reader, EVERYTHING, 0)[1],
        "equipment": list_equipment(
            reader, category_id=None, origin_id=None, operator_id=None, limit=EVERYTHING, offset=0
        )[1],
        "inventory": [
            orjson.Fragment(document)
            for document in list_inventory(
                reader,
                country_id=None,
                category_id=None,
                equipment_id=None,
                as_of=None,
                latest=False,
                limit=EVERYTHING,
                offset=0,
            )[1]
        ],
        "transfers": list_transfers(reader, limit=EVERYTHING, offset=0)[1],
        "agreements": list_agreements(reader, limit=EVERYTHING, offset=0)[1],
    }
