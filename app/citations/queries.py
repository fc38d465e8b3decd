"""Reading citations: every citation of a set of facts in one statement."""

from collections.abc import Iterable, Sequence

from app.citations.models import SUBJECT_COLUMNS, CitationSubject
from app.core.reader import Reader, Row, expand_list


def citations_statement(subject: CitationSubject, where: str) -> str:
    """The citations of `subject` facts, as CitationOut serves them, each with its `fact_id`,
    in the order the data files give them."""
    if f"{subject}_id" not in SUBJECT_COLUMNS:
        raise ValueError(f"not a citation subject: {subject}")
    column = f"citation.{subject}_id"
    return f"""
        SELECT {column} AS fact_id, source.slug AS source_id, citation.quote,
               citation.attributed_to, citation.start_offset, citation.end_offset
        FROM citation JOIN source ON source.id = citation.source_id
        WHERE {where}
        ORDER BY {column}, citation.position, citation.id
    """


def by_fact(citations: Iterable[Row]) -> dict[int, list[Row]]:
    """Citation rows grouped by the database id of the fact they back (`fact_id`, dropped)."""
    grouped: dict[int, list[Row]] = {}
    for citation in citations:
        grouped.setdefault(citation.pop("fact_id"), []).append(citation)
    return grouped


async def citations_for(
    reader: Reader, subject: CitationSubject, ids: Sequence[int]
) -> dict[int, list[Row]]:
    """Citations of each fact, by the fact's database id."""
    if not ids:
        return {}
    placeholders, params = expand_list("id", ids)
    where = f"citation.{subject}_id IN {placeholders}"
    return by_fact(await reader.all(citations_statement(subject, where), params))


async def with_citations(reader: Reader, subject: CitationSubject, facts: list[Row]) -> list[Row]:
    """Each fact given its `citations`, in one statement; the fact's database id, which its
    query selects as `row_id`, is dropped."""
    by_id = await citations_for(reader, subject, [fact["row_id"] for fact in facts])
    for fact in facts:
        fact["citations"] = by_id.get(fact.pop("row_id"), [])
    return facts
