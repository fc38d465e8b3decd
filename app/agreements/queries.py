"""Read queries for agreements and their parties."""

from typing import Any

from app.citations.queries import with_citations
from app.core.reader import Params, Reader, conditions, expand_list, json_list, page_of

SELECT = """
    SELECT agreement.id, agreement.key, agreement.title, agreement.type, agreement.signed_on,
           agreement.ratified_on, agreement.status, agreement.place, agreement.terms,
           agreement.note
    FROM agreement WHERE {where}
"""
COUNT = "SELECT count(*) FROM agreement WHERE {where}"
ORDER = "COALESCE(agreement.signed_on, agreement.ratified_on, ''), agreement.key"
PARTY_OF_COUNTRY = (
    "EXISTS (SELECT 1 FROM agreement_party WHERE agreement_party.agreement_id = agreement.id"
    " AND agreement_party.country_id = :country_id)"
)


def list_agreements(
    reader: Reader,
    *,
    country_id: int | None = None,
    type_: str | None = None,
    year: int | None = None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    clauses: list[str] = []
    params: Params = {}
    if country_id is not None:
        clauses.append(PARTY_OF_COUNTRY)
        params["country_id"] = country_id
    if type_ is not None:
        clauses.append("lower(agreement.type) = lower(:type)")
        params["type"] = type_
    if year is not None:
        clauses.append("(agreement.signed_on LIKE :year OR agreement.ratified_on LIKE :year)")
        params["year"] = f"{year:04d}%"
    where = conditions(clauses)
    total, rows = page_of(
        reader,
        select=SELECT.format(where=where),
        count=COUNT.format(where=where),
        params=params,
        order_by=ORDER,
        limit=limit,
        offset=offset,
    )
    return total, complete(reader, rows)


def get_agreement(reader: Reader, agreement_id: str) -> dict[str, Any] | None:
    rows = reader.tuples(SELECT.format(where="agreement.key = :key"), {"key": agreement_id})
    return complete(reader, rows)[0] if rows else None


def complete(reader: Reader, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """Parties and citations for a set of agreements: one statement each."""
    if not rows:
        return []
    placeholders, params = expand_list("id", [row[0] for row in rows])
    parties = reader.tuples(
        f"""
        SELECT agreement_party.agreement_id,
               COALESCE(country.iso2, organization.slug),
               COALESCE(country.name, organization.name),
               CASE WHEN country.id IS NULL THEN 'organization' ELSE 'country' END,
               agreement_party.role
        FROM agreement_party
        LEFT JOIN country ON country.id = agreement_party.country_id
        LEFT JOIN organization ON organization.id = agreement_party.organization_id
        WHERE agreement_party.agreement_id IN {placeholders}
        ORDER BY agreement_party.agreement_id, agreement_party.position
        """,
        params,
    )
    by_agreement: dict[int, list[dict[str, Any]]] = {}
    for agreement_id, code, name, kind, role in parties:
        by_agreement.setdefault(agreement_id, []).append(
            {"code": code, "name": name, "kind": kind, "role": role}
        )
    facts = []
    for row_id, key, title, type_, signed_on, ratified_on, status, place, terms, note in rows:
        facts.append(
            (
                row_id,
                {
                    "id": key,
                    "title": title,
                    "type": type_,
                    "parties": by_agreement.get(row_id, []),
                    "signed_on": signed_on,
                    "ratified_on": ratified_on,
                    "status": status,
                    "place": place,
                    "terms": json_list(terms),
                    "note": note,
                },
            )
        )
    return with_citations(reader, "agreement_id", facts)
