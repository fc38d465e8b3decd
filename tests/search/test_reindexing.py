"""A reload re-indexes what it changed, and the index is then what a full rebuild makes."""

from pathlib import Path

import yaml
from sqlalchemy import Engine, text

from app.search.indexing import rebuild_search_index
from app.seeding.loader import load_seeds
from tests.conftest import quiet


def indexed(engine: Engine) -> list[tuple[str, str, str, str]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT kind, ref, title, body FROM search_document ORDER BY kind, ref")
        )
        return [tuple(row) for row in rows]


def test_a_reload_indexes_changed_entries_and_drops_removed_ones(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = sorted((seeds_copy / "data").glob("*.yaml"))[0]
    document = yaml.safe_load(path.read_text())
    edited, removed = document["inventory"][0], document["inventory"].pop(1)
    edited["note"] = "Reindexed zanzibarite note."
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    load_seeds(seeded_engine, seeds_copy, prune=True, progress=quiet)

    after_reload = indexed(seeded_engine)
    refs = {ref for kind, ref, *_ in after_reload if kind == "inventory_entry"}
    assert edited["key"] in refs
    assert removed["key"] not in refs
    assert any("zanzibarite" in body for *_, body in after_reload)
    with seeded_engine.begin() as connection:
        rebuild_search_index(connection)
    assert indexed(seeded_engine) == after_reload
