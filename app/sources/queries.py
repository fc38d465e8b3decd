"""Read queries for sources."""

from app.core.reader import Reader, Row, fetch_page

COLUMNS = "slug AS id, title, author, publisher, published_on, url, file, sha256, note"


def list_sources(reader: Reader, limit: int, offset: int) -> tuple[int, list[Row]]:
    return fetch_page(reader, COLUMNS, "source", {}, "slug", limit, offset)


def get_source(reader: Reader, source_id: str) -> Row | None:
    return reader.one(f"SELECT {COLUMNS}, text FROM source WHERE slug = :slug", {"slug": source_id})
