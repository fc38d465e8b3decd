"""Indicators across countries and years, and the vocabulary that defines them."""

from typing import get_args

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut
from tests.problems import assert_problem


def indicators(client: TestClient, **params: str) -> Page[IndicatorWithCountryOut]:
    response = client.get("/indicators", params={"limit": "500"} | params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[IndicatorWithCountryOut]).validate_python(response.json())


def test_populations_of_two_countries_keep_disagreeing_sources(client: TestClient) -> None:
    page = indicators(client, name="population", country="KZ,UZ")
    claims = {(i.country, i.as_of): (i.qualifier, i.value) for i in page.items}
    assert claims[("KZ", "2017")] == ("about", 16_000_000)
    assert claims[("KZ", "2021-11-12")] == ("slightly more than", 19_000_000)
    assert claims[("UZ", "2017")] == ("about", 30_000_000)
    assert {i.name for i in page.items} == {"population"}
    assert {i.country for i in page.items} == {"KZ", "UZ"}
    for indicator in page.items:
        assert indicator.citations, indicator.id


def test_global_firepower_ranks_by_year(client: TestClient) -> None:
    ranks = indicators(client, name="gfp_world_rank", as_of="2017")
    assert {i.country: i.value for i in ranks.items}.items() >= {"UZ": 48, "KZ": 55}.items()
    assert all(i.as_of and i.as_of.startswith("2017") for i in ranks.items)
    quote = next(c.quote for i in ranks.items for c in i.citations if i.country == "KZ")
    assert "Kazakhstan 55th" in quote


def test_a_series_is_ordered_by_name_country_and_date(client: TestClient) -> None:
    keys = [(i.name, i.country, i.as_of or "") for i in indicators(client).items]
    assert keys == sorted(keys)


def test_country_codes_in_any_case_and_either_length(client: TestClient) -> None:
    upper = indicators(client, country="KZ,UZ")
    assert indicators(client, country="kaz,uzb").items == upper.items
    assert indicators(client, country="KZ,KZ,UZ").total == upper.total
    kazakh = indicators(client, country="KZ")
    assert 0 < kazakh.total < upper.total


def test_a_hedged_indicator_keeps_its_hedge(client: TestClient) -> None:
    (russia,) = indicators(client, name="world_military_rank", country="RU").items
    assert (russia.value, russia.stance, russia.hedge) == (2, "hedged", "is considered to be")
    assert "is considered to be the second-largest military power" in russia.citations[0].quote
    detail = client.get("/countries/RU").json()
    assert detail["indicators"][0]["stance"] == "hedged"


def test_the_vocabulary_defines_every_name_served(client: TestClient) -> None:
    response = client.get("/indicators/names")
    assert response.status_code == 200, response.text
    names = TypeAdapter(Page[IndicatorNameOut]).validate_python(response.json())
    by_name = {n.name: n for n in names.items}
    assert set(by_name) == set(get_args(IndicatorNameKey))
    assert names.total == len(by_name)
    assert by_name["population"].unit == "people"
    assert by_name["border_length_km"].unit == "km"
    assert by_name["gfp_world_rank"].label == "Global Firepower world rank"
    assert {i.name for i in indicators(client).items} <= set(by_name)
    assert all(n.definition for n in names.items)


def test_bad_indicator_filters_are_422_problems(client: TestClient) -> None:
    body = assert_problem(client.get("/indicators?name=gdp"), 422)
    assert body["invalid_params"][0]["name"] == "query.name"
    body = assert_problem(client.get("/indicators?country=KZ,XX"), 404)
    assert body["detail"].startswith("query.country: no country with code 'XX'")
    assert "XX" in body["detail"]
    for malformed in ("KZ,", "KZ;UZ", "K"):
        body = assert_problem(client.get("/indicators", params={"country": malformed}), 422)
        assert body["invalid_params"][0]["name"] == "query.country"
    assert_problem(client.get("/indicators?as_of=2017-13"), 422)
