"""Read queries for indicators across countries, and the indicator vocabulary."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where, expand_list
from app.countries import queries as countries
from app.indicators.schemas import IndicatorNameKey

# IndicatorWithCountryOut's fields: the country's indicators, with its code last.
INDICATORS = ListQuery(
    select=countries.INDICATORS,
    count="SELECT count(*) FROM country_indicator",
    # A series: one indicator's values country by country, year by year.
    order_by="country_indicator.name, country.iso2, COALESCE(country_indicator.as_of, ''), "
    "country_indicator.key",
)
NAMES = ListQuery(
    select="SELECT name, label, unit, definition FROM indicator_name",
    count="SELECT count(*) FROM indicator_name",
    order_by="name",
)


async def list_indicators(
    reader: Reader,
    window: Window,
    *,
    name: IndicatorNameKey | None = None,
    country_ids: Sequence[int] = (),
    as_of: str | None = None,
) -> Found:
    # A period matches every date within it: 2021 matches 2021-11-12.
    within = None if as_of is None else f"{as_of}-%"
    where = (
        Where()
        .add("country_indicator.name = :name", name=name)
        .add(
            "(country_indicator.as_of = :as_of OR country_indicator.as_of LIKE :within)",
            as_of=as_of,
            within=within,
        )
    )
    if country_ids:
        placeholders, params = expand_list("country", country_ids)
        where.add(f"country_indicator.country_id IN {placeholders}", **params)
    total, rows = await INDICATORS.page(reader, window, where)
    return total, await with_citations(reader, "country_indicator", rows)


async def list_indicator_names(reader: Reader, window: Window) -> Found:
    return await NAMES.page(reader, window, Where())
