"""Read queries for countries and their indicators."""

from typing import Any

from app.citations.queries import attach_citations
from app.core.reader import Reader, Row, fetch_page

COLUMNS = "iso2, iso3, name, official_name, region"


def find_country(reader: Reader, code: str) -> Row | None:
    """A country by ISO alpha-2 or alpha-3 code, any case."""
    code = code.upper()
    column = "iso2" if len(code) == 2 else "iso3"
    return reader.one(f"SELECT id, {COLUMNS} FROM country WHERE {column} = :code", {"code": code})


def list_countries(
    reader: Reader, region: str | None, limit: int, offset: int
) -> tuple[int, list[Row]]:
    where, params = "country", {}
    if region is not None:
        where, params = "country WHERE lower(region) = lower(:region)", {"region": region}
    return fetch_page(reader, COLUMNS, where, params, "iso2", limit, offset)


INDICATOR_COLUMNS = """
    country_indicator.id AS _id, country_indicator.key AS id, country_indicator.name,
    country_indicator.value, country_indicator.unit, country_indicator.qualifier,
    country_indicator.as_of, country_indicator.scope, country_indicator.note
"""


def list_indicators(reader: Reader) -> list[Row]:
    """Every indicator of every country, with its country's code (for the export)."""
    rows = reader.all(
        f"""
        SELECT country.iso2 AS country, {INDICATOR_COLUMNS}
        FROM country_indicator JOIN country ON country.id = country_indicator.country_id
        ORDER BY country.iso2, country_indicator.name, country_indicator.key
        """
    )
    return attach_citations(reader, "country_indicator_id", rows)


def country_detail(reader: Reader, country: Row) -> dict[str, Any]:
    indicators = reader.all(
        f"""
        SELECT {INDICATOR_COLUMNS} FROM country_indicator WHERE country_id = :country_id
        ORDER BY name, COALESCE(as_of, ''), key
        """,
        {"country_id": country["id"]},
    )
    counts = reader.one(
        """
        SELECT
          (SELECT count(*) FROM inventory_entry WHERE country_id = :id) AS inventory_entries,
          (SELECT count(*) FROM transfer
            WHERE supplier_country_id = :id OR recipient_country_id = :id) AS transfers,
          (SELECT count(DISTINCT agreement_id) FROM agreement_party
            WHERE country_id = :id) AS agreements
        """,
        {"id": country["id"]},
    )
    detail = {key: value for key, value in country.items() if key != "id"}
    detail["indicators"] = attach_citations(reader, "country_indicator_id", indicators)
    detail["counts"] = counts
    return detail
