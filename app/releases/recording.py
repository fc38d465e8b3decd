"""A release, recorded in the load's own transaction: every fact rendered as the API serves
it (the read queries themselves, run on the load's connection, so they see its uncommitted
rows), compared with the versions the last release left open, and the differences kept. A
load that changes no fact records none; a failure anywhere rolls the whole load back."""

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from sqlalchemy import Connection, func, insert, select, update

from app.core.connections import Params, Result
from app.core.reader import Reader
from app.meta.queries import exported_facts, table_counts
from app.releases.models import FactVersion, Release

BATCH = 500  # rows per statement, well under every engine's limit on parameters


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


def record_release(
    connection: Connection, seeds_version: str, message: str | None = None
) -> RecordedRelease | None:
    """The release this load makes, or None when no fact changed."""
    documents, counts = asyncio.run(_render(Reader(TransactionConnections(connection))))
    versions = FactVersion.__table__  # type: ignore[attr-defined]
    releases = Release.__table__  # type: ignore[attr-defined]
    open_versions = {
        (row.kind, row.key): (row.id, row.digest)
        for row in connection.execute(
            select(versions.c.id, versions.c.kind, versions.c.key, versions.c.digest).where(
                versions.c.until_release_id.is_(None)
            )
        )
    }
    digests = {fact: _digest(body) for fact, body in documents.items()}
    added = [fact for fact in documents if fact not in open_versions]
    changed = [f for f in documents if f in open_versions and open_versions[f][1] != digests[f]]
    removed = [fact for fact in open_versions if fact not in documents]
    if not (added or changed or removed):
        return None
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
            added=len(added),
            changed=len(changed),
            removed=len(removed),
        )
        .returning(releases.c.id)
    ).scalar_one()
    closed = [open_versions[fact][0] for fact in (*changed, *removed)]
    for start in range(0, len(closed), BATCH):
        connection.execute(
            update(versions)
            .where(versions.c.id.in_(closed[start : start + BATCH]))
            .values(until_release_id=release_id)
        )
    written = [
        {
            "kind": kind,
            "key": key,
            "body": documents[(kind, key)],
            "digest": digests[(kind, key)],
            "since_release_id": release_id,
        }
        for kind, key in (*added, *changed)
    ]
    for start in range(0, len(written), BATCH):
        connection.execute(insert(versions), written[start : start + BATCH])
    return RecordedRelease(version, len(added), len(changed), len(removed))
