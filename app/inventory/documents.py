"""The inventory read model: every entry rendered once, at load time, as the API serves it.

The dataset changes only when it is loaded, so the loader renders each entry (with its
citations) to JSON and ranks it in the API's order; the route then reads one column per
entry (queries.py). A load renders again only the entries it changed: at a million entries,
rendering every one takes longer than the rest of a small change's load.
"""

from collections.abc import Callable

import orjson
from sqlalchemy import Connection, text

from app.citations.queries import by_fact, citations_statement
from app.core.bulk import insert_rows
from app.core.reader import Params, Row, id_list, rows_by_name
from app.inventory.models import InventoryEntryDocument

# An entry as InventoryEntryOut serves it (without its citations), and the API's order.
COLUMNS = """
    inventory_entry.id AS row_id, inventory_entry.key AS id, country.iso2 AS country,
    category.slug AS category, equipment.slug AS "equipment.slug",
    equipment.name AS "equipment.name", inventory_entry.quantity,
    inventory_entry.qualifier, inventory_entry.as_of, inventory_entry.kind,
    inventory_entry.stance, inventory_entry.hedge, inventory_entry.note
"""
FROM = """
    FROM inventory_entry
    JOIN country ON country.id = inventory_entry.country_id
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
"""
ENTRIES = f"SELECT {COLUMNS} {FROM}"
ORDER = (
    "country.iso2, category.slug, COALESCE(equipment.slug, ''), "
    "COALESCE(inventory_entry.as_of, ''), inventory_entry.key"
)

# Entries rendered per statement: memory stays that of a batch however many entries there are.
BATCH = 5000
# Every entry's rank in the API's order, ranked once by the database; the entries to render
# are then numbered densely (`n`), so each batch is an index range (a LIMIT/OFFSET walk
# would sort everything again for every batch).
RANKS = "inventory_entry_rank"
RENDER = "inventory_entry_to_render"
RANKED = f"""
    INSERT INTO {RANKS} (position, inventory_entry_id, country_id)
    SELECT ROW_NUMBER() OVER (ORDER BY {ORDER}) - 1, inventory_entry.id,
           inventory_entry.country_id
    {FROM}
"""
# An entry is rendered when it has no document: new, changed, or every one on a rebuild.
TO_RENDER = f"""
    INSERT INTO {RENDER} (n, position, inventory_entry_id, country_id)
    SELECT ROW_NUMBER() OVER (ORDER BY position) - 1, position, inventory_entry_id, country_id
    FROM {RANKS}
    WHERE NOT EXISTS (SELECT 1 FROM inventory_entry_document
                      WHERE inventory_entry_id = {RANKS}.inventory_entry_id)
"""
# The documents kept move to their entries' new places (others were added or removed).
MOVED = f"""
    UPDATE inventory_entry_document SET position = {RANKS}.position FROM {RANKS}
    WHERE {RANKS}.inventory_entry_id = inventory_entry_document.inventory_entry_id
      AND inventory_entry_document.position <> {RANKS}.position
"""
IN_BATCH = f"{RENDER}.n >= :first AND {RENDER}.n < :last"
BATCH_ENTRIES = f"""
    SELECT {RENDER}.position AS position, {RENDER}.country_id AS country_id, {COLUMNS}
    {FROM}
    JOIN {RENDER} ON {RENDER}.inventory_entry_id = inventory_entry.id
    WHERE {IN_BATCH}
    ORDER BY {RENDER}.n
"""


def changed_entries(touched: Callable[[str], str], stale: Callable[[str], str]) -> str:
    """The entries whose documents a load changes, given the temporary tables naming the
    rows it inserted or updated (`touched(table)`) and those it is about to delete
    (`stale(table)`): an entry's document is its row, its citations and its equipment's
    name (its country, category and equipment appear by natural key, which never changes)."""
    # Joins, not `IN (...) OR IN (...)`: PostgreSQL cannot hash an OR of subqueries, and
    # would scan a million touched citations once for every citation.
    return f"""
        SELECT id FROM {touched("inventory_entry")}
        UNION SELECT citation.inventory_entry_id FROM citation
        JOIN {touched("citation")} AS touched ON touched.id = citation.id
        WHERE citation.inventory_entry_id IS NOT NULL
        UNION SELECT citation.inventory_entry_id FROM citation
        JOIN {stale("citation")} AS stale ON stale.id = citation.id
        WHERE citation.inventory_entry_id IS NOT NULL
        UNION SELECT inventory_entry.id FROM inventory_entry
        JOIN {touched("equipment")} AS touched ON touched.id = inventory_entry.equipment_id
    """


