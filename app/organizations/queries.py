"""Read queries for organizations."""

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where

ORGANIZATIONS = ListQuery(
    select="""
        SELECT organization.id AS row_id, organization.slug, organization.name,
               organization.kind, country.iso2 AS country
        FROM organization LEFT JOIN country ON country.id = organization.country_id
    """,
    count="SELECT count(*) FROM organization",
    order_by="organization.slug",
    sortable={"name": "organization.name", "kind": "organization.kind"},
)


async def list_organizations(reader: Reader, window: Window) -> Found:
    total, rows = await ORGANIZATIONS.page(reader, window, Where())
    return total, await with_citations(reader, "organization", rows)


async def get_organization(reader: Reader, slug: str) -> Row | None:
    rows = await ORGANIZATIONS.rows(reader, Where().add("organization.slug = :slug", slug=slug))
    return (await with_citations(reader, "organization", rows))[0] if rows else None
