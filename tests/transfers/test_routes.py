"""Transfers: filters by supplier, recipient, status, and a country's imports and exports."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.transfers.schemas import TransferOut
from tests.problems import assert_problem


def transfers(client: TestClient, path: str = "/transfers", **params: str) -> Page[TransferOut]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[TransferOut]).validate_python(response.json())


def test_russian_deliveries_to_kazakhstan(client: TestClient) -> None:
    page = transfers(client, supplier="RU", recipient="kaz", status="delivered")
    assert {t.equipment.slug for t in page.items if t.equipment} >= {"mig-29", "btr-80a"}
    assert all(t.supplier == "RU" and t.recipient == "KZ" for t in page.items)
    assert all(t.years is None for t in page.items)  # "in recent years" gives no year


def test_aid_to_kyrgyzstan_keeps_its_terms(client: TestClient) -> None:
    aid = transfers(client, recipient="KG").items
    for transfer in aid:
        assert transfer.supplier == "KZ"
        assert transfer.status == "pledged"
        assert any("Koy Tash" in term for term in transfer.terms)
        assert any("third state" in term for term in transfer.terms)


def test_ammunition_and_special_equipment_are_two_categories(client: TestClient) -> None:
    aid = transfers(client, recipient="KG").items
    assert sorted(t.category for t in aid if t.category) == ["ammunition", "special-equipment"]
    categories = {c["slug"] for c in client.get("/categories").json()["items"]}
    served = transfers(client, limit="500").items
    assert {t.category for t in served if t.category} <= categories
    mig = next(t for t in served if t.id == "ru-kz-mig-29")
    assert mig.category == "fighter-aircraft"


def test_every_transfer_says_how_strongly_its_article_states_it(client: TestClient) -> None:
    for transfer in transfers(client, limit="500").items:
        assert transfer.stance in ("stated", "hedged", "opinion", "planned")
        if transfer.stance == "stated":
            assert transfer.hedge is None, transfer.id
        if transfer.stance == "hedged":
            assert transfer.hedge, transfer.id


def test_country_transfers_by_direction(client: TestClient) -> None:
    imports = transfers(client, "/countries/KZ/transfers", direction="imports")
    exports = transfers(client, "/countries/KZ/transfers", direction="exports")
    both = transfers(client, "/countries/KZ/transfers")
    assert {t.recipient for t in imports.items} == {"KZ"}
    assert {t.supplier for t in exports.items} == {"KZ"}
    assert both.total == imports.total + exports.total
    assert {t.recipient for t in exports.items} >= {"KG", "TJ", "UZ"}


def test_bad_transfer_filters_are_422_problems(client: TestClient) -> None:
    body = assert_problem(client.get("/transfers?supplier=XX"), 404)
    assert body["detail"].startswith("query.supplier: ")
    assert_problem(client.get("/transfers?status=stolen"), 422)
    assert_problem(client.get("/transfers?recipient=K"), 422)
    assert_problem(client.get("/countries/KZ/transfers?direction=sideways"), 422)
