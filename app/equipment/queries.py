"""Read queries for equipment and its operators."""

from typing import Any

from app.citations.queries import attach_citations
from app.core.reader import Reader, Row, fetch_page, json_list, nest

COLUMNS = """
    equipment.id AS _id, equipment.slug, equipment.name, equipment.aliases,
    category.slug AS category, equipment.role, origin.iso2 AS origin_country,
    organization.slug AS manufacturer_slug, organization.name AS manufacturer_name
"""
FROM = """
    equipment
    JOIN category ON category.id = equipment.category_id
    LEFT JOIN country AS origin ON origin.id = equipment.origin_country_id
    LEFT JOIN organization ON organization.id = equipment.manufacturer_id
"""
OPERATED_BY = (
    "EXISTS (SELECT 1 FROM inventory_entry WHERE inventory_entry.equipment_id = equipment.id"
    " AND inventory_entry.country_id = :operator_id)"
)


def list_equipment(
    reader: Reader,
    *,
    category_id: int | None,
    origin_id: int | None,
    operator_id: int | None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    conditions = ["1 = 1"]
    params: dict[str, Any] = {}
    if category_id is not None:
        conditions.append("equipment.category_id = :category_id")
        params["category_id"] = category_id
    if origin_id is not None:
        conditions.append("equipment.origin_country_id = :origin_id")
        params["origin_id"] = origin_id
    if operator_id is not None:
        conditions.append(OPERATED_BY)
        params["operator_id"] = operator_id
    where = FROM + " WHERE " + " AND ".join(conditions)
    total, rows = fetch_page(reader, COLUMNS, where, params, "equipment.slug", limit, offset)
    return total, attach_citations(reader, "equipment_id", [shape(row) for row in rows])


def get_equipment(reader: Reader, slug: str) -> dict[str, Any] | None:
    row = reader.one(f"SELECT {COLUMNS} FROM {FROM} WHERE equipment.slug = :slug", {"slug": slug})
    if row is None:
        return None
    operators = reader.all(
        """
        SELECT DISTINCT country.iso2 AS code, country.name
        FROM inventory_entry JOIN country ON country.id = inventory_entry.country_id
        WHERE inventory_entry.equipment_id = :id ORDER BY country.iso2
        """,
        {"id": row["_id"]},
    )
    detail = attach_citations(reader, "equipment_id", [shape(row)])[0]
    detail["operators"] = operators
    return detail


def shape(row: Row) -> Row:
    row["aliases"] = json_list(row["aliases"])
    row["manufacturer"] = nest(row, "manufacturer", "slug", "name")
    return row
