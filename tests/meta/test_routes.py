"""Dataset metadata and the bulk export agree with each other and with the database."""

from fastapi.testclient import TestClient

from app.meta.schemas import Export, Meta


def test_meta_names_the_version_and_counts_every_table(client: TestClient) -> None:
    meta = Meta.model_validate(client.get("/meta").json())
    assert len(meta.dataset_version) == 64
    assert meta.loaded_at
    assert meta.loaded_at.endswith("+00:00")
    assert meta.counts["source"] == 5
    assert meta.counts["country"] > 240
    assert "CC BY" in meta.licence


def test_export_holds_the_whole_dataset(client: TestClient) -> None:
    response = client.get("/export")
    assert "attachment" in response.headers["content-disposition"]
    export = Export.model_validate(response.json())
    counts = client.get("/meta").json()["counts"]
    assert export.dataset_version == client.get("/meta").json()["dataset_version"]
    assert len(export.sources) == counts["source"]
    assert len(export.inventory) == counts["inventory_entry"]
    assert len(export.transfers) == counts["transfer"]
    assert len(export.agreements) == counts["agreement"]
    assert len(export.indicators) == counts["country_indicator"]
    assert len(export.equipment) == counts["equipment"]
    assert len(export.organizations) == counts["organization"]
    assert len(export.countries) == counts["country"]
    assert all(source.text for source in export.sources)


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
