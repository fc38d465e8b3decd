"""Read queries for inventory entries: pages of the read model (see documents.py)."""

from collections.abc import Sequence

from app.core.filters import on_or_after, on_or_before, within
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
    sortable={"as_of": "inventory_entry.as_of", "quantity": "inventory_entry.quantity"},
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
    category_ids: list[int] | None = None,
    equipment_ids: list[int] | None = None,
    as_of: str | None = None,
    as_of_from: str | None = None,
    as_of_to: str | None = None,
    stances: Sequence[str] | None = None,
    latest: bool = False,
) -> Rendered:
    """A page of a country's entries as their rendered JSON documents, and the total over all
    pages."""
    where = (
        Where()
        .add_in("inventory_entry.category_id", "category", category_ids)
        .add_in("inventory_entry.equipment_id", "equipment", equipment_ids)
        .add(within("inventory_entry.as_of", "as_of"), as_of=as_of)
        .add(on_or_after("inventory_entry.as_of", "as_of_from"), as_of_from=as_of_from)
        .add(on_or_before("inventory_entry.as_of", "as_of_to"), as_of_to=as_of_to)
        .add_in("inventory_entry.stance", "stance", stances)
        .add(LATEST if latest else None)
    )
    if where.clauses or window.order:
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
