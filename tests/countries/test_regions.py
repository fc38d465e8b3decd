"""Every country's UN M49 region, sub-region and intermediate region, and the filters on them."""

import subprocess
import sys
from pathlib import Path

import pycountry
from fastapi.testclient import TestClient

from app.core.schemas import Page
from app.countries.schemas import CountryOut
from tests.problems import assert_problem

ROOT = Path(__file__).resolve().parents[2]


def countries(client: TestClient, **params: str) -> list[CountryOut]:
    response = client.get("/countries", params={"limit": "500", **params})
    assert response.status_code == 200, response.text
    return Page[CountryOut].model_validate(response.json()).items


def test_every_country_but_antarctica_has_its_m49_region(client: TestClient) -> None:
    every = {country.iso2: country for country in countries(client)}
    assert len(every) == len(pycountry.countries)
    without = {code for code, country in every.items() if country.region is None}
    assert without == {"AQ"}  # M49 places Antarctica in no region
    assert all(c.subregion for c in every.values() if c.region)
    kz, ru, jm = every["KZ"], every["RU"], every["JM"]
    assert (kz.region, kz.subregion, kz.intermediate_region) == ("Asia", "Central Asia", None)
    assert (ru.region, ru.subregion) == ("Europe", "Eastern Europe")
    assert (jm.region, jm.subregion, jm.intermediate_region) == (
        "Americas",
        "Latin America and the Caribbean",
        "Caribbean",
    )


def test_region_subregion_and_intermediate_filters(client: TestClient) -> None:
    europe = {c.iso2 for c in countries(client, region="Europe")}
    assert {"DE", "FR", "RU", "GB", "UA"} <= europe
    assert not europe & {"KZ", "US", "CN"}
    central_asia = {c.iso2 for c in countries(client, subregion="Central Asia")}
    assert central_asia == {"KZ", "KG", "TJ", "TM", "UZ"}
    both = {c.iso2 for c in countries(client, subregion="Central Asia,Eastern Europe")}
    assert both == central_asia | {c.iso2 for c in countries(client, subregion="Eastern Europe")}
    caribbean = countries(client, intermediate_region="Caribbean")
    assert caribbean
    assert all(c.subregion == "Latin America and the Caribbean" for c in caribbean)


def test_a_region_outside_the_vocabulary_is_a_422_listing_it(client: TestClient) -> None:
    response = client.get("/countries", params={"region": "Central Asia"})
    problem = assert_problem(response, 422)
    (param,) = problem["invalid_params"]
    assert param["name"] == "query.region"
    assert param["valid_values"] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]


def test_the_region_table_is_the_one_country_converter_maintains() -> None:
    """seeds/reference/regions.yaml is what scripts/m49.py writes from country_converter."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "m49.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
