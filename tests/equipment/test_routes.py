"""Equipment: filters by category, origin and operator; a model with its operators."""

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.core.schemas import Page
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from tests.problems import assert_problem


def equipment(client: TestClient, **params: str) -> Page[EquipmentOut]:
    response = client.get("/equipment", params=params)
    assert response.status_code == 200, response.text
    return TypeAdapter(Page[EquipmentOut]).validate_python(response.json())


def test_filters(client: TestClient) -> None:
    russian = {e.slug for e in equipment(client, origin="RU").items}
    assert {"mig-29", "su-25", "btr-80"} <= russian
    kazakh = equipment(client, origin="KZ").items
    assert {e.slug for e in kazakh} == {"arlan", "barys"}
    assert all(
        e.manufacturer and e.manufacturer.slug == "kazakhstan-paramount-engineering" for e in kazakh
    )
    operated = {e.slug for e in equipment(client, operator="KZ").items}
    assert "mig-29" in operated
    assert "arlan" not in operated
    fighters = {e.slug for e in equipment(client, category="fighter-aircraft").items}
    assert fighters == {"mig-29", "su-27", "su-30mk"}


def test_one_model_with_its_operators(client: TestClient) -> None:
    mig = EquipmentDetail.model_validate(client.get("/equipment/mig-29").json())
    assert mig.origin_country == "RU"
    assert [o.code for o in mig.operators] == ["KZ"]
    assert mig.citations


def test_unknown_equipment_and_filters(client: TestClient) -> None:
    assert_problem(client.get("/equipment/mig-99"), 404)
    body = assert_problem(client.get("/equipment?category=boats"), 422)
    assert body["invalid_params"][0]["valid_values"]
    assert "QQ" in assert_problem(client.get("/equipment?origin=QQ"), 404)["detail"]