DOCUMENT_COLUMNS = ("inventory_entry_id", "country_id", "position", "body")
Document = tuple[int, int, int, bytes]


def _rows(connection: Connection, sql: str, params: Params) -> list[Row]:
    result = connection.execute(text(sql), params)
    return rows_by_name(list(result.keys()), result.fetchall())


def _documents(connection: Connection, first: int, last: int) -> list[Document]:
    """The documents of the entries numbered `first` to `last` (excluded), their values in
    DOCUMENT_COLUMNS order."""
    entries = _rows(connection, BATCH_ENTRIES, {"first": first, "last": last})
    if not entries:
        return []
    # The batch's citations by their entries' ids, listed: a lookup in the citations' index
    # for each, where a subquery of a temporary table (which PostgreSQL has no statistics
    # of) would have it read every citation for every batch.
    where = f"citation.inventory_entry_id IN {id_list(entry['row_id'] for entry in entries)}"
    citations = by_fact(_rows(connection, citations_statement("inventory_entry", where), {}))
    documents = []
    for entry in entries:
        entry_id, country_id = entry.pop("row_id"), entry.pop("country_id")
        position = entry.pop("position")
        entry["citations"] = citations.get(entry_id, [])
        documents.append((entry_id, country_id, position, orjson.dumps(entry)))
    return documents


def rebuild_inventory_documents(connection: Connection, changed: str | None = None) -> int:
    """Render the documents of the entries `changed` selects (SQL; None: every entry) and of
    any entry without one, `BATCH` entries at a time, and give every document its entry's
    place in the API's order, in the connection's transaction; returns how many were
    rendered."""
    table = InventoryEntryDocument.__table__  # type: ignore[attr-defined]
    if changed is None:
        connection.execute(table.delete())
    else:
        connection.execute(
            text(f"DELETE FROM inventory_entry_document WHERE inventory_entry_id IN ({changed})")
        )
    connection.execute(
        text(
            f"CREATE TEMPORARY TABLE {RANKS} (position INTEGER PRIMARY KEY, "
            "inventory_entry_id INTEGER NOT NULL, country_id INTEGER NOT NULL)"
        )
    )
    connection.execute(text(RANKED))
    connection.execute(text(f"CREATE INDEX ix_{RANKS}_entry ON {RANKS} (inventory_entry_id)"))
    if changed is not None:
        connection.execute(text(MOVED))
    connection.execute(
        text(
            f"CREATE TEMPORARY TABLE {RENDER} (n INTEGER PRIMARY KEY, position INTEGER NOT NULL, "
            "inventory_entry_id INTEGER NOT NULL, country_id INTEGER NOT NULL)"
        )
    )
    total = connection.execute(text(TO_RENDER)).rowcount
    for first in range(0, total, BATCH):
        documents = _documents(connection, first, first + BATCH)
        insert_rows(connection, "inventory_entry_document", DOCUMENT_COLUMNS, documents)
    connection.execute(text(f"DROP TABLE {RENDER}"))
    connection.execute(text(f"DROP TABLE {RANKS}"))
    return total


def inventory_documents_are_stale(connection: Connection) -> bool:
    """True when some entry has no document (a database loaded before documents existed)."""
    missing = connection.execute(
        text(
            "SELECT 1 FROM inventory_entry WHERE NOT EXISTS (SELECT 1 FROM "
            "inventory_entry_document WHERE inventory_entry_id = inventory_entry.id) LIMIT 1"
        )
    )
    return missing.first() is not None
