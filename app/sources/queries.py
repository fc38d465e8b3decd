"""Read queries for sources."""

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where

# SourceOut's fields, in its order.
COLUMNS = "slug AS id, title, author, publisher, published_on, url, file, sha256, note"
SOURCES = ListQuery(
    select=f"SELECT {COLUMNS} FROM source", count="SELECT count(*) FROM source", order_by="slug"
)


def list_sources(reader: Reader, window: Window) -> Found:
    return SOURCES.page(reader, window, Where())


def get_source(reader: Reader, source_id: str) -> Row | None:
    return reader.one(f"SELECT {COLUMNS}, text FROM source WHERE slug = :slug", {"slug": source_id})
