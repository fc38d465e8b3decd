"""Agreements: parties with roles, dates with their precision, terms, filters."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.agreements.schemas import AgreementOut
from app.core.schemas import Page
from tests.problems import assert_problem


def agreements(client: TestClient, path: str = "/agreements", **params: str) -> Page[AgreementOut]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[AgreementOut]).validate_python(response.json())


def test_aid_agreement_with_kyrgyzstan(client: TestClient) -> None:
    (agreement,) = agreements(client, country="KG").items
    roles = {party.code: party.role for party in agreement.parties}
    assert set(roles) == {"KZ", "KG"}
    assert agreement.stance == "stated"
    assert agreement.hedge is None
    assert agreement.citations


def test_the_majilis_vote_is_a_ratification_step_not_the_ratification(
    client: TestClient,
) -> None:
    (agreement,) = agreements(client, country="KG").items
    # Only the lower house voted: the agreement is not ratified as a whole.
    assert agreement.ratified_on is None
    (step,) = agreement.ratification
    assert (step.body, step.body_name, step.outcome) == ("majilis", "Majilis", "passed")
    assert step.date == "2021-11-10"
    assert step.note
    assert "Wednesday" in step.note  # the date is derived from the article's weekday
    assert any("Majilis, ratified agreements" in c.quote for c in step.citations)


def test_ratification_steps_are_served_with_every_agreement_that_has_them(
    client: TestClient,
) -> None:
    page = agreements(client, limit="500")
    steps = {a.id: [s.body for s in a.ratification] for a in page.items if a.ratification}
    assert steps["kz-nato-2011-isaf-exchange-of-notes"] == ["majilis"]
    assert steps["kz-tj-2021-military-technical-assistance"] == ["majilis"]
    signed = next(a for a in page.items if a.id == "uz-kz-2017-military-cooperation-plan")
    assert signed.ratification == []


def test_citations_link_whom_they_are_attributed_to(client: TestClient) -> None:
    (agreement,) = agreements(client, country="KG").items
    attributed = {
        c.attributed_to: c.attributed_to_ref for c in agreement.citations if c.attributed_to
    }
    ref = attributed["Ruslan Shpekbayev"]
    assert ref is not None
    assert (ref.kind, ref.id) == ("person", "ruslan-shpekbayev")
    assert client.get(f"/people/{ref.id}").status_code == 200
    assert all(c.attributed_to_ref is None for c in agreement.citations if not c.attributed_to)


def test_nato_exchange_of_notes_has_an_organization_party(client: TestClient) -> None:
    page = agreements(client, "/countries/KZ/agreements")
    isaf = next(a for a in page.items if "exchange of notes" in a.title.lower())
    kinds = {party.code: party.kind for party in isaf.parties}
    assert kinds["KZ"] == "country"
    assert "organization" in kinds.values()


def test_year_and_type_filters(client: TestClient) -> None:
    in_2017 = agreements(client, year="2017")
    assert in_2017.total >= 2
    assert all("2017" in (a.signed_on or "") + (a.ratified_on or "") for a in in_2017.items)
    plan = agreements(client, type="military co-operation plan")
    assert [a.signed_on for a in plan.items] == ["2017-08-19"]


def test_one_agreement_and_an_unknown_one(client: TestClient) -> None:
    first = agreements(client).items[0]
    response = client.get(f"/agreements/{first.id}")
    assert AgreementOut.model_validate(response.json()) == first
    assert_problem(client.get("/agreements/no-such-agreement"), 404)
    assert_problem(client.get("/agreements?year=20"), 422)
    assert "ZZ" in assert_problem(client.get("/agreements?country=ZZ"), 404)["detail"]
