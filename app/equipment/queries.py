"""Read queries for equipment and its operators."""

from typing import Any

from app.citations.queries import with_citations
from app.core.reader import Params, Reader, conditions, json_list, page_of

SELECT = """
    SELECT equipment.id, equipment.slug, equipment.name, equipment.aliases, category.slug,
           equipment.role, origin.iso2, organization.slug, organization.name
    FROM equipment
    JOIN category ON category.id = equipment.category_id
    LEFT JOIN country AS origin ON origin.id = equipment.origin_country_id
    LEFT JOIN organization ON organization.id = equipment.manufacturer_id
    WHERE {where}
"""
COUNT = "SELECT count(*) FROM equipment WHERE {where}"
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
    clauses: list[str] = []
    params: Params = {}
    if category_id is not None:
        clauses.append("equipment.category_id = :category_id")
        params["category_id"] = category_id
    if origin_id is not None:
        clauses.append("equipment.origin_country_id = :origin_id")
        params["origin_id"] = origin_id
    if operator_id is not None:
        clauses.append(OPERATED_BY)
        params["operator_id"] = operator_id
    where = conditions(clauses)
    total, rows = page_of(
        reader,
        select=SELECT.format(where=where),
        count=COUNT.format(where=where),
        params=params,
        order_by="equipment.slug",
        limit=limit,
        offset=offset,
    )
    return total, with_citations(reader, "equipment_id", [shape(row) for row in rows])


def get_equipment(reader: Reader, slug: str) -> dict[str, Any] | None:
    rows = reader.tuples(SELECT.format(where="equipment.slug = :slug"), {"slug": slug})
    if not rows:
        return None
    operators = reader.all(
        """
        SELECT DISTINCT country.iso2 AS code, country.name
        FROM inventory_entry JOIN country ON country.id = inventory_entry.country_id
        WHERE inventory_entry.equipment_id = :id ORDER BY country.iso2
        """,
        {"id": rows[0][0]},
    )
    detail = with_citations(reader, "equipment_id", [shape(rows[0])])[0]
    detail["operators"] = operators
    return detail


def shape(row: tuple[Any, ...]) -> tuple[int, dict[str, Any]]:
    row_id, slug, name, aliases, category, role, origin, maker_slug, maker_name = row
    return row_id, {
        "slug": slug,
        "name": name,
        "aliases": json_list(aliases),
        "category": category,
        "role": role,
        "origin_country": origin,
        "manufacturer": {"slug": maker_slug, "name": maker_name} if maker_slug else None,
    }
