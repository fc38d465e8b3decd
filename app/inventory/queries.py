"""Read queries for inventory entries."""

from typing import Any

from app.citations.queries import attach_citations
from app.core.reader import Reader, Row, fetch_page, nest

COLUMNS = """
    inventory_entry.id AS _id, inventory_entry.key AS id, country.iso2 AS country,
    category.slug AS category, equipment.slug AS equipment_slug,
    equipment.name AS equipment_name, inventory_entry.quantity, inventory_entry.qualifier,
    inventory_entry.as_of, inventory_entry.kind, inventory_entry.note
"""
FROM = """
    inventory_entry
    JOIN country ON country.id = inventory_entry.country_id
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
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
) -> tuple[int, list[dict[str, Any]]]:
    conditions = ["1 = 1"]
    params: dict[str, Any] = {}
    if country_id is not None:
        conditions.append("inventory_entry.country_id = :country_id")
        params["country_id"] = country_id
    if category_id is not None:
        conditions.append("inventory_entry.category_id = :category_id")
        params["category_id"] = category_id
    if equipment_id is not None:
        conditions.append("inventory_entry.equipment_id = :equipment_id")
        params["equipment_id"] = equipment_id
    if as_of is not None:
        # A period matches every date within it: 2021 matches 2021-11-12.
        conditions.append("(inventory_entry.as_of = :as_of OR inventory_entry.as_of LIKE :within)")
        params |= {"as_of": as_of, "within": as_of + "-%"}
    if latest:
        conditions.append(LATEST)
    where = FROM + " WHERE " + " AND ".join(conditions)
    total, rows = fetch_page(reader, COLUMNS, where, params, ORDER, limit, offset)
    return total, attach_citations(reader, "inventory_entry_id", [shape(row) for row in rows])


def shape(row: Row) -> Row:
    row["equipment"] = nest(row, "equipment", "slug", "name")
    return row
