"""The query string says what a list answers: several values, ranges, sorting, fields; and
what it does not take is refused, by name, on SQLite and PostgreSQL alike."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.problems import assert_problem


def items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params={"limit": "500", **params})
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["items"]
    return found


def party_codes(agreement: dict[str, Any]) -> set[str]:
    return {party["code"] for party in agreement["parties"]}


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/agreements?foo=bar", "query.foo"),
        ("/agreements?sort=title&Country=KZ", "query.Country"),
        ("/countries/KZ/inventory?quantity=300", "query.quantity"),
        ("/countries/KZ?fields=name", "query.fields"),
        ("/categories?sort=slug", "query.sort"),  # nothing to sort by but its natural order
    ],
)
def test_a_parameter_a_route_does_not_take_is_a_422_naming_it(
    client: TestClient, url: str, name: str
) -> None:
    body = assert_problem(client.get(url), 422)
    (param,) = body["invalid_params"]
    assert param["name"] == name
    assert param["reason"] == "not a parameter of this route"
    assert "limit" in param["valid_values"] or url.startswith("/countries/KZ?")


def test_a_parameter_given_twice_is_a_422_saying_how_to_give_several(client: TestClient) -> None:
    body = assert_problem(client.get("/agreements?country=KG&country=UZ"), 422)
    (param,) = body["invalid_params"]
    assert param["name"] == "query.country"
    assert "country=A,B" in param["reason"]
    body = assert_problem(client.get("/agreements?limit=1&limit=2&bogus=1"), 422)
    assert {p["name"] for p in body["invalid_params"]} == {"query.limit", "query.bogus"}


def test_a_comma_separated_list_is_any_of_its_values(client: TestClient) -> None:
    kyrgyz = {a["id"] for a in items(client, "/agreements", country="KG")}
    uzbek = {a["id"] for a in items(client, "/agreements", country="UZ")}
    assert kyrgyz
    assert uzbek
    assert {a["id"] for a in items(client, "/agreements", country="kg,UZB")} == kyrgyz | uzbek
    delivered_or_pledged = items(client, "/transfers", status="delivered,pledged")
    assert {t["status"] for t in delivered_or_pledged} == {"delivered", "pledged"}


def test_parties_is_every_one_of_them(client: TestClient) -> None:
    between = items(client, "/agreements", parties="KZ,UZ")
    assert between
    assert all({"KZ", "UZ"} <= party_codes(a) for a in between)
    assert len(between) < len(items(client, "/agreements", parties="KZ"))
    for relation in items(client, "/relations", parties="RU,KZ"):
        assert {relation["subject"]["code"], relation["object"]["code"]} == {"RU", "KZ"}


def test_year_ranges_are_inclusive(client: TestClient) -> None:
    every = items(client, "/events")
    dated = [e for e in every if e["date"]]
    in_range = items(client, "/events", year_from="2017", year_to="2021")
    expected = {e["id"] for e in dated if "2017" <= e["date"][:4] <= "2021"}
    assert {e["id"] for e in in_range} == expected
    assert expected
    assert items(client, "/events", year_from="2022", year_to="2021") == []
    signed = items(client, "/agreements", year_from="2017", year_to="2017")
    assert signed
    assert all((a["signed_on"] or a["ratified_on"]).startswith("2017") for a in signed)


def test_as_of_ranges_keep_partial_dates_that_overlap(client: TestClient) -> None:
    every = items(client, "/countries/KZ/inventory")
    in_2021 = items(client, "/countries/KZ/inventory", as_of_from="2021", as_of_to="2021")
    assert {e["id"] for e in in_2021} == {e["id"] for e in every if e["as_of"][:4] == "2021"}
    # A claim dated `2021` overlaps the month 2021-11: kept at either end.
    in_november = items(client, "/countries/KZ/inventory", as_of_from="2021-11", as_of_to="2021-11")
    assert {e["as_of"] for e in in_november} <= {"2021", "2021-11-12"}
    assert "2021" in {e["as_of"] for e in in_november}
    series = items(client, "/indicators", name="gfp_world_rank", as_of_to="2017")
    assert series
    assert all(i["as_of"] <= "2017" for i in series)
    assert_problem(client.get("/indicators?as_of_from=2021-13"), 422)


def test_sort_orders_by_its_keys_with_nulls_last(client: TestClient) -> None:
    ascending = items(client, "/countries/KZ/inventory", sort="quantity")
    descending = items(client, "/countries/KZ/inventory", sort="-quantity")
    known = [e["quantity"] for e in ascending if e["quantity"] is not None]
    assert known == sorted(known)
    assert [e["quantity"] for e in descending if e["quantity"] is not None] == known[::-1]
    for page in (ascending, descending):
        quantities = [e["quantity"] for e in page]
        assert None not in quantities[: len(known)]  # nulls after every number, either way
    names = [c["name"] for c in items(client, "/countries", sort="-name")]
    assert names == sorted(names, reverse=True)
    by_region = items(client, "/countries", sort="region,-name", fields="region,name")
    assert [c["region"] for c in by_region if c["region"]] == sorted(
        c["region"] for c in by_region if c["region"]
    )
    body = assert_problem(client.get("/countries?sort=population"), 422)
    assert "-name" in body["invalid_params"][0]["valid_values"]
    assert_problem(client.get("/countries?sort=name,name"), 422)


def test_fields_keeps_those_fields_in_that_order_in_json_and_csv(client: TestClient) -> None:
    chosen = items(client, "/countries/KZ/inventory", fields="quantity,id", sort="-quantity")
    assert chosen
    assert all(list(entry) == ["quantity", "id"] for entry in chosen)
    csv = client.get("/agreements", params={"fields": "id,type", "format": "csv"})
    assert csv.status_code == 200
    header, *rows = csv.text.splitlines()
    assert header == "id,type"
    assert rows
    body = assert_problem(client.get("/agreements?fields=id,colour"), 422)
    (param,) = body["invalid_params"]
    assert param["name"] == "query.fields"
    assert "title" in param["valid_values"]


def test_an_unknown_code_or_slug_in_a_filter_is_a_404_naming_it(client: TestClient) -> None:
    body = assert_problem(client.get("/agreements?country=KZ,WHI"), 404)
    assert body["detail"].startswith("query.country: no country with code 'WHI'")
    body = assert_problem(client.get("/countries/KZ/inventory?equipment=mig-29,mig-99"), 404)
    assert "'mig-99'" in body["detail"]
    assert "mig-29" not in body["detail"]
    # Malformed is not unknown: a 422.
    assert_problem(client.get("/agreements?country=K1"), 422)
    assert_problem(client.get("/agreements?country="), 422)
    assert_problem(client.get("/agreements?country=KZ,"), 422)
