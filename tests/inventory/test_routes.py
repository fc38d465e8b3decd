"""GET /countries/{code}/inventory: the route users call most, and its filters."""

from typing import Any

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.inventory.schemas import InventoryEntryOut
from tests.problems import assert_problem

GFP_2021 = {
    "tanks": 300,
    "armoured-fighting-vehicles": 1200,
    "rocket-projectors": 407,
    "military-aircraft": 238,
    "naval-vessels": 15,
    "combat-helicopters": 22,
}
BOUGHT_FROM_RUSSIA = {
    "mig-29",
    "su-25",
    "su-27",
    "su-30mk",
    "il-76",
    "mi-8-17",
    "btr-80",
    "btr-80a",
}


def inventory(client: TestClient, code: str = "KZ", **params: Any) -> Page[InventoryEntryOut]:
    response = client.get(f"/countries/{code}/inventory", params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[InventoryEntryOut]).validate_python(response.json())


def test_kazakhstan_inventory_has_the_category_totals_and_the_types_in_service(
    client: TestClient,
) -> None:
    page = inventory(client)
    holdings = {e.category: e.quantity for e in page.items if e.kind == "holding"}
    assert holdings.items() >= GFP_2021.items()
    in_service = {e.equipment.slug for e in page.items if e.equipment is not None}
    assert in_service >= BOUGHT_FROM_RUSSIA
    assert page.total == len(page.items)
    for entry in page.items:
        assert entry.country == "KZ"
        assert entry.citations, entry.id
    tanks = next(e for e in page.items if e.category == "tanks" and e.kind == "holding")
    assert tanks.as_of == "2021"
    assert tanks.citations[0].attributed_to == "Global Firepower 2021"
    assert "300 tanks" in tanks.citations[0].quote


def test_category_filter(client: TestClient) -> None:
    page = inventory(client, category="fighter-aircraft")
    assert {e.equipment.slug for e in page.items if e.equipment} == {"mig-29", "su-27", "su-30mk"}
    assert {e.category for e in page.items} == {"fighter-aircraft"}


def test_unknown_category_is_a_422_naming_the_field_and_the_valid_ones(
    client: TestClient,
) -> None:
    body = assert_problem(client.get("/countries/KZ/inventory?category=space-lasers"), 422)
    (param,) = body["invalid_params"]
    assert param["name"] == "query.category"
    assert "tanks" in param["valid_values"]


def test_equipment_filter_and_unknown_equipment(client: TestClient) -> None:
    page = inventory(client, equipment="mig-29")
    assert [e.equipment.slug for e in page.items if e.equipment] == ["mig-29"]
    body = assert_problem(client.get("/countries/KZ/inventory?equipment=mig-99"), 404)
    assert body["detail"].startswith("query.equipment: no equipment 'mig-99'")


def test_as_of_matches_claims_dated_within_the_period(client: TestClient) -> None:
    year = inventory(client, as_of="2021")
    day = inventory(client, as_of="2021-11-12")
    assert {e.as_of for e in year.items} == {"2021", "2021-11-12"}
    assert {e.as_of for e in day.items} == {"2021-11-12"}
    assert inventory(client, as_of="1999").total == 0
    assert_problem(client.get("/countries/KZ/inventory?as_of=21-11"), 422)


def test_latest_keeps_the_newest_claim_per_category_and_equipment(client: TestClient) -> None:
    everything = inventory(client, limit=500)
    latest = inventory(client, latest="true", limit=500)
    groups: dict[tuple[str, str | None], str] = {}
    for entry in everything.items:
        key = (entry.category, entry.equipment.slug if entry.equipment else None)
        groups[key] = max(groups.get(key, ""), entry.as_of or "")
    for entry in latest.items:
        key = (entry.category, entry.equipment.slug if entry.equipment else None)
        assert (entry.as_of or "") == groups[key]
    assert {(e.category, e.equipment.slug if e.equipment else None) for e in latest.items} == set(
        groups
    )


def test_paging_is_stable_and_bounded(client: TestClient) -> None:
    whole = [e.id for e in inventory(client, limit=500).items]
    pages = [
        e.id
        for offset in range(0, len(whole), 4)
        for e in inventory(client, limit=4, offset=offset).items
    ]
    assert pages == whole
    for bad in ("limit=0", "limit=501", "offset=-1", "limit=ten"):
        body = assert_problem(client.get(f"/countries/KZ/inventory?{bad}"), 422)
        assert body["invalid_params"][0]["name"] == "query." + bad.split("=")[0]


def test_csv_by_parameter_or_accept_header(client: TestClient) -> None:
    by_param = client.get("/countries/KZ/inventory?format=csv")
    by_accept = client.get("/countries/KZ/inventory", headers={"Accept": "text/csv"})
    for response in (by_param, by_accept):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/csv")
    lines = by_param.text.splitlines()
    header = lines[0].split(",")
    assert header[:4] == ["id", "country", "category", "equipment.slug"]
    assert "citations" in header
    assert len(lines) == 1 + inventory(client).total
    assert "300 tanks" in by_param.text
    assert by_accept.text == by_param.text
    assert_problem(client.get("/countries/KZ/inventory?format=xml"), 422)


def test_entries_carry_their_stance_and_the_link_to_whom_they_cite(client: TestClient) -> None:
    page = inventory(client)
    for entry in page.items:
        assert entry.stance in ("stated", "hedged", "opinion", "planned"), entry.id
        if entry.stance == "stated":
            assert entry.hedge is None, entry.id
    tanks = next(e for e in page.items if e.id == "kz-gfp-2021-tanks")
    assert (tanks.stance, tanks.hedge) == ("stated", None)
    (citation,) = tanks.citations
    assert citation.attributed_to == "Global Firepower 2021"
    assert citation.attributed_to_ref is not None
    assert (citation.attributed_to_ref.kind, citation.attributed_to_ref.id) == (
        "organization",
        "global-firepower",
    )
    mig = next(e for e in page.items if e.id == "kz-in-service-mig-29")
    assert all(c.attributed_to_ref is None for c in mig.citations if not c.attributed_to)
