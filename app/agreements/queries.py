"""Read queries for agreements and their parties."""

from typing import Any

from app.citations.queries import attach_citations
from app.core.reader import Reader, Row, expand_list, fetch_page, json_list

COLUMNS = """
    agreement.id AS _id, agreement.key AS id, agreement.title, agreement.type,
    agreement.signed_on, agreement.ratified_on, agreement.status, agreement.place,
    agreement.terms, agreement.note
"""
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
    conditions = ["1 = 1"]
    params: dict[str, Any] = {}
    if country_id is not None:
        conditions.append(PARTY_OF_COUNTRY)
        params["country_id"] = country_id
    if type_ is not None:
        conditions.append("lower(agreement.type) = lower(:type)")
        params["type"] = type_
    if year is not None:
        conditions.append("(agreement.signed_on LIKE :year OR agreement.ratified_on LIKE :year)")
        params["year"] = f"{year:04d}%"
    where = "agreement WHERE " + " AND ".join(conditions)
    total, rows = fetch_page(reader, COLUMNS, where, params, ORDER, limit, offset)
    return total, complete(reader, rows)


def get_agreement(reader: Reader, agreement_id: str) -> dict[str, Any] | None:
    row = reader.one(f"SELECT {COLUMNS} FROM agreement WHERE key = :key", {"key": agreement_id})
    return complete(reader, [row])[0] if row else None


def complete(reader: Reader, rows: list[Row]) -> list[Row]:
    """Parties and citations for a set of agreements: one statement each."""
    if not rows:
        return rows
    placeholders, params = expand_list("id", [row["_id"] for row in rows])
    parties = reader.all(
        f"""
        SELECT agreement_party.agreement_id,
               COALESCE(country.iso2, organization.slug) AS code,
               COALESCE(country.name, organization.name) AS name,
               CASE WHEN country.id IS NULL THEN 'organization' ELSE 'country' END AS kind,
               agreement_party.role
        FROM agreement_party
        LEFT JOIN country ON country.id = agreement_party.country_id
        LEFT JOIN organization ON organization.id = agreement_party.organization_id
        WHERE agreement_party.agreement_id IN {placeholders}
        ORDER BY agreement_party.agreement_id, agreement_party.position
        """,
        params,
    )
    by_agreement: dict[int, list[Row]] = {}
    for party in parties:
        by_agreement.setdefault(party.pop("agreement_id"), []).append(party)
    for row in rows:
        row["terms"] = json_list(row["terms"])
        row["parties"] = by_agreement.get(row["_id"], [])
    return attach_citations(reader, "agreement_id", rows)
