"""Read queries for countries and their indicators."""

from typing import Any

from app.citations.queries import with_citations
from app.core.reader import Reader, Row, page_of

COLUMNS = "iso2, iso3, name, official_name, region"
INDICATOR_SELECT = """
    SELECT country_indicator.id, country_indicator.key, country_indicator.name,
           country_indicator.value, country_indicator.unit, country_indicator.qualifier,
           country_indicator.as_of, country_indicator.scope, country_indicator.note,
           country.iso2
    FROM country_indicator JOIN country ON country.id = country_indicator.country_id
"""


def all_countries(reader: Reader) -> list[Row]:
    """Every country with its database id (for the directory of codes)."""
    return reader.all(f"SELECT id, {COLUMNS} FROM country ORDER BY iso2")


def list_countries(
    reader: Reader, region: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    where, params = "1 = 1", {}
    if region is not None:
        where, params = "lower(region) = lower(:region)", {"region": region}
    total, rows = page_of(
        reader,
        select=f"SELECT {COLUMNS} FROM country WHERE {where}",
        count=f"SELECT count(*) FROM country WHERE {where}",
        params=params,
        order_by="iso2",
        limit=limit,
        offset=offset,
    )
    return total, [
        {"iso2": iso2, "iso3": iso3, "name": name, "official_name": official, "region": region}
        for iso2, iso3, name, official, region in rows
    ]


def _indicators(reader: Reader, where: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    rows = reader.tuples(
        f"{INDICATOR_SELECT} WHERE {where} "
        "ORDER BY country.iso2, country_indicator.name, "
        "COALESCE(country_indicator.as_of, ''), country_indicator.key",
        params,
    )
    facts = [
        (
            row_id,
            {
                "id": key,
                "name": name,
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "as_of": as_of,
                "scope": scope,
                "note": note,
                "country": country,
            },
        )
        for row_id, key, name, value, unit, qualifier, as_of, scope, note, country in rows
    ]
    return with_citations(reader, "country_indicator_id", facts)


def list_indicators(reader: Reader) -> list[dict[str, Any]]:
    """Every indicator of every country, with its country's code (for the export)."""
    indicators = _indicators(reader, "1 = 1", {})
    for indicator in indicators:
        indicator["country"] = indicator.pop("country")  # last, as IndicatorWithCountry has it
    return indicators


def country_detail(reader: Reader, country: Row) -> dict[str, Any]:
    indicators = _indicators(reader, "country_indicator.country_id = :id", {"id": country["id"]})
    for indicator in indicators:
        del indicator["country"]
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
    detail["indicators"] = indicators
    detail["counts"] = counts
    return detail
