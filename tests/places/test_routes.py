"""Places: with their ISO 3166-2 subdivision, and the events the articles place there."""

import pycountry
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.places.schemas import PlaceDetail, PlaceOut
from tests.problems import assert_problem


def places(client: TestClient, **params: str) -> Page[PlaceOut]:
    response = client.get("/places", params={"limit": "500"} | params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[PlaceOut]).validate_python(response.json())


def test_otar_station_in_zhambyl_region(client: TestClient) -> None:
    response = client.get("/places/otar")
    assert response.status_code == 200, response.text
    otar = PlaceDetail.model_validate(response.json())
    assert (otar.name, otar.country, otar.subdivision, otar.kind) == (
        "Otar",
        "KZ",
        "KZ-31",
        "station",
    )
    assert any("Otar station" in c.quote for c in otar.citations)
    assert "kz-tj-2021-aid-by-rail" in {event.id for event in otar.events}


def test_subdivisions_are_pycountrys_and_lie_in_the_places_country(client: TestClient) -> None:
    for place in places(client).items:
        assert place.citations, place.slug
        if place.subdivision is None:
            continue
        subdivision = pycountry.subdivisions.get(code=place.subdivision)
        assert subdivision is not None, place.slug
        assert subdivision.country_code == place.country, place.slug


def test_places_of_a_country(client: TestClient) -> None:
    kazakh = places(client, country="KZ")
    assert {"otar", "astana", "zhambyl-region"} <= {p.slug for p in kazakh.items}
    assert {p.country for p in kazakh.items} == {"KZ"}
    assert kazakh.total < places(client).total
    slugs = [p.slug for p in places(client).items]
    assert slugs == sorted(slugs)


def test_a_place_lists_the_events_placed_there(client: TestClient) -> None:
    astana = PlaceDetail.model_validate(client.get("/places/astana").json())
    assert "uz-kz-2017-03-23-astana-signing" in {event.id for event in astana.events}
    for event in astana.events:
        assert "astana" in client.get(f"/events/{event.id}").json()["places"]


def test_unknown_places_and_bad_filters_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/places/atlantis"), 404)
    body = assert_problem(client.get("/places?country=ZZ"), 404)
    assert body["detail"].startswith("query.country: ")
