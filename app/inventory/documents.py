"""The inventory read model: every entry rendered once, at load time, as the API serves it.

The dataset changes only when it is loaded, so the loader renders each entry (with its
citations) to JSON and ranks it in the API's order; the route then reads one text column per
entry. Rendering uses the same query and shaping as the live path, so the two cannot differ.
"""

from typing import Any

import orjson
from sqlalchemy import Connection, insert, text

from app.citations.queries import citation_item
from app.inventory.models import InventoryEntryDocument
from app.inventory.queries import ORDER, SELECT, shape

CITATIONS = """
    SELECT citation.inventory_entry_id, source.slug, citation.quote, citation.attributed_to,
           citation.start_offset, citation.end_offset
    FROM citation JOIN source ON source.id = citation.source_id
    WHERE citation.inventory_entry_id IS NOT NULL
    ORDER BY citation.inventory_entry_id, citation.position, citation.id
"""


def rebuild_inventory_documents(connection: Connection) -> int:
    """Replace every inventory document; returns how many there are."""
    citations: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(text(CITATIONS)):
        citations.setdefault(row[0], []).append(citation_item(tuple(row[1:])))
    country_of: dict[int, int] = dict(
        (row[0], row[1])
        for row in connection.execute(text("SELECT id, country_id FROM inventory_entry"))
    )
    entries = connection.execute(text(SELECT.format(where="1 = 1") + f" ORDER BY {ORDER}"))
    documents = []
    for position, row in enumerate(entries):
        entry_id, item = shape(tuple(row))
        item["citations"] = citations.get(entry_id, [])
        documents.append(
            {
                "inventory_entry_id": entry_id,
                "country_id": country_of[entry_id],
                "position": position,
                "body": orjson.dumps(item),
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
