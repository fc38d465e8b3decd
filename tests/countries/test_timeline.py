"""GET /countries/{code}/timeline: every dated fact about a country, oldest first."""

from typing import Any, get_args

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.countries.schemas import TimelineItemOut, TimelineKind
from app.countries.timeline import SUBJECTS
from tests.problems import assert_problem


def timeline(client: TestClient, code: str = "KZ", **params: Any) -> Page[TimelineItemOut]:
    response = client.get(f"/countries/{code}/timeline", params={"limit": 500} | params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[TimelineItemOut]).validate_python(response.json())


def test_kazakhstans_timeline_holds_every_kind_of_dated_fact(client: TestClient) -> None:
    page = timeline(client)
    by_id = {(item.kind, item.id): item for item in page.items}
    assert by_id[("event", "kz-2021-08-21-mobilization-order")].date == "2021-08-21"
    assert by_id[("agreement", "uz-kz-2017-military-cooperation-plan")].date == "2017-08-19"
    step = by_id[("ratification", "kz-kg-2021-military-technical-assistance.0")]
    assert step.date == "2021-11-10"
    assert "Majilis: passed" in step.title
    assert by_id[("indicator", "kz-population-2017")].date == "2017"
    assert by_id[("inventory_entry", "kz-gfp-2021-tanks")].title == "Tanks: 300"
    for item in page.items:
        assert item.citations, item.id


def test_the_timeline_is_oldest_first(client: TestClient) -> None:
    dates = [item.date for item in timeline(client).items]
    assert dates == sorted(dates)


def test_undated_facts_are_left_out(client: TestClient) -> None:
    ids = {item.id for item in timeline(client).items}
    assert "kz-ru-border-length-km" not in ids  # an indicator without as_of
    assert "kz-territorial-defense-boost-order" not in ids  # an undated event
    assert "kz-kg-2021-military-technical-assistance" not in ids  # never dated as signed


def test_timeline_facts_are_the_countrys(client: TestClient) -> None:
    uzbek = timeline(client, "uzb")
    ids = {item.id for item in uzbek.items}
    assert "uz-population-2017" in ids
    assert "kz-population-2017" not in ids
    assert "uz-kz-2017-08-19-military-cooperation-plan-signing" in ids  # UZ takes part
    assert "kz-2021-08-21-mobilization-order" not in ids


def test_from_and_to_are_inclusive_partial_dates(client: TestClient) -> None:
    items = timeline(client, **{"from": "2017-06", "to": "2017-08"}).items
    dates = {item.date for item in items}
    # A fact dated 2017 overlaps June to August 2017; one of 2017-03-23 does not.
    assert {"2017", "2017-08-19"} <= dates
    assert "2017-03-23" not in dates
    assert all(date.startswith("2017") for date in dates)
    later = timeline(client, **{"from": "2021"}).items
    assert later
    assert all(item.date[:4] >= "2021" for item in later)
    up_to = timeline(client, to="2011").items
    assert {item.date for item in up_to} == {"2011-05-18"}


def test_kind_filter_and_totals_add_up(client: TestClient) -> None:
    everything = timeline(client)
    kinds = {item.kind for item in everything.items}
    assert {"event", "agreement", "ratification", "indicator", "inventory_entry"} <= kinds
    totals = 0
    for kind in kinds:
        page = timeline(client, kind=kind)
        assert {item.kind for item in page.items} == {kind}
        totals += page.total
    assert totals == everything.total


def test_pages_of_the_timeline_follow_each_other(client: TestClient) -> None:
    everything = timeline(client).items
    first = timeline(client, limit=3).items
    second = timeline(client, limit=3, offset=3).items
    assert first + second == everything[:6]


def test_unknown_countries_and_bad_parameters_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/countries/XX/timeline"), 404)
    for params in ({"from": "2021-13"}, {"to": "yesterday"}, {"kind": "rumour"}):
        body = assert_problem(client.get("/countries/KZ/timeline", params=params), 422)
        assert body["invalid_params"][0]["name"] == f"query.{next(iter(params))}"


def test_every_kind_of_item_has_its_citations() -> None:
    assert set(SUBJECTS) == set(get_args(TimelineKind))
