"""Read queries for sources."""

from app.core.pagination import Found, Window, read_page
from app.core.reader import Reader, Row, Where

# SourceOut's fields, in its order.
COLUMNS = "slug AS id, title, author, publisher, published_on, url, file, sha256, note"


def list_sources(reader: Reader, window: Window) -> Found:
    return read_page(
        reader,
        select=f"SELECT {COLUMNS} FROM source",
        count="SELECT count(*) FROM source",
        where=Where(),
        order_by="slug",
        window=window,
    )


def get_source(reader: Reader, source_id: str) -> Row | None:
    return reader.one(f"SELECT {COLUMNS}, text FROM source WHERE slug = :slug", {"slug": source_id})
