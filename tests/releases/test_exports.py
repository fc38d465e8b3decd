"""The export in its four formats, streamed from the current release (and any past one): the
same facts in each, as the API serves them, on SQLite and PostgreSQL."""

import asyncio
import csv
import io
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.core.http import csv_columns
from app.main import create_app
from app.releases import exporting
from app.releases.exporting import KINDS
from tests.problems import assert_problem


@pytest.fixture
def document(client: TestClient) -> dict[str, Any]:
    response = client.get("/export")
    assert response.status_code == 200
    assert response.headers["content-disposition"].endswith('.json"')
    exported: dict[str, Any] = response.json()
    return exported


def facts(document: dict[str, Any]) -> dict[str, list[Any]]:
    return {kind: document[kind] for kind in KINDS}


def test_the_json_document_holds_every_fact_as_served(
    client: TestClient, document: dict[str, Any]
) -> None:
    assert set(document) == {"dataset_version", "loaded_at", "licence", *KINDS}
    served = client.get("/countries/KZ/inventory", params={"limit": 500}).json()["items"]
    by_id = {entry["id"]: entry for entry in document["inventory"]}
    assert all(by_id[entry["id"]] == entry for entry in served)
    assert len(document["countries"]) == client.get("/countries").json()["total"]
    current = client.get("/releases", params={"limit": 1}).json()["items"][0]["version"]
    past = client.get(f"/releases/{current}/export").json()
    assert facts(past) == facts(document)


def test_ndjson_is_one_fact_a_line_with_its_kind_and_id(
    client: TestClient, document: dict[str, Any]
) -> None:
    response = client.get("/export", params={"format": "ndjson"})
    assert response.headers["content-type"] == "application/x-ndjson"
    lines = [orjson.loads(line) for line in response.content.splitlines()]
    assert len(lines) == sum(len(items) for items in facts(document).values())
    tanks = next(line for line in lines if line["id"] == "kz-gfp-2021-tanks")
    assert tanks["kind"] == "inventory"
    assert tanks["fact"]["kind"] == "holding"  # the fact's own `kind`, kept whole
    assert tanks["fact"] in document["inventory"]


def test_csv_is_a_zip_of_one_csv_per_kind_with_the_schema_columns(
    client: TestClient, document: dict[str, Any]
) -> None:
    response = client.get("/export", params={"format": "csv"})
    assert response.headers["content-type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == sorted(f"{kind}.csv" for kind in KINDS)
    for kind, model in KINDS.items():
        rows = list(csv.reader(io.StringIO(archive.read(f"{kind}.csv").decode("utf-8"))))
        assert rows[0] == csv_columns(model), kind
        assert len(rows) - 1 == len(document[kind]), kind


def test_sqlite_is_a_database_any_sqlite_tool_opens(
    client: TestClient, document: dict[str, Any], tmp_path: Path
) -> None:
    response = client.get("/export", params={"format": "sqlite"})
    assert response.headers["content-type"] == "application/vnd.sqlite3"
    assert int(response.headers["content-length"]) == len(response.content)
    path = tmp_path / "milcap.sqlite"
    path.write_bytes(response.content)
    database = sqlite3.connect(path)
    for kind in KINDS:
        (count,) = database.execute(f'SELECT count(*) FROM "{kind}"').fetchone()
        assert count == len(document[kind]), kind
    (quantity, body) = database.execute(
        "SELECT quantity, _json FROM inventory WHERE _id = 'kz-gfp-2021-tanks'"
    ).fetchone()
    assert quantity == "300"
    assert orjson.loads(body) in document["inventory"]
    database.close()


def test_an_unsupported_format_is_a_422_and_a_matching_etag_a_304(client: TestClient) -> None:
    body = assert_problem(client.get("/export", params={"format": "xml"}), 422)
    assert "ndjson" in body["invalid_params"][0]["valid_values"]
    first = client.get("/export", params={"format": "ndjson"})
    again = client.get(
        "/export", params={"format": "ndjson"}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert again.status_code == 304
    assert first.headers["etag"] != client.get("/export").headers["etag"]


def test_other_requests_are_answered_while_an_export_streams(
    seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A client reading as fast as the export is written never makes the server wait, and a
    SQLite read does not suspend either: the export must still give way between batches."""
    monkeypatch.setattr(exporting, "BATCH", 1)  # hundreds of batches
    app = create_app(Settings(database_url=seeded_engine.url.render_as_string(False)))
    answered_meanwhile = 0

    async def both() -> None:
        nonlocal answered_meanwhile
        transport = httpx.ASGITransport(app=app)  # collects bodies: it never makes send wait
        async with httpx.AsyncClient(transport=transport, base_url="http://milcap") as client:
            export = asyncio.create_task(client.get("/export?format=ndjson"))
            while not export.done():
                await asyncio.sleep(0)  # the export's turn
                assert (await client.get("/healthz")).status_code == 200
                answered_meanwhile += 1
            assert (await export).status_code == 200

    asyncio.run(both())
    # Hundreds of batches: a request answered between many of them, not only before or after.
    assert answered_meanwhile > 10
