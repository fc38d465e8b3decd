"""Read queries for organizations."""

from typing import Any

from app.citations.queries import with_citations
from app.core.reader import Reader, page_of

SELECT = """
    SELECT organization.id, organization.slug, organization.name, organization.kind,
           country.iso2
    FROM organization LEFT JOIN country ON country.id = organization.country_id
    WHERE {where}
"""


def list_organizations(reader: Reader, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total, rows = page_of(
        reader,
        select=SELECT.format(where="1 = 1"),
        count="SELECT count(*) FROM organization",
        params={},
        order_by="organization.slug",
        limit=limit,
        offset=offset,
    )
    return total, with_citations(reader, "organization_id", [shape(row) for row in rows])


def get_organization(reader: Reader, slug: str) -> dict[str, Any] | None:
    rows = reader.tuples(SELECT.format(where="organization.slug = :slug"), {"slug": slug})
    return with_citations(reader, "organization_id", [shape(rows[0])])[0] if rows else None


def shape(row: tuple[Any, ...]) -> tuple[int, dict[str, Any]]:
    row_id, slug, name, kind, country = row
    return row_id, {"slug": slug, "name": name, "kind": kind, "country": country}
