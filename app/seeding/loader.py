"""The transactional loader: check the seeds and write them, all or nothing, idempotently."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from app.inventory.documents import (
    changed_entries,
    inventory_documents_are_stale,
    rebuild_inventory_documents,
)
from app.releases.recording import has_release, record_release
from app.search.indexing import rebuild_search_index, search_index_is_empty
from app.seeding.plan import plan_seeds
from app.seeding.reading import read_seeds
from app.seeding.staging import Staging, StaleRows, TableCounts
from app.tables import LOADED_TABLE_NAMES, LOADED_TABLES, metadata

__all__ = ["LoadReport", "StaleRows", "TableCounts", "load_seeds", "rebuild_derived_data"]


@dataclass
class LoadReport:
    version: str
    tables: list[TableCounts]

    @property
    def changed(self) -> bool:
        return any(counts.changed for counts in self.tables)


Progress = Callable[[str], None]
# Tables a load rewrites besides the loaded ones.
DERIVED_TABLES = ("inventory_entry_document", "search_document", "fact_version", "release")
VACUUM_LOCK_TIMEOUT = "5s"


def _record_dataset_release(connection: Connection, version: str, changed: bool) -> None:
    """`/meta`'s one row: the loaded version and when it was loaded."""
    table = metadata.tables["dataset_release"]
    current = connection.execute(select(table.c.id, table.c.version)).first()
    values = {"version": version, "loaded_at": datetime.now(UTC)}
    if current is None:
        connection.execute(insert(table).values(id=1, **values))
    elif changed or current.version != version:
        connection.execute(update(table).where(table.c.id == current.id).values(**values))


def rebuild_derived_data(
    connection: Connection, changed: bool, progress: Progress, entries: str | None = None
) -> None:
    """The search index and the inventory read model follow the facts, in their transaction;
    `entries` (SQL) selects the inventory entries that changed (None: any may have)."""
    if changed or search_index_is_empty(connection):
        progress(f"search index: {rebuild_search_index(connection, entries)} documents")
    if changed or inventory_documents_are_stale(connection):
        documents = rebuild_inventory_documents(connection, entries)
        progress(f"inventory documents rendered: {documents}")


def load_seeds(
    engine: Engine,
    seeds_dir: Path,
    *,
    prune: bool = False,
    message: str | None = None,
    progress: Progress = print,
) -> LoadReport:
    """Check every seed file and write everything in one transaction; any failure (a problem
    in a file, stale rows, the database) leaves the database as it was."""
    seeds = read_seeds(seeds_dir)
    progress(f"read {len(seeds.articles)} articles; checking {len(seeds.data_paths)} data files")
    with engine.begin() as connection:
        staging = Staging(connection)
        files = plan_seeds(seeds, staging.stage, progress)
        staging.flush()
        progress(
            f"checked every reference, quote and figure of {files} data files; "
            f"dataset version {seeds.version[:12]}"
        )
        tables: list[TableCounts] = []
        for loaded in LOADED_TABLES:
            counts = staging.sync(loaded, prune)
            tables.append(counts)
            progress(str(counts))
        report = LoadReport(seeds.version, tables)
        # What an entry's documents show of its country, category and equipment: when one of
        # those changes, every entry is rendered and indexed again (a first load, too).
        shown = {"country", "category", "equipment"}
        entries = None
        if not any(counts.changed for counts in tables if counts.table in shown):
            changed = changed_entries(staging.touched, staging.stale)
            entries = f"SELECT id FROM {staging.keep('changed_inventory_entry', changed)}"
        staging.delete_stale()
        rebuild_derived_data(connection, report.changed, progress, entries)
        staging.drop()
        _record_dataset_release(connection, seeds.version, report.changed)
        if report.changed or not has_release(connection):
            release = record_release(connection, seeds.version, message)
            progress(str(release) if release else "no fact changed: no new release")
        if report.changed and connection.dialect.name == "postgresql":
            # Fresh statistics for the first reads after the load: until autovacuum gets to
            # them, PostgreSQL would plan a million new rows as if the tables were empty.
            for name in (*LOADED_TABLE_NAMES, *DERIVED_TABLES):
                connection.execute(text(f"ANALYZE {name}"))
    if report.changed and engine.dialect.name == "postgresql":
        _vacuum(engine, progress)
    return report


def _vacuum(engine: Engine, progress: Progress) -> None:
    """Mark the pages the load wrote all-visible, so that index-only scans (the change
    feed's) read no table page to check each row's visibility, as they otherwise would until
    autovacuum gets to the tables. VACUUM cannot run in a
    transaction: it runs once the load is committed, and only keeps up the load's speed of
    reading, so failing it fails nothing the load wrote."""
    tables = ", ".join((*LOADED_TABLE_NAMES, *DERIVED_TABLES))
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            # A table another session holds locked is left to autovacuum, not waited for.
            connection.execute(text(f"SET lock_timeout = '{VACUUM_LOCK_TIMEOUT}'"))
            connection.execute(text(f"VACUUM {tables}"))
    except DBAPIError as error:
        progress(f"loaded; VACUUM failed, autovacuum will get to the tables: {error.orig}")
        return
    progress("tables vacuumed")
