"""Read queries for inventory entries."""

from typing import Any

from app.core.reader import Params, Reader, conditions, page_of

# What an entry is made of; documents.py renders it once per load.
SELECT = """
    SELECT inventory_entry.id, inventory_entry.key, country.iso2, category.slug,
           equipment.slug, equipment.name, inventory_entry.quantity, inventory_entry.qualifier,
           inventory_entry.as_of, inventory_entry.kind, inventory_entry.note
    FROM inventory_entry
    JOIN country ON country.id = inventory_entry.country_id
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
    WHERE {where}
"""
COUNT = "SELECT count(*) FROM inventory_entry WHERE {where}"
# The read model (see documents.py): the same rows, rendered at load time. A whole country
# is an index range of its own; a filtered list joins the facts to filter them.
COUNTRY_DOCUMENTS = "SELECT body FROM inventory_entry_document WHERE country_id = :country_id"
DOCUMENTS = """
    SELECT inventory_entry_document.body
    FROM inventory_entry
    JOIN inventory_entry_document
      ON inventory_entry_document.inventory_entry_id = inventory_entry.id
    WHERE {where}
"""
ORDER = (
    "country.iso2, category.slug, COALESCE(equipment.slug, ''), "
    "COALESCE(inventory_entry.as_of, ''), inventory_entry.key"
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


def list_inventory(
    reader: Reader,
    *,
    country_id: int | None,
    category_id: int | None,
    equipment_id: int | None,
    as_of: str | None,
    latest: bool,
    limit: int,
    offset: int,
) -> tuple[int, list[bytes]]:
    """A page of entries as pre-rendered JSON documents, and the total over all pages."""
    clauses: list[str] = []
    params: Params = {}
    if country_id is not None:
        clauses.append("inventory_entry.country_id = :country_id")
        params["country_id"] = country_id
    if category_id is not None:
        clauses.append("inventory_entry.category_id = :category_id")
        params["category_id"] = category_id
    if equipment_id is not None:
        clauses.append("inventory_entry.equipment_id = :equipment_id")
        params["equipment_id"] = equipment_id
    if as_of is not None:
        # A period matches every date within it: 2021 matches 2021-11-12.
        clauses.append("(inventory_entry.as_of = :as_of OR inventory_entry.as_of LIKE :within)")
        params |= {"as_of": as_of, "within": as_of + "-%"}
    if latest:
        clauses.append(LATEST)
    where = conditions(clauses)
    whole_country = country_id is not None and len(clauses) == 1
    total, rows = page_of(
        reader,
        select=COUNTRY_DOCUMENTS if whole_country else DOCUMENTS.format(where=where),
        count=COUNT.format(where=where),
        params=params,
        order_by="position" if whole_country else "inventory_entry_document.position",
        limit=limit,
        offset=offset,
    )
    return total, [bytes(body) for (body,) in rows]


def shape(row: tuple[Any, ...]) -> tuple[int, dict[str, Any]]:
    (row_id, key, country, category, slug, name, quantity, qualifier, as_of, kind, note) = row
    return row_id, {
        "id": key,
        "country": country,
        "category": category,
        "equipment": {"slug": slug, "name": name} if slug is not None else None,
        "quantity": quantity,
        "qualifier": qualifier,
        "as_of": as_of,
        "kind": kind,
        "note": note,
    }
