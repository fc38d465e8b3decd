"""Full-text search: SQLite FTS5 or PostgreSQL text search over the search index."""

import re
from typing import Any

from app.core.pagination import Found, Window
from app.core.reader import Reader, expand_list
from app.search.schemas import SearchKind

_WORD = re.compile(r"\w+", re.UNICODE)

SQLITE_HITS = """
    SELECT kind, ref AS id, title,
           snippet(search_document, -1, '<mark>', '</mark>', '…', 16) AS snippet,
           -bm25(search_document, 0.0, 0.0, 10.0, 1.0) AS rank
    FROM search_document
    WHERE search_document MATCH :match {kind}
    ORDER BY rank DESC, kind, ref
    LIMIT :limit OFFSET :offset
"""
SQLITE_TOTAL = "SELECT count(*) FROM search_document WHERE search_document MATCH :match {kind}"
POSTGRES_HITS = """
    SELECT kind, ref AS id, title,
           ts_headline('english', body, query,
                       'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12') AS snippet,
           ts_rank_cd(document, query) AS rank
    FROM search_document, plainto_tsquery('english', :match) AS query
    WHERE document @@ query {kind}
    ORDER BY rank DESC, kind, ref
    LIMIT :limit OFFSET :offset
"""
POSTGRES_TOTAL = """
    SELECT count(*) FROM search_document, plainto_tsquery('english', :match) AS query
    WHERE document @@ query {kind}
"""


def search_terms(q: str) -> list[str]:
    """The words of a query; punctuation and operators are never passed to the engine."""
    return _WORD.findall(q)


async def search(
    reader: Reader, window: Window, terms: list[str], kinds: list[SearchKind] | None
) -> Found:
    """Documents holding every term, best first."""
    params: dict[str, Any] = {"limit": window.limit, "offset": window.offset}
    kind_filter = ""
    if kinds is not None:
        placeholders, kind_params = expand_list("kind", kinds)
        kind_filter = f"AND kind IN {placeholders}"
        params |= kind_params
    if reader.dialect == "sqlite":
        params["match"] = " ".join(f'"{term}"' for term in terms)
        hits, total_sql = SQLITE_HITS, SQLITE_TOTAL
    else:
        params["match"] = " ".join(terms)
        hits, total_sql = POSTGRES_HITS, POSTGRES_TOTAL
    total = int(await reader.scalar(total_sql.format(kind=kind_filter), params) or 0)
    if window.offset >= total:
        return total, []
    rows = await reader.all(hits.format(kind=kind_filter), params)
    for row in rows:
        row["rank"] = round(float(row["rank"]), 6)
    return total, rows
