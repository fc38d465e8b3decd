"""Read queries for equipment and its operators."""

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, json_list

EQUIPMENT = ListQuery(
    select="""
        SELECT equipment.id AS row_id, equipment.slug, equipment.name, equipment.aliases,
               category.slug AS category, equipment.role, origin.iso2 AS origin_country,
               organization.slug AS "manufacturer.slug",
               organization.name AS "manufacturer.name"
        FROM equipment
        JOIN category ON category.id = equipment.category_id
        LEFT JOIN country AS origin ON origin.id = equipment.origin_country_id
        LEFT JOIN organization ON organization.id = equipment.manufacturer_id
    """,
    count="SELECT count(*) FROM equipment",
    order_by="equipment.slug",
    sortable={"name": "equipment.name", "category": "category.slug"},
)
OPERATED_BY = (
    "equipment.id IN (SELECT equipment_id FROM inventory_entry WHERE country_id IN {values})"
)
OPERATORS = """
    SELECT DISTINCT country.iso2 AS code, country.name
    FROM inventory_entry JOIN country ON country.id = inventory_entry.country_id
    WHERE inventory_entry.equipment_id = :id ORDER BY country.iso2
"""


async def _complete(reader: Reader, rows: list[Row]) -> list[Row]:
    for row in rows:
        row["aliases"] = json_list(row["aliases"])
    return await with_citations(reader, "equipment", rows)


async def list_equipment(
    reader: Reader,
    window: Window,
    *,
    category_ids: list[int] | None = None,
    origin_ids: list[int] | None = None,
    operator_ids: list[int] | None = None,
) -> Found:
    where = (
        Where()
        .add_in("equipment.category_id", "category", category_ids)
        .add_in("equipment.origin_country_id", "origin", origin_ids)
        .add_linked(OPERATED_BY, "operator", operator_ids)
    )
    total, rows = await EQUIPMENT.page(reader, window, where)
    return total, await _complete(reader, rows)


async def get_equipment(reader: Reader, slug: str) -> Row | None:
    rows = await EQUIPMENT.rows(reader, Where().add("equipment.slug = :slug", slug=slug))
    if not rows:
        return None
    operators = await reader.all(OPERATORS, {"id": rows[0]["row_id"]})
    return (await _complete(reader, rows))[0] | {"operators": operators}
