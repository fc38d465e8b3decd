"""Read queries for categories."""

from app.core.pagination import Found, Window, read_page
from app.core.reader import Reader, Where


def list_categories(reader: Reader, window: Window) -> Found:
    return read_page(
        reader,
        select="SELECT slug, label, un_register_category, description FROM category",
        count="SELECT count(*) FROM category",
        where=Where(),
        order_by="slug",
        window=window,
    )
