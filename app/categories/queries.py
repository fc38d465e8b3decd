"""Read queries for categories."""

from app.core.reader import Reader, Row, fetch_page

COLUMNS = "slug, label, un_register_category, description"


def list_categories(reader: Reader, limit: int, offset: int) -> tuple[int, list[Row]]:
    return fetch_page(reader, COLUMNS, "category", {}, "slug", limit, offset)


def category_slugs(reader: Reader) -> list[str]:
    return [row["slug"] for row in reader.all("SELECT slug FROM category ORDER BY slug")]
