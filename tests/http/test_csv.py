"""A list's CSV has the columns its schema gives, whatever the page holds: the same header on
every page, and a header even when nothing matches."""

import csv
import io

from fastapi.testclient import TestClient

from app.core.http import csv_columns
from app.transfers.schemas import TransferOut


def table(client: TestClient, path: str, **params: str) -> list[list[str]]:
    response = client.get(path, params={"format": "csv", **params})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.text)))


def test_every_page_and_an_empty_one_have_the_schema_columns(client: TestClient) -> None:
    expected = csv_columns(TransferOut)
    assert expected[:5] == ["id", "supplier", "recipient", "equipment.slug", "equipment.name"]
    # Transfers without equipment and with it: the columns do not move.
    headers = {tuple(table(client, "/transfers", limit="1", offset=str(n))[0]) for n in range(5)}
    assert headers == {tuple(expected)}
    empty = table(client, "/transfers", year_from="1990", year_to="1990")
    assert empty == [expected]


def test_chosen_fields_are_the_columns_in_their_order(client: TestClient) -> None:
    rows = table(client, "/countries/KZ/inventory", fields="quantity,equipment,id")
    assert rows[0] == ["quantity", "equipment.slug", "equipment.name", "id"]
    assert all(len(row) == 4 for row in rows)
    assert {row[3] for row in rows[1:]} >= {"kz-gfp-2021-tanks", "kz-in-service-mig-29"}
