"""Read queries for sources."""

from typing import Any

from app.core.reader import Reader, Row, page_of

# Aliased so that `Reader.all` hands back dicts in the order of SourceOut.
COLUMNS = "slug AS id, title, author, publisher, published_on, url, file, sha256, note"


def list_sources(reader: Reader, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total, rows = page_of(
        reader,
        select=f"SELECT {COLUMNS} FROM source",
        count="SELECT count(*) FROM source",
        params={},
        order_by="slug",
        limit=limit,
        offset=offset,
    )
    names = [column.split(" AS ")[-1].strip() for column in COLUMNS.split(",")]
    return total, [dict(zip(names, row, strict=True)) for row in rows]


def get_source(reader: Reader, source_id: str) -> Row | None:
    return reader.one(f"SELECT {COLUMNS}, text FROM source WHERE slug = :slug", {"slug": source_id})
