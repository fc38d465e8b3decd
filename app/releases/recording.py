"""A release, recorded in the load's own transaction: every fact rendered as the API serves
it, compared with the versions the last release left open, and the differences kept. A load
that changes no fact records none; a failure anywhere rolls the whole load back.

The comparison is set-based, in the database: the facts are staged in a temporary table,
beside the open versions, and the changes are joins on (kind, key). The few hundred facts of
the small kinds are rendered by the read queries themselves, run on the load's connection so
they see its uncommitted rows; the inventory (up to a million entries) never passes through
Python: its facts are the read model's documents, rebuilt earlier in the same transaction, and
staged with one INSERT ... SELECT that digests them in SQL."""

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from sqlalchemy import (
    Column,
    Connection,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    text,
)

from app.core.connections import Params, Result
from app.core.reader import Reader
from app.meta.queries import INVENTORY, exported_facts, table_counts
from app.releases.models import Release

# The load's facts, a row per (kind, key): the small kinds with their body, the inventory
# with the entry whose document is its body (copied only if it is written).
_temporary = MetaData()
STAGED = Table(
    "release_staged_fact",
    _temporary,
    Column("kind", String(40), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("digest", String(64), nullable=False),
    Column("body", LargeBinary),
    Column("inventory_entry_id", Integer),
    prefixes=["TEMPORARY"],
)
# What the release changes: `added` and `changed` facts are written, the open versions of
# `changed` and `removed` ones (`fact_version_id`) closed.
CHANGES = Table(
    "release_fact_change",
    _temporary,
    Column("kind", String(40), nullable=False),
    Column("key", String(200), nullable=False),
    Column("change", String(7), nullable=False),
    Column("fact_version_id", Integer),
    prefixes=["TEMPORARY"],
)
# A document's hex SHA-256 digest, as hashlib gives it; SQLite has no sha256(): the load's
# connection is given one.
SQLITE_SHA256 = "milcap_sha256_hex"
DOCUMENT_DIGEST = {
    "postgresql": "encode(sha256(inventory_entry_document.body), 'hex')",
    "sqlite": f"{SQLITE_SHA256}(inventory_entry_document.body)",
}

STAGE_INVENTORY = """
    INSERT INTO release_staged_fact (kind, key, digest, inventory_entry_id)
    SELECT :kind, inventory_entry.key, {digest}, inventory_entry.id
    FROM inventory_entry_document
    JOIN inventory_entry ON inventory_entry.id = inventory_entry_document.inventory_entry_id
"""
# Each lookup of an open version is an equality on ix_fact_version_current
# (until_release_id, kind, key); each lookup of a staged fact one on its primary key.
ADDED_OR_CHANGED = """
    INSERT INTO release_fact_change (kind, key, change, fact_version_id)
    SELECT staged.kind, staged.key,
           CASE WHEN open_version.id IS NULL THEN 'added' ELSE 'changed' END, open_version.id
    FROM release_staged_fact AS staged
    LEFT JOIN fact_version AS open_version
      ON open_version.until_release_id IS NULL
     AND open_version.kind = staged.kind AND open_version.key = staged.key
    WHERE open_version.id IS NULL OR open_version.digest <> staged.digest
"""
REMOVED = """
    INSERT INTO release_fact_change (kind, key, change, fact_version_id)
    SELECT open_version.kind, open_version.key, 'removed', open_version.id
    FROM fact_version AS open_version
    WHERE open_version.until_release_id IS NULL AND NOT EXISTS (
        SELECT 1 FROM release_staged_fact AS staged
        WHERE staged.kind = open_version.kind AND staged.key = open_version.key
    )
"""
CLOSE = """
    UPDATE fact_version SET until_release_id = :release
    WHERE id IN (
        SELECT fact_version_id FROM release_fact_change WHERE fact_version_id IS NOT NULL
    )
"""
WRITE = """
    INSERT INTO fact_version (kind, key, body, digest, since_release_id)
    SELECT staged.kind, staged.key, COALESCE(staged.body, inventory_entry_document.body),
           staged.digest, :release
    FROM release_fact_change AS change
    JOIN release_staged_fact AS staged ON staged.kind = change.kind AND staged.key = change.key
    LEFT JOIN inventory_entry_document
      ON inventory_entry_document.inventory_entry_id = staged.inventory_entry_id
    WHERE change.change <> 'removed'
"""


class TransactionConnections:
    """The read path's connections, over the load's own connection and transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.dialect = connection.dialect.name

    async def execute(self, sql: str, params: Params) -> Result:
        result = self.connection.exec_driver_sql(sql, params)
        names = list(result.keys())
        return [tuple(row) for row in result.fetchall()], names

    async def close(self) -> None:
        return None


@dataclass(frozen=True)
class RecordedRelease:
    version: str
    added: int
    changed: int
    removed: int

    def __str__(self) -> str:
        return (
            f"release {self.version[:12]}: {self.added} facts added, {self.changed} changed, "
            f"{self.removed} removed"
        )


async def _render(reader: Reader) -> tuple[dict[tuple[str, str], bytes], dict[str, int]]:
    """The facts of every kind but the inventory, and the rows per table."""
    facts = await exported_facts(reader)
    documents = {(kind, key): body for kind, items in facts.items() for key, body in items}
    return documents, await table_counts(reader)


def _digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def _release_version(connection: Connection, seeds_version: str, parent: str | None) -> str:
    """The seeds' content hash; once taken (the seeds went back to an earlier state), the
    hash of it and the release it follows, so each release keeps a version of its own."""
    taken = connection.execute(
        select(func.count()).select_from(Release).where(Release.version == seeds_version)  # type: ignore[arg-type]
    ).scalar_one()
    if not taken:
        return seeds_version
    return hashlib.sha256(f"{seeds_version}:{parent}".encode()).hexdigest()


def has_release(connection: Connection) -> bool:
    releases = Release.__table__  # type: ignore[attr-defined]
    return connection.execute(select(releases.c.id).limit(1)).first() is not None


def _document_digest(connection: Connection) -> str:
    """The SQL of an inventory document's digest on the connection's engine (on SQLite,
    with the function it needs registered on the connection)."""
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        assert driver is not None, "a SQLite connection without its sqlite3 connection"
        driver.create_function(SQLITE_SHA256, 1, _digest, deterministic=True)
    return DOCUMENT_DIGEST[connection.dialect.name]


def _stage(connection: Connection, documents: dict[tuple[str, str], bytes]) -> dict[str, int]:
    """Stage the load's facts and find what changed: how many facts are added, changed and
    removed."""
    STAGED.create(connection)
    CHANGES.create(connection)
    if documents:
        connection.execute(
            insert(STAGED),
            [
                {"kind": kind, "key": key, "digest": _digest(body), "body": body}
                for (kind, key), body in documents.items()
            ],
        )
    staged = STAGE_INVENTORY.format(digest=_document_digest(connection))
    connection.execute(text(staged), {"kind": INVENTORY})
    if connection.dialect.name == "postgresql":
        # Autovacuum never analyzes temporary tables; without statistics the planner would
        # guess the size of a million-row table.
        connection.execute(text(f"ANALYZE {STAGED.name}"))
    connection.execute(text(ADDED_OR_CHANGED))
    connection.execute(text(REMOVED))
    counted = connection.execute(
        select(CHANGES.c.change, func.count()).group_by(CHANGES.c.change)
    ).all()
    return {"added": 0, "changed": 0, "removed": 0} | {change: n for change, n in counted}


def record_release(
    connection: Connection, seeds_version: str, message: str | None = None
) -> RecordedRelease | None:
    """The release this load makes, or None when no fact changed. The inventory documents
    must be those of the load's entries (the loader rebuilds them first)."""
    documents, counts = asyncio.run(_render(Reader(TransactionConnections(connection))))
    changes = _stage(connection, documents)
    recorded = _write(connection, seeds_version, message, counts, changes)
    # On a failure the rollback takes the temporary tables with it.
    CHANGES.drop(connection)
    STAGED.drop(connection)
    return recorded


def _write(
    connection: Connection,
    seeds_version: str,
    message: str | None,
    counts: dict[str, int],
    changes: dict[str, int],
) -> RecordedRelease | None:
    """Record the release, close the versions it changes or removes, open the new ones;
    nothing when no fact changed."""
    if not any(changes.values()):
        return None
    releases = Release.__table__  # type: ignore[attr-defined]
    parent = connection.execute(
        select(releases.c.id, releases.c.version).order_by(releases.c.id.desc()).limit(1)
    ).first()
    version = _release_version(connection, seeds_version, parent.version if parent else None)
    release_id = connection.execute(
        insert(releases)
        .values(
            version=version,
            loaded_at=datetime.now(UTC),
            parent_id=parent.id if parent else None,
            message=message,
            counts=orjson.dumps(counts).decode(),
            **changes,
        )
        .returning(releases.c.id)
    ).scalar_one()
    connection.execute(text(CLOSE), {"release": release_id})
    connection.execute(text(WRITE), {"release": release_id})
    return RecordedRelease(version, changes["added"], changes["changed"], changes["removed"])
