"""Reading citations: every citation of a set of facts in one statement."""

from collections.abc import Sequence
from typing import Any

from app.core.reader import Reader, Row, expand_list

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


def citations_for(reader: Reader, subject: str, ids: Sequence[int]) -> dict[int, list[Row]]:
    """Citations of each fact, by the fact's database id, in the order the data file gives."""
    if subject not in SUBJECTS:
        raise ValueError(f"not a citation subject: {subject}")
    if not ids:
        return {}
    placeholders, params = expand_list("id", ids)
    rows = reader.all(
        f"""
        SELECT citation.{subject} AS subject_id, source.slug AS source_id, citation.quote,
               citation.attributed_to, citation.start_offset, citation.end_offset
        FROM citation JOIN source ON source.id = citation.source_id
        WHERE citation.{subject} IN {placeholders}
        ORDER BY citation.{subject}, citation.position, citation.id
        """,
        params,
    )
    grouped: dict[int, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.pop("subject_id"), []).append(row)
    return grouped


def attach_citations(
    reader: Reader, subject: str, items: list[dict[str, Any]], id_key: str = "_id"
) -> list[dict[str, Any]]:
    """Give each item its `citations`, dropping the internal database id used to find them."""
    by_id = citations_for(reader, subject, [item[id_key] for item in items])
    for item in items:
        item["citations"] = by_id.get(item.pop(id_key), [])
    return items
