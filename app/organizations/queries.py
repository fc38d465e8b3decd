"""Read queries for organizations."""

from typing import Any

from app.citations.queries import attach_citations
from app.core.reader import Reader, fetch_page

COLUMNS = """
    organization.id AS _id, organization.slug, organization.name, organization.kind,
    country.iso2 AS country
"""
FROM = "organization LEFT JOIN country ON country.id = organization.country_id"


def list_organizations(reader: Reader, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
    total, rows = fetch_page(reader, COLUMNS, FROM, {}, "organization.slug", limit, offset)
    return total, attach_citations(reader, "organization_id", rows)


def get_organization(reader: Reader, slug: str) -> dict[str, Any] | None:
    row = reader.one(
        f"SELECT {COLUMNS} FROM {FROM} WHERE organization.slug = :slug", {"slug": slug}
    )
    return attach_citations(reader, "organization_id", [row])[0] if row else None
