"""Read queries for organizations."""

from app.citations.queries import with_citations
from app.core.pagination import Found, Window, read_page
from app.core.reader import Reader, Row, Where

SELECT = """
    SELECT organization.id AS row_id, organization.slug, organization.name, organization.kind,
           country.iso2 AS country
    FROM organization LEFT JOIN country ON country.id = organization.country_id
"""


def list_organizations(reader: Reader, window: Window) -> Found:
    total, rows = read_page(
        reader,
        select=SELECT,
        count="SELECT count(*) FROM organization",
        where=Where(),
        order_by="organization.slug",
        window=window,
    )
    return total, with_citations(reader, "organization", rows)


def get_organization(reader: Reader, slug: str) -> Row | None:
    rows = reader.all(f"{SELECT} WHERE organization.slug = :slug", {"slug": slug})
    return with_citations(reader, "organization", rows)[0] if rows else None
