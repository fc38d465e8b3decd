"""People: the names the articles use, their roles with citations, the events they are in."""

import csv
import io

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.people.schemas import PersonDetail, PersonOut
from tests.problems import assert_problem


def people(client: TestClient, **params: str) -> Page[PersonOut]:
    response = client.get("/people", params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[PersonOut]).validate_python(response.json())


def person(client: TestClient, slug: str) -> PersonDetail:
    response = client.get(f"/people/{slug}")
    assert response.status_code == 200, response.text
    return PersonDetail.model_validate(response.json())


def test_tokayev_keeps_the_spelling_of_each_article(client: TestClient) -> None:
    tokayev = person(client, "kassym-jomart-tokayev")
    assert tokayev.name == "Kassym-Jomart Tokayev"
    assert tokayev.aliases == ["Kasym-Jomart Tokayev"]
    assert tokayev.country == "KZ"
    quotes = [c.quote for c in tokayev.citations]
    assert any("Kasym-Jomart Tokayev" in quote for quote in quotes)
    assert any("Kassym-Jomart Tokayev" in quote for quote in quotes)


def test_a_persons_roles_carry_their_own_citations(client: TestClient) -> None:
    tokayev = person(client, "kassym-jomart-tokayev")
    president = next(r for r in tokayev.roles if r.title == "President of Kazakhstan")
    assert president.country == "KZ"
    assert president.stance == "stated"
    assert president.citations
    shpekbayev = person(client, "ruslan-shpekbayev")
    (deputy,) = shpekbayev.roles
    assert deputy.title == "Deputy Defense Minister"
    assert deputy.organization == "kz-ministry-of-defence"
    assert any("Deputy Defense Minister Ruslan Shpekbayev" in c.quote for c in deputy.citations)


def test_role_dates_are_served_as_from_and_to(client: TestClient) -> None:
    kucera = client.get("/people/joshua-kucera").json()
    writer = next(role for role in kucera["roles"] if role["title"] == "writer")
    assert (writer["from"], writer["to"]) == ("2007", None)
    berdiyev = client.get("/people/kabul-berdiyev").json()
    assert berdiyev["roles"][0]["to"] == "2017-09-04"  # "who left office Monday, September 4"


def test_a_person_with_the_events_they_take_part_in(client: TestClient) -> None:
    tokayev = person(client, "kassym-jomart-tokayev")
    events = {event.id: event for event in tokayev.events}
    order = events["kz-2021-08-21-mobilization-order"]
    assert (order.type, order.date, order.role) == ("order", "2021-08-21", "ordered")
    dates = [event.date for event in tokayev.events]
    dated = [date for date in dates if date is not None]
    assert dates == dated + [None] * (len(dates) - len(dated))  # oldest first, undated last
    assert dated == sorted(dated)
    for event in tokayev.events:
        shown = client.get(f"/events/{event.id}").json()
        assert "kassym-jomart-tokayev" in {p["code"] for p in shown["participants"]}


def test_people_of_a_country_and_of_an_organization(client: TestClient) -> None:
    everyone = people(client, limit="500")
    kazakhs = people(client, country="kaz", limit="500")
    assert {p.country for p in kazakhs.items} == {"KZ"}
    assert {"kassym-jomart-tokayev", "ruslan-shpekbayev"} <= {p.slug for p in kazakhs.items}
    assert kazakhs.total < everyone.total
    ministry = people(client, organization="kz-ministry-of-defence", limit="500")
    assert "ruslan-shpekbayev" in {p.slug for p in ministry.items}
    for member in ministry.items:
        assert "kz-ministry-of-defence" in {role.organization for role in member.roles}
    slugs = [p.slug for p in everyone.items]
    assert slugs == sorted(slugs)
    for listed in everyone.items:
        assert listed.citations, listed.slug


def test_a_person_in_the_list_is_the_person_without_events(client: TestClient) -> None:
    listed = next(p for p in people(client, limit="500").items if p.slug == "joshua-kucera")
    detail = person(client, "joshua-kucera")
    assert PersonOut.model_validate(detail.model_dump(by_alias=True)) == listed


def test_people_as_csv_keep_roles_in_one_cell(client: TestClient) -> None:
    response = client.get("/people?format=csv&country=KZ&limit=500")
    assert response.headers["content-type"].startswith("text/csv")
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(response.text))}
    roles = rows["ruslan-shpekbayev"]["roles"]
    assert "title=Deputy Defense Minister" in roles
    assert "source_id" not in roles  # a role's citations stay in the JSON


def test_unknown_people_and_bad_filters_are_problems(client: TestClient) -> None:
    body = assert_problem(client.get("/people/no-such-person"), 404)
    assert "no-such-person" in body["detail"]
    body = assert_problem(client.get("/people?country=ZZ"), 404)
    assert body["detail"].startswith("query.country: ")
    body = assert_problem(client.get("/people?organization=no-such-body"), 404)
    assert "no-such-body" in body["detail"]
    body = assert_problem(client.get("/people?organization=kz-ministry-of-defence,Bad!"), 422)
    (param,) = body["invalid_params"]
    assert param["name"] == "query.organization"
    assert param["reason"].startswith("'Bad!': ")
    assert_problem(client.get("/people?organization=Not%20A%20Slug"), 422)
