"""Search: ranked full-text hits with highlighted snippets, on both engines."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.search.schemas import SearchHit
from tests.problems import assert_problem


def search(client: TestClient, **params: str) -> Page[SearchHit]:
    response = client.get("/search", params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[SearchHit]).validate_python(response.json())


def test_article_text_is_found_with_a_highlighted_snippet(client: TestClient) -> None:
    hits = search(client, q="Arlan Barys").items
    source = next(h for h in hits if h.kind == "source")
    assert source.id == "caravanserai-2017-uzbekistan-kazakhstan-step-up-military-cooperation"
    assert "<mark>Arlan</mark>" in source.snippet


def test_entity_names_are_found_and_stemming_applies(client: TestClient) -> None:
    kinds = {(h.kind, h.id) for h in search(client, q="Arlan").items}
    assert ("equipment", "arlan") in kinds
    assert ("country", "KZ") in {(h.kind, h.id) for h in search(client, q="kazakhstan").items}
    # "tank" finds the article that says "tanks".
    assert any(h.kind == "source" for h in search(client, q="tank").items)


def test_hits_are_ranked_and_filtered_by_kind(client: TestClient) -> None:
    page = search(client, q="Kazakhstan", limit="500")
    ranks = [h.rank for h in page.items]
    assert ranks == sorted(ranks, reverse=True)
    agreements = search(client, q="Kazakhstan", kind="agreement")
    assert agreements.total > 0
    assert {h.kind for h in agreements.items} == {"agreement"}


def test_query_syntax_is_never_passed_to_the_engine(client: TestClient) -> None:
    for q in ('"unbalanced', "NEAR(a b)", "tanks AND (", "*", "a:b", "'); DROP TABLE source; --"):
        response = client.get("/search", params={"q": q})
        assert response.status_code in (200, 422), (q, response.text)
        if response.status_code == 422:
            assert_problem(response, 422)


def test_empty_or_missing_query_is_a_422(client: TestClient) -> None:
    assert_problem(client.get("/search"), 422)
    body = assert_problem(client.get("/search", params={"q": "!!!"}), 422)
    assert body["invalid_params"][0]["name"] == "query.q"
    assert search(client, q="zzzyyyxxx").total == 0


def test_facts_and_people_are_found_not_only_article_text(client: TestClient) -> None:
    tanks = {(h.kind, h.id) for h in search(client, q="tanks").items}
    assert ("inventory_entry", "kz-gfp-2021-tanks") in tanks
    assert ("category", "tanks") in tanks
    # Any spelling a person goes by finds them: article 004 writes "Kasym-Jomart".
    spelled = search(client, q="Kasym-Jomart").items
    assert ("person", "kassym-jomart-tokayev") in {(h.kind, h.id) for h in spelled}
    # A role's title finds its holder; a place, an event and a relation are found by name.
    minister = {(h.kind, h.id) for h in search(client, q="Deputy Defense Minister").items}
    assert ("person", "ruslan-shpekbayev") in minister
    assert "place" in {h.kind for h in search(client, q="Otar", kind="place").items}
    assert search(client, q="mobilize", kind="event").items
    assert search(client, q="basing", kind="relation").items
