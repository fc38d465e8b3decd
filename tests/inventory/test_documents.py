"""The inventory read model serves exactly what the facts say, and follows every load."""

import asyncio
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from app.citations.queries import with_citations
from app.core.config import Settings
from app.core.reader import open_reader
from app.inventory import documents
from app.inventory.documents import ENTRIES, ORDER, rebuild_inventory_documents
from app.main import create_app
from app.seeding.loader import load_seeds
from tests.conftest import quiet


def live_rendering(engine: Engine) -> list[dict[str, object]]:
    """The entries computed from the fact tables at request time, without the read model."""
    url = engine.url.render_as_string(hide_password=False)

    async def render() -> list[dict[str, object]]:
        reader = open_reader(Settings(database_url=url))
        try:
            rows = await reader.all(f"{ENTRIES} WHERE country.iso2 = 'KZ' ORDER BY {ORDER}")
            return await with_citations(reader, "inventory_entry", rows)
        finally:
            await reader.close()

    return asyncio.run(render())


def test_served_entries_equal_the_facts_rendered_live(seeded_engine: Engine) -> None:
    url = seeded_engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(Settings(database_url=url))) as client:
        served = client.get("/countries/KZ/inventory", params={"limit": 500}).json()["items"]
    assert served == live_rendering(seeded_engine)


def test_a_reload_that_edits_a_quote_changes_what_is_served(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = sorted((seeds_copy / "data").glob("*.yaml"))[0]
    document = yaml.safe_load(path.read_text())
    entry = document["inventory"][0]
    entry["citations"][0]["attributed_to"] = "Global Firepower 2021 (edited)"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    load_seeds(seeded_engine, seeds_copy, progress=quiet)

    url = seeded_engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(Settings(database_url=url))) as client:
        items = client.get("/countries/KZ/inventory", params={"limit": 500}).json()["items"]
    edited = next(item for item in items if item["id"] == entry["key"])
    assert edited["citations"][0]["attributed_to"] == "Global Firepower 2021 (edited)"
    assert items == live_rendering(seeded_engine)


def stored_documents(engine: Engine) -> list[tuple[object, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT position, inventory_entry_id, country_id, body"
                " FROM inventory_entry_document ORDER BY position"
            )
        )
        return [(row[0], row[1], row[2], bytes(row[3])) for row in rows]


def test_documents_built_in_batches_equal_those_built_one_entry_at_a_time(
    seeded_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = stored_documents(seeded_engine)
    monkeypatch.setattr(documents, "BATCH", 1)
    with seeded_engine.begin() as connection:
        assert rebuild_inventory_documents(connection) == len(loaded)
    one_at_a_time = stored_documents(seeded_engine)
    # Several batches, the last one partial.
    monkeypatch.setattr(documents, "BATCH", 3)
    assert len(loaded) > 2 * documents.BATCH
    assert len(loaded) % documents.BATCH
    with seeded_engine.begin() as connection:
        assert rebuild_inventory_documents(connection) == len(loaded)
    in_batches = stored_documents(seeded_engine)
    assert in_batches == one_at_a_time == loaded
    assert [position for position, *_ in in_batches] == list(range(len(loaded)))

    url = seeded_engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(Settings(database_url=url))) as client:
        served = client.get("/countries/KZ/inventory", params={"limit": 500}).json()["items"]
    assert served == live_rendering(seeded_engine)


def test_a_reload_renders_only_the_entries_it_changes_and_moves_the_rest(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = sorted((seeds_copy / "data").glob("*.yaml"))[0]
    document = yaml.safe_load(path.read_text())
    edited, removed = document["inventory"][0], document["inventory"].pop(1)
    edited["note"] = "A note added on reload."
    # A new entry, sorting first among Kazakhstan's: every later document moves one place.
    added = dict(edited, key="kz-aaa-added", category="armoured-vehicles", note=None)
    document["inventory"].append(added)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    messages: list[str] = []
    load_seeds(seeded_engine, seeds_copy, prune=True, progress=messages.append)

    # The edited entry and the added one; the removed one's document went with it.
    assert "inventory documents rendered: 2" in messages
    incremental = stored_documents(seeded_engine)
    with seeded_engine.begin() as connection:
        rebuild_inventory_documents(connection)
    assert incremental == stored_documents(seeded_engine)
    keys = {yaml.safe_load(body)["id"] for *_, body in incremental}
    assert {edited["key"], added["key"]} <= keys
    assert removed["key"] not in keys
