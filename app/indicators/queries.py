"""Read queries for indicators across countries, and the indicator vocabulary."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.filters import on_or_after, on_or_before, within
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where
from app.countries import queries as countries
from app.indicators.schemas import IndicatorNameKey

# IndicatorWithCountryOut's fields: the country's indicators, with its code last.
INDICATORS = ListQuery(
    select=countries.INDICATORS,
    count="SELECT count(*) FROM country_indicator",
    # A series: one indicator's values country by country, year by year.
    order_by="country_indicator.name, country.iso2, COALESCE(country_indicator.as_of, ''), "
    "country_indicator.key",
    sortable={
        "as_of": "country_indicator.as_of",
        "value": "country_indicator.value",
        "country": "country.iso2",
    },
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
    names: list[IndicatorNameKey] | None = None,
    country_ids: list[int] | None = None,
    as_of: str | None = None,
    as_of_from: str | None = None,
    as_of_to: str | None = None,
    stances: Sequence[str] | None = None,
) -> Found:
    where = (
        Where()
        .add_in("country_indicator.name", "name", names)
        .add_in("country_indicator.country_id", "country", country_ids)
        .add(within("country_indicator.as_of", "as_of"), as_of=as_of)
        .add(on_or_after("country_indicator.as_of", "as_of_from"), as_of_from=as_of_from)
        .add(on_or_before("country_indicator.as_of", "as_of_to"), as_of_to=as_of_to)
        .add_in("country_indicator.stance", "stance", stances)
    )
    total, rows = await INDICATORS.page(reader, window, where)
    return total, await with_citations(reader, "country_indicator", rows)


async def list_indicator_names(reader: Reader, window: Window) -> Found:
    return await NAMES.page(reader, window, Where())
