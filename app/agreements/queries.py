"""Read queries for agreements, their parties and the steps of their ratification."""

from collections.abc import Sequence

from app.citations.queries import citations_of_kinds
from app.core.filters import on_or_after, on_or_before, year_bound
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, expand_list, json_list

AGREEMENTS = ListQuery(
    # AgreementOut's fields in its order; `parties` and `ratification` are filled in from
    # PARTIES and RATIFICATION.
    select="""
        SELECT agreement.id AS row_id, agreement.key AS id, agreement.title, agreement.type,
               NULL AS parties, agreement.signed_on, agreement.ratified_on,
               NULL AS ratification, agreement.status, agreement.place, agreement.terms,
               agreement.stance, agreement.hedge, agreement.note
        FROM agreement
    """,
    count="SELECT count(*) FROM agreement",
    order_by="COALESCE(agreement.signed_on, agreement.ratified_on, ''), agreement.key",
    sortable={
        "signed_on": "agreement.signed_on",
        "ratified_on": "agreement.ratified_on",
        "title": "agreement.title",
    },
)
# Its signature's or its ratification's date: the date an agreement's year filters match.
DATED = "COALESCE(agreement.signed_on, agreement.ratified_on)"

PARTY_IN = "agreement.id IN (SELECT agreement_id FROM agreement_party WHERE country_id IN {values})"
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
# RatificationStepOut's fields in its order, after the ids that place each step.
RATIFICATION = """
    SELECT agreement_ratification.agreement_id, agreement_ratification.id AS row_id,
           organization.slug AS body, organization.name AS body_name,
           agreement_ratification.date, agreement_ratification.outcome,
           agreement_ratification.note
    FROM agreement_ratification
    JOIN organization ON organization.id = agreement_ratification.body_id
    WHERE agreement_ratification.agreement_id IN {ids}
    ORDER BY agreement_ratification.agreement_id, agreement_ratification.position
"""


async def list_agreements(
    reader: Reader,
    window: Window,
    *,
    country_ids: list[int] | None = None,
    party_ids: list[int] | None = None,
    types: Sequence[str] | None = None,
    statuses: Sequence[str] | None = None,
    stances: Sequence[str] | None = None,
    year: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Found:
    """Agreements any of `country_ids` is party to, all of `party_ids` are party to, signed or
    ratified within the years asked."""
    # A year matches the signature or the ratification of that year.
    in_year = None if year is None else f"{year:04d}%"
    where = (
        Where()
        .add_in("agreement.type", "type", types)
        .add_in("agreement.status", "status", statuses)
        .add_in("agreement.stance", "stance", stances)
        .add("(agreement.signed_on LIKE :year OR agreement.ratified_on LIKE :year)", year=in_year)
        .add(on_or_after(DATED, "year_from"), year_from=year_bound(year_from))
        .add(on_or_before(DATED, "year_to"), year_to=year_bound(year_to))
        .add_linked(PARTY_IN, "country", country_ids)
        .add_linked(PARTY_IN, "party", party_ids, every=True)
    )
    total, rows = await AGREEMENTS.page(reader, window, where)
    return total, await _complete(reader, rows)


async def get_agreement(reader: Reader, agreement_id: str) -> Row | None:
    rows = await AGREEMENTS.rows(reader, Where().add("agreement.key = :key", key=agreement_id))
    return (await _complete(reader, rows))[0] if rows else None


async def _complete(reader: Reader, rows: list[Row]) -> list[Row]:
    """Parties, ratification steps and the citations of both for a set of agreements: one
    statement each."""
    if not rows:
        return []
    ids, params = expand_list("id", [row["row_id"] for row in rows])
    parties: dict[int, list[Row]] = {}
    for party in await reader.all(PARTIES.format(ids=ids), params):
        parties.setdefault(party.pop("agreement_id"), []).append(party)
    steps: dict[int, list[Row]] = {}
    every_step = await reader.all(RATIFICATION.format(ids=ids), params)
    for step in every_step:
        steps.setdefault(step.pop("agreement_id"), []).append(step)
    citations = await citations_of_kinds(
        reader,
        {
            "agreement": [row["row_id"] for row in rows],
            "agreement_ratification": [step["row_id"] for step in every_step],
        },
    )
    for step in every_step:
        step["citations"] = citations["agreement_ratification"].get(step.pop("row_id"), [])
    for row in rows:
        row_id = row.pop("row_id")
        row["parties"] = parties.get(row_id, [])
        row["ratification"] = steps.get(row_id, [])
        row["terms"] = json_list(row["terms"])
        row["citations"] = citations["agreement"].get(row_id, [])
    return rows
