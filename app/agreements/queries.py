"""Read queries for agreements and their parties."""

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, expand_list, json_list

AGREEMENTS = ListQuery(
    # AgreementOut's fields in its order; `parties` is filled in from PARTIES.
    select="""
        SELECT agreement.id AS row_id, agreement.key AS id, agreement.title, agreement.type,
               NULL AS parties, agreement.signed_on, agreement.ratified_on, agreement.status,
               agreement.place, agreement.terms, agreement.note
        FROM agreement
    """,
    count="SELECT count(*) FROM agreement",
    order_by="COALESCE(agreement.signed_on, agreement.ratified_on, ''), agreement.key",
)
PARTY_OF_COUNTRY = (
    "EXISTS (SELECT 1 FROM agreement_party WHERE agreement_party.agreement_id = agreement.id"
    " AND agreement_party.country_id = :country_id)"
)
PARTIES = """
    SELECT agreement_party.agreement_id,
           COALESCE(country.iso2, organization.slug) AS code,
           COALESCE(country.name, organization.name) AS name,
           CASE WHEN country.id IS NULL THEN 'organization' ELSE 'country' END AS kind,
           agreement_party.role
    FROM agreement_party
    LEFT JOIN country ON country.id = agreement_party.country_id
    LEFT JOIN organization ON organization.id = agreement_party.organization_id
    WHERE agreement_party.agreement_id IN {ids}
    ORDER BY agreement_party.agreement_id, agreement_party.position
"""


async def list_agreements(
    reader: Reader,
    window: Window,
    *,
    country_id: int | None = None,
    type_: str | None = None,
    year: int | None = None,
) -> Found:
    # A year matches the signature or the ratification of that year.
    in_year = None if year is None else f"{year:04d}%"
    where = (
        Where()
        .add(PARTY_OF_COUNTRY, country_id=country_id)
        .add("lower(agreement.type) = lower(:type)", type=type_)
        .add("(agreement.signed_on LIKE :year OR agreement.ratified_on LIKE :year)", year=in_year)
    )
    total, rows = await AGREEMENTS.page(reader, window, where)
    return total, await _complete(reader, rows)


async def get_agreement(reader: Reader, agreement_id: str) -> Row | None:
    rows = await AGREEMENTS.rows(reader, Where().add("agreement.key = :key", key=agreement_id))
    return (await _complete(reader, rows))[0] if rows else None


async def _complete(reader: Reader, rows: list[Row]) -> list[Row]:
    """Parties and citations for a set of agreements: one statement each."""
    if not rows:
        return []
    ids, params = expand_list("id", [row["row_id"] for row in rows])
    parties: dict[int, list[Row]] = {}
    for party in await reader.all(PARTIES.format(ids=ids), params):
        parties.setdefault(party.pop("agreement_id"), []).append(party)
    for row in rows:
        row["parties"] = parties.get(row["row_id"], [])
        row["terms"] = json_list(row["terms"])
    return await with_citations(reader, "agreement", rows)
