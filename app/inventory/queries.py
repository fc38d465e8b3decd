"""Read queries for inventory entries: pages of the read model (see documents.py)."""

from app.core.pagination import ListQuery, Rendered, Window
from app.core.reader import Reader, Where

# The rendered documents (documents.py): a whole country straight from the read model, an
# index range already in order; a filtered list through the facts it filters on.
COUNT = "SELECT count(*) FROM inventory_entry"
COUNTRY_DOCUMENTS = ListQuery(
    select="SELECT body FROM inventory_entry_document", count=COUNT, order_by="position"
)
DOCUMENTS = ListQuery(
    select="""
        SELECT inventory_entry_document.body
        FROM inventory_entry
        JOIN inventory_entry_document
          ON inventory_entry_document.inventory_entry_id = inventory_entry.id
    """,
    count=COUNT,
    order_by="inventory_entry_document.position",
)
# No newer claim for the same (category, equipment) in the same country: the latest ones,
# all of them when two sources give the same date.
LATEST = """
    NOT EXISTS (
        SELECT 1 FROM inventory_entry AS newer
        WHERE newer.country_id = inventory_entry.country_id
          AND newer.category_id = inventory_entry.category_id
          AND COALESCE(newer.equipment_id, 0) = COALESCE(inventory_entry.equipment_id, 0)
          AND COALESCE(newer.as_of, '') > COALESCE(inventory_entry.as_of, '')
    )
"""


async def list_inventory(
    reader: Reader,
    window: Window,
    country_id: int,
    *,
    category_id: int | None = None,
    equipment_id: int | None = None,
    as_of: str | None = None,
    latest: bool = False,
) -> Rendered:
    """A page of a country's entries as their rendered JSON documents, and the total over all
    pages."""
    # A period matches every date within it: 2021 matches 2021-11-12.
    within = None if as_of is None else f"{as_of}-%"
    where = (
        Where()
        .add("inventory_entry.category_id = :category_id", category_id=category_id)
        .add("inventory_entry.equipment_id = :equipment_id", equipment_id=equipment_id)
        .add(
            "(inventory_entry.as_of = :as_of OR inventory_entry.as_of LIKE :within)",
            as_of=as_of,
            within=within,
        )
        .add(LATEST if latest else None)
    )
    if where.clauses:
        where.add("inventory_entry.country_id = :country_id", country_id=country_id)
        total, rows = await DOCUMENTS.page(reader, window, where)
    else:
        where.add("country_id = :country_id", country_id=country_id)
        total, rows = await COUNTRY_DOCUMENTS.page(reader, window, where)
    return total, [bytes(row["body"]) for row in rows]


async def every_document(reader: Reader) -> list[bytes]:
    """Every entry of every country, rendered, in the API's order (for the export)."""
    rows = await reader.all("SELECT body FROM inventory_entry_document ORDER BY position")
    return [bytes(row["body"]) for row in rows]
