"""Relations: lasting ties between two parties that no document states (bases, borders)."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.relations.schemas import RelationOut
from tests.problems import assert_problem


def relations(client: TestClient, **params: str) -> Page[RelationOut]:
    response = client.get("/relations", params={"limit": "500"} | params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[RelationOut]).validate_python(response.json())


def test_the_border_with_russia_keeps_its_length(client: TestClient) -> None:
    by_id = {r.id: r for r in relations(client, country="KZ").items}
    border = by_id["kz-ru-border"]
    assert border.type == "border"
    assert (border.subject.code, border.object.code) == ("KZ", "RU")
    assert (border.value, border.unit) == (7500, "km")
    assert any("7,500-kilometer border with Russia" in c.quote for c in border.citations)


def test_russian_bases_are_a_basing_relation_not_an_agreement(client: TestClient) -> None:
    basing = next(r for r in relations(client, type="basing").items if r.id == "ru-kz-basing")
    assert (basing.subject.kind, basing.subject.code) == ("country", "RU")
    assert (basing.object.kind, basing.object.code) == ("country", "KZ")
    assert any("hosting Russian military bases" in c.quote for c in basing.citations)
    agreements = client.get("/agreements", params={"limit": 500}).json()["items"]
    assert not [a for a in agreements if "bases" in a["title"].lower()]


def test_a_country_matches_as_subject_or_object(client: TestClient) -> None:
    russian = relations(client, country="RU")
    assert {"kz-ru-border", "ru-kz-basing"} <= {r.id for r in russian.items}
    for relation in russian.items:
        assert "RU" in {relation.subject.code, relation.object.code}, relation.id
    assert {r.type for r in relations(client, type="border").items} == {"border"}


def test_every_relation_is_cited_and_says_how_strongly(client: TestClient) -> None:
    for relation in relations(client).items:
        assert relation.citations, relation.id
        if relation.stance == "stated":
            assert relation.hedge is None, relation.id


def test_bad_relation_filters_are_422_problems(client: TestClient) -> None:
    body = assert_problem(client.get("/relations?type=friendship"), 422)
    assert body["invalid_params"][0]["name"] == "query.type"
    body = assert_problem(client.get("/relations?country=ZZ"), 404)
    assert body["detail"].startswith("query.country: ")
