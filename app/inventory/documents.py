"""The inventory read model: every entry rendered once, at load time, as the API serves it.

The dataset changes only when it is loaded, so the loader renders each entry (with its
citations) to JSON and ranks it in the API's order; the route then reads one column per
entry (queries.py).
"""

import orjson
from sqlalchemy import Connection, insert, text

from app.citations.queries import by_fact, citations_statement
from app.core.reader import Row, rows_by_name
from app.inventory.models import InventoryEntryDocument

# An entry as InventoryEntryOut serves it (without its citations), and the API's order.
ENTRIES = """
    SELECT inventory_entry.id AS row_id, inventory_entry.key AS id, country.iso2 AS country,
           category.slug AS category, equipment.slug AS "equipment.slug",
           equipment.name AS "equipment.name", inventory_entry.quantity,
           inventory_entry.qualifier, inventory_entry.as_of, inventory_entry.kind,
           inventory_entry.stance, inventory_entry.hedge, inventory_entry.note
    FROM inventory_entry
    JOIN country ON country.id = inventory_entry.country_id
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
"""
ORDER = (
    "country.iso2, category.slug, COALESCE(equipment.slug, ''), "
    "COALESCE(inventory_entry.as_of, ''), inventory_entry.key"
)
CITATIONS = citations_statement("inventory_entry", "citation.inventory_entry_id IS NOT NULL")


def _rows(connection: Connection, sql: str) -> list[Row]:
    result = connection.execute(text(sql))
    return rows_by_name(list(result.keys()), result)


def rebuild_inventory_documents(connection: Connection) -> int:
    """Replace every inventory document; returns how many there are."""
    citations = by_fact(_rows(connection, CITATIONS))
    country_of = {
        row["id"]: row["country_id"]
        for row in _rows(connection, "SELECT id, country_id FROM inventory_entry")
    }
    documents = []
    for position, entry in enumerate(_rows(connection, f"{ENTRIES} ORDER BY {ORDER}")):
        entry_id = entry.pop("row_id")
        entry["citations"] = citations.get(entry_id, [])
        documents.append(
            {
                "inventory_entry_id": entry_id,
                "country_id": country_of[entry_id],
                "position": position,
                "body": orjson.dumps(entry),
            }
        )
    table = InventoryEntryDocument.__table__  # type: ignore[attr-defined]
    connection.execute(table.delete())
    if documents:
        connection.execute(insert(table), documents)
    return len(documents)


def inventory_documents_are_stale(connection: Connection) -> bool:
    """True when some entry has no document (a database loaded before documents existed)."""
    missing = connection.execute(
        text(
            "SELECT 1 FROM inventory_entry WHERE NOT EXISTS (SELECT 1 FROM "
            "inventory_entry_document WHERE inventory_entry_id = inventory_entry.id) LIMIT 1"
        )
    )
    return missing.first() is not None
