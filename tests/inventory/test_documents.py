"""The inventory read model serves exactly what the facts say, and follows every load."""

import asyncio
from pathlib import Path

import yaml
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.citations.queries import with_citations
from app.core.config import Settings
from app.core.reader import open_reader
from app.inventory.documents import ENTRIES, ORDER
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
