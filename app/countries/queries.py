"""Read queries for countries and their indicators."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where

COLUMNS = "iso2, iso3, name, official_name, region, subregion, intermediate_region"
COUNTRIES = ListQuery(
    select=f"SELECT {COLUMNS} FROM country",
    count="SELECT count(*) FROM country",
    order_by="iso2",
    sortable={"name": "name", "region": "region", "subregion": "subregion"},
)
INDICATORS = """
    SELECT country_indicator.id AS row_id, country_indicator.key AS id, country_indicator.name,
           country_indicator.value, country_indicator.unit, country_indicator.qualifier,
           country_indicator.as_of, country_indicator.scope, country_indicator.stance,
           country_indicator.hedge, country_indicator.note, country.iso2 AS country
    FROM country_indicator JOIN country ON country.id = country_indicator.country_id
"""
INDICATOR_ORDER = (
    "country.iso2, country_indicator.name, COALESCE(country_indicator.as_of, ''), "
    "country_indicator.key"
)
COUNTS = """
    SELECT
      (SELECT count(*) FROM inventory_entry WHERE country_id = :id) AS inventory_entries,
      (SELECT count(*) FROM transfer
        WHERE supplier_country_id = :id OR recipient_country_id = :id) AS transfers,
      (SELECT count(DISTINCT agreement_id) FROM agreement_party WHERE country_id = :id)
        AS agreements
"""


async def all_countries(reader: Reader) -> list[Row]:
    """Every country with its database id (for the directory of codes)."""
    return await reader.all(f"SELECT id, {COLUMNS} FROM country ORDER BY iso2")


async def list_countries(
    reader: Reader,
    window: Window,
    *,
    regions: Sequence[str] | None = None,
    subregions: Sequence[str] | None = None,
    intermediate_regions: Sequence[str] | None = None,
) -> Found:
    where = (
        Where()
        .add_in("region", "region", regions)
        .add_in("subregion", "subregion", subregions)
        .add_in("intermediate_region", "intermediate", intermediate_regions)
    )
    return await COUNTRIES.page(reader, window, where)


async def _indicators(reader: Reader, where: Where) -> list[Row]:
    rows = await reader.all(f"{INDICATORS} WHERE {where} ORDER BY {INDICATOR_ORDER}", where.params)
    return await with_citations(reader, "country_indicator", rows)


async def list_indicators(reader: Reader) -> list[Row]:
    """Every indicator of every country, with its country's code (for the export)."""
    indicators = await _indicators(reader, Where())
    for indicator in indicators:
        indicator["country"] = indicator.pop("country")  # last, as IndicatorWithCountryOut has it
    return indicators


async def country_detail(reader: Reader, country: Row) -> Row:
    of_country = Where().add("country_indicator.country_id = :id", id=country["id"])
    indicators = await _indicators(reader, of_country)
    for indicator in indicators:
        del indicator["country"]
    detail = {key: value for key, value in country.items() if key != "id"}
    detail["indicators"] = indicators
    detail["counts"] = await reader.one(COUNTS, {"id": country["id"]})
    return detail
