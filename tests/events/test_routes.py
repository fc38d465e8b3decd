"""Events: who took part and how, where, when, and how strongly the article says so."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.events.schemas import EventOut
from tests.problems import assert_problem


def events(client: TestClient, **params: str) -> Page[EventOut]:
    response = client.get("/events", params={"limit": "500"} | params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[EventOut]).validate_python(response.json())


def test_the_mobilization_order_after_the_fall_of_kabul(client: TestClient) -> None:
    response = client.get("/events/kz-2021-08-21-mobilization-order")
    assert response.status_code == 200, response.text
    order = EventOut.model_validate(response.json())
    assert (order.type, order.date, order.stance, order.hedge) == (
        "order",
        "2021-08-21",
        "stated",
        None,
    )
    roles = {(p.kind, p.code): p.role for p in order.participants}
    assert roles[("person", "kassym-jomart-tokayev")] == "ordered"
    assert any("Six days after the Taliban’s takeover of Kabul" in c.quote for c in order.citations)
    assert order.note
    assert "Derived" in order.note  # six days after 2021-08-15


def test_a_hedged_event_keeps_its_hedge(client: TestClient) -> None:
    decision = EventOut.model_validate(
        client.get("/events/kz-isaf-troop-contribution-decision").json()
    )
    assert (decision.stance, decision.hedge) == ("hedged", "apparently")
    assert any("apparently" in c.quote for c in decision.citations)


def test_opinions_and_plans_are_events_not_facts(client: TestClient) -> None:
    stances = {event.id: event.stance for event in events(client).items}
    assert stances["kz-isaf-deployment-analyst-view"] == "opinion"
    assert stances["uz-kz-planned-joint-exercises"] == "planned"
    for event in events(client).items:
        assert event.citations, event.id
        if event.stance == "hedged":
            assert event.hedge
            assert any(event.hedge in c.quote for c in event.citations), event.id


def test_events_are_oldest_first_and_undated_last(client: TestClient) -> None:
    dates = [event.date for event in events(client).items]
    dated = [date for date in dates if date is not None]
    assert dated == sorted(dated)
    assert dates == dated + [None] * (len(dates) - len(dated))


def test_a_country_matches_the_events_it_takes_part_in(client: TestClient) -> None:
    uzbek = events(client, country="UZB")
    assert uzbek.total >= 3
    for event in uzbek.items:
        assert ("country", "UZ") in {(p.kind, p.code) for p in event.participants}, event.id
    assert "uz-kz-2017-08-19-military-cooperation-plan-signing" in {e.id for e in uzbek.items}


def test_events_of_a_person_a_type_and_a_year(client: TestClient) -> None:
    tokayev = events(client, person="kassym-jomart-tokayev")
    assert "kz-2021-08-21-mobilization-order" in {e.id for e in tokayev.items}
    for event in tokayev.items:
        assert "kassym-jomart-tokayev" in {p.code for p in event.participants}
    votes = events(client, type="vote")
    assert {e.type for e in votes.items} == {"vote"}
    assert {
        "kz-2011-05-18-majilis-vote-isaf-notes",
        "kz-2021-11-10-majilis-ratification-vote",
    } <= {e.id for e in votes.items}
    in_2017 = events(client, year="2017")
    assert in_2017.total >= 4
    assert all(e.date and e.date.startswith("2017") for e in in_2017.items)


def test_event_places_are_served_places(client: TestClient) -> None:
    signing = EventOut.model_validate(client.get("/events/uz-kz-2017-03-23-astana-signing").json())
    assert signing.places == ["astana"]
    for event in events(client).items:
        for slug in event.places:
            assert client.get(f"/places/{slug}").status_code == 200, (event.id, slug)


def test_one_event_is_the_event_of_the_list(client: TestClient) -> None:
    first = events(client).items[0]
    assert EventOut.model_validate(client.get(f"/events/{first.id}").json()) == first


def test_unknown_events_and_bad_filters_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/events/no-such-event"), 404)
    body = assert_problem(client.get("/events?type=coup"), 422)
    assert body["invalid_params"][0]["name"] == "query.type"
    # Unknown people and countries are data the dataset lacks: a 404 naming them.
    body = assert_problem(client.get("/events?person=no-such-person"), 404)
    assert body["detail"].startswith("query.person: ")
    body = assert_problem(client.get("/events?country=ZZ"), 404)
    assert body["detail"].startswith("query.country: ")
    assert_problem(client.get("/events?year=21"), 422)
