"""Reading citations: every citation of a set of facts in one statement."""

from collections.abc import Sequence
from typing import Any

from app.core.reader import Reader, expand_list

SUBJECTS = frozenset(
    {
        "inventory_entry_id",
        "transfer_id",
        "agreement_id",
        "country_indicator_id",
        "equipment_id",
        "organization_id",
    }
)
Citation = dict[str, Any]


def citations_for(reader: Reader, subject: str, ids: Sequence[int]) -> dict[int, list[Citation]]:
    """Citations of each fact, by the fact's database id, in the order the data file gives."""
    if subject not in SUBJECTS:
        raise ValueError(f"not a citation subject: {subject}")
    if not ids:
        return {}
    placeholders, params = expand_list("id", ids)
    rows = reader.tuples(
        f"""
        SELECT citation.{subject}, source.slug, citation.quote, citation.attributed_to,
               citation.start_offset, citation.end_offset
        FROM citation JOIN source ON source.id = citation.source_id
        WHERE citation.{subject} IN {placeholders}
        ORDER BY citation.{subject}, citation.position, citation.id
        """,
        params,
    )
    grouped: dict[int, list[Citation]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(citation_item(row[1:]))
    return grouped


def citation_item(row: tuple[Any, ...]) -> Citation:
    """(source slug, quote, attributed_to, start, end) as CitationOut serves it."""
    source_id, quote, attributed_to, start, end = row
    return {
        "source_id": source_id,
        "quote": quote,
        "attributed_to": attributed_to,
        "start_offset": start,
        "end_offset": end,
    }


def with_citations(
    reader: Reader, subject: str, facts: list[tuple[int, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Each fact (database id, shaped item) given its `citations`, in one statement."""
    by_id = citations_for(reader, subject, [fact_id for fact_id, _ in facts])
    items = []
    for fact_id, item in facts:
        item["citations"] = by_id.get(fact_id, [])
        items.append(item)
    return items
