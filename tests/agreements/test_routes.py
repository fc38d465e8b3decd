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
    assert agreement.ratified_on == "2021-11-10"
    assert agreement.note
    assert "Wednesday" in agreement.note
    assert agreement.citations


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
    plan = agreements(client, type="Military Co-operation Plan")
    assert [a.signed_on for a in plan.items] == ["2017-08-19"]


def test_one_agreement_and_an_unknown_one(client: TestClient) -> None:
    first = agreements(client).items[0]
    response = client.get(f"/agreements/{first.id}")
    assert AgreementOut.model_validate(response.json()) == first
    assert_problem(client.get("/agreements/no-such-agreement"), 404)
    assert_problem(client.get("/agreements?year=20"), 422)
    assert_problem(client.get("/agreements?country=ZZ"), 422)
