"""A release is the difference between the load's facts and the versions left open, found in
the database: the open versions are always the export, fact for fact, digests included."""

import asyncio
import hashlib

from sqlalchemy import Connection, Engine, text

from app.core.reader import Reader
from app.inventory.documents import rebuild_inventory_documents
from app.meta.queries import exported_facts
from app.releases.recording import CHANGES, STAGED, TransactionConnections, record_release

Fact = tuple[str, str]


def open_versions(connection: Connection) -> dict[Fact, tuple[bytes, str]]:
    rows = connection.execute(
        text("SELECT kind, key, body, digest FROM fact_version WHERE until_release_id IS NULL")
    )
    return {(row.kind, row.key): (bytes(row.body), row.digest) for row in rows}


def exported(connection: Connection) -> dict[Fact, bytes]:
    """Every fact as the export serves it: the small kinds rendered, the inventory's documents."""
    reader = Reader(TransactionConnections(connection))
    facts = asyncio.run(exported_facts(reader))
    found = {(kind, key): body for kind, items in facts.items() for key, body in items}
    documents = connection.execute(
        text(
            "SELECT inventory_entry.key, inventory_entry_document.body FROM inventory_entry"
            " JOIN inventory_entry_document"
            " ON inventory_entry_document.inventory_entry_id = inventory_entry.id"
        )
    )
    return found | {("inventory", row.key): bytes(row.body) for row in documents}


def assert_open_versions_are_the_export(connection: Connection) -> None:
    facts = exported(connection)
    assert open_versions(connection) == {
        fact: (body, hashlib.sha256(body).hexdigest()) for fact, body in facts.items()
    }


def temporary_tables_left(connection: Connection) -> list[str]:
    names = [STAGED.name, CHANGES.name]
    if connection.dialect.name == "sqlite":
        rows = connection.execute(text("SELECT name FROM sqlite_temp_master WHERE type = 'table'"))
        return [row.name for row in rows if row.name in names]
    return [n for n in names if connection.execute(text(f"SELECT to_regclass('{n}')")).scalar()]


def test_the_open_versions_of_a_load_are_its_export(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as connection:
        assert_open_versions_are_the_export(connection)
        assert {kind for kind, _ in open_versions(connection)} >= {"inventory", "sources"}


def test_a_fact_added_one_changed_and_one_removed_are_the_release(seeded_engine: Engine) -> None:
    with seeded_engine.begin() as connection:
        changed, removed = connection.execute(
            text("SELECT id, key FROM inventory_entry ORDER BY key LIMIT 2")
        ).all()
        connection.execute(
            text("UPDATE inventory_entry SET quantity = COALESCE(quantity, 0) + 1 WHERE id = :id"),
            {"id": changed.id},
        )
        connection.execute(
            text("DELETE FROM citation WHERE inventory_entry_id = :id"), {"id": removed.id}
        )
        connection.execute(text("DELETE FROM inventory_entry WHERE id = :id"), {"id": removed.id})
        connection.execute(
            text("INSERT INTO category (slug, label) VALUES ('test-added', 'Added by a test')")
        )
        rebuild_inventory_documents(connection)
        before = open_versions(connection)

        release = record_release(connection, "f" * 64, "a test")
        assert release is not None
        assert (release.added, release.changed, release.removed) == (1, 1, 1)
        assert release.version == "f" * 64
        after = open_versions(connection)
        assert ("categories", "test-added") in after.keys() - before.keys()
        assert ("inventory", removed.key) in before.keys() - after.keys()
        assert after[("inventory", changed.key)] != before[("inventory", changed.key)]
        assert_open_versions_are_the_export(connection)
        assert temporary_tables_left(connection) == []

        closed = connection.execute(
            text(
                "SELECT kind, key FROM fact_version WHERE until_release_id ="
                " (SELECT id FROM release WHERE version = :version)"
            ),
            {"version": release.version},
        ).all()
        assert sorted(map(tuple, closed)) == sorted(
            [("inventory", changed.key), ("inventory", removed.key)]
        )
        # The same facts again: nothing to record, and nothing left behind.
        assert record_release(connection, "e" * 64) is None
        assert open_versions(connection) == after
        assert temporary_tables_left(connection) == []
