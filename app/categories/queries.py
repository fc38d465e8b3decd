"""Read queries for categories."""

from typing import Any

from app.core.reader import Reader, page_of

SELECT = "SELECT slug, label, un_register_category, description FROM category"


def list_categories(reader: Reader, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total, rows = page_of(
        reader,
        select=SELECT,
        count="SELECT count(*) FROM category",
        params={},
        order_by="slug",
        limit=limit,
        offset=offset,
    )
    return total, [
        {"slug": slug, "label": label, "un_register_category": un, "description": description}
        for slug, label, un, description in rows
    ]
