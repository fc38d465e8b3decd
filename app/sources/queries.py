"""Read queries for sources."""

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where

# SourceOut's fields, in its order.
COLUMNS = "slug AS id, title, author, publisher, published_on, url, file, sha256, note"
SOURCES = ListQuery(
    select=f"SELECT {COLUMNS} FROM source",
    count="SELECT count(*) FROM source",
    order_by="slug",
    sortable={"published_on": "published_on", "title": "title"},
)


async def list_sources(reader: Reader, window: Window) -> Found:
    return await SOURCES.page(reader, window, Where())


async def get_source(reader: Reader, source_id: str) -> Row | None:
    return await reader.one(
        f"SELECT {COLUMNS}, text FROM source WHERE slug = :slug", {"slug": source_id}
    )
