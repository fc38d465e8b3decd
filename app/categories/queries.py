"""Read queries for categories."""

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where

CATEGORIES = ListQuery(
    select="SELECT slug, label, un_register_category, description FROM category",
    count="SELECT count(*) FROM category",
    order_by="slug",
)


async def list_categories(reader: Reader, window: Window) -> Found:
    return await CATEGORIES.page(reader, window, Where())
