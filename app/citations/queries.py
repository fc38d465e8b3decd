"""Reading citations: every citation of a set of facts in one statement."""

from collections.abc import Iterable, Mapping, Sequence

from app.citations.models import SUBJECT_COLUMNS, CitationSubject
from app.core.reader import Params, Reader, Row, expand_list

# CitationOut's fields in its order; `attributed_to_ref` nests (null when neither is set).
COLUMNS = """
    source.slug AS source_id, citation.quote, citation.attributed_to,
    citation.attributed_kind AS "attributed_to_ref.kind",
    citation.attributed_ref AS "attributed_to_ref.id",
    citation.start_offset, citation.end_offset
"""


def _column(subject: CitationSubject) -> str:
    if f"{subject}_id" not in SUBJECT_COLUMNS:
        raise ValueError(f"not a citation subject: {subject}")
    return f"citation.{subject}_id"


def citations_statement(subject: CitationSubject, where: str) -> str:
    """The citations of `subject` facts, as CitationOut serves them, each with its `fact_id`,
    in the order the data files give them."""
    column = _column(subject)
    return f"""
        SELECT {column} AS fact_id, {COLUMNS}
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
    where = f"{_column(subject)} IN {placeholders}"
    return by_fact(await reader.all(citations_statement(subject, where), params))


async def citations_of_kinds(
    reader: Reader, ids: Mapping[CitationSubject, Sequence[int]]
) -> dict[CitationSubject, dict[int, list[Row]]]:
    """Citations of facts of several kinds (an agreement and its ratification steps, the
    facts of a timeline), in one statement: by kind, then by the fact's database id."""
    wanted = {subject: facts for subject, facts in ids.items() if facts}
    found: dict[CitationSubject, dict[int, list[Row]]] = {subject: {} for subject in ids}
    if not wanted:
        return found
    clauses, params = [], Params()
    for n, (subject, facts) in enumerate(wanted.items()):
        placeholders, values = expand_list(f"id{n}", facts)
        clauses.append(f"{_column(subject)} IN {placeholders}")
        params |= values
    columns = [_column(subject) for subject in wanted]
    fact_id = columns[0] if len(columns) == 1 else f"COALESCE({', '.join(columns)})"
    kind = " ".join(
        f"WHEN {c} IS NOT NULL THEN '{s}'" for c, s in zip(columns, wanted, strict=True)
    )
    statement = f"""
        SELECT CASE {kind} END AS subject, {fact_id} AS fact_id, {COLUMNS}
        FROM citation JOIN source ON source.id = citation.source_id
        WHERE {" OR ".join(clauses)}
        ORDER BY subject, fact_id, citation.position, citation.id
    """
    for citation in await reader.all(statement, params):
        subject = citation.pop("subject")
        found[subject].setdefault(citation.pop("fact_id"), []).append(citation)
    return found


async def with_citations(reader: Reader, subject: CitationSubject, facts: list[Row]) -> list[Row]:
    """Each fact given its `citations`, in one statement; the fact's database id, which its
    query selects as `row_id`, is dropped."""
    by_id = await citations_for(reader, subject, [fact["row_id"] for fact in facts])
    for fact in facts:
        fact["citations"] = by_id.get(fact.pop("row_id"), [])
    return facts
