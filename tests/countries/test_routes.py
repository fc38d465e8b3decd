"""Countries: the full ISO list, lookups by any code, indicators with their citations."""

import pycountry
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.countries.schemas import CountryDetail, CountryOut
from tests.problems import assert_problem


def test_countries_lists_every_iso_country_in_pages(client: TestClient) -> None:
    response = client.get("/countries", params={"limit": 100, "offset": 100})
    assert response.status_code == 200
    page = TypeAdapter(Page[CountryOut]).validate_python(response.json())
    assert page.total == len(pycountry.countries)
    assert len(page.items) == 100
    codes = [c.iso2 for c in page.items]
    assert codes == sorted(codes)
    links = response.headers["link"]
    assert 'offset=200>; rel="next"' in links
    assert 'offset=0>; rel="prev"' in links


def test_last_page_has_no_next_link_and_an_offset_past_the_end_is_empty(
    client: TestClient,
) -> None:
    total = len(pycountry.countries)
    last = client.get("/countries", params={"limit": 50, "offset": total - 1})
    assert len(last.json()["items"]) == 1
    assert 'rel="next"' not in last.headers["link"]
    beyond = client.get("/countries", params={"offset": total + 10})
    assert beyond.status_code == 200
    assert beyond.json()["items"] == []
    assert beyond.json()["total"] == total


def test_a_country_is_found_by_iso2_or_iso3_in_any_case(client: TestClient) -> None:
    for code in ("KZ", "kz", "KAZ", "kaz", "Kaz"):
        response = client.get(f"/countries/{code}")
        assert response.status_code == 200, code
        assert response.json()["iso2"] == "KZ"


def test_country_detail_keeps_disagreeing_populations_side_by_side(client: TestClient) -> None:
    detail = CountryDetail.model_validate(client.get("/countries/KZ").json())
    populations = {i.value: i for i in detail.indicators if i.name == "population"}
    assert set(populations) >= {16_000_000, 19_000_000}
    assert populations[19_000_000].qualifier == "slightly more than"
    assert populations[16_000_000].qualifier == "about"
    for indicator in detail.indicators:
        assert indicator.citations, indicator.id
    assert detail.counts.inventory_entries >= 6


def test_unknown_or_malformed_country_codes_are_404_problems(client: TestClient) -> None:
    for code in ("XX", "XXX", "K1", "KAZAKHSTAN", "k"):
        body = assert_problem(client.get(f"/countries/{code}"), 404)
        assert code in body["detail"]
        assert_problem(client.get(f"/countries/{code}/inventory"), 404)
