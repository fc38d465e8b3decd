"""The transactional loader: write a checked plan to the database, all or nothing, idempotently."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update

from app.inventory.documents import inventory_documents_are_stale, rebuild_inventory_documents
from app.releases.recording import has_release, record_release
from app.search.indexing import rebuild_search_index, search_index_is_empty
from app.seeding.plan import Plan, Ref, Row, plan_seeds
from app.seeding.reading import read_seeds
from app.tables import LOADED_TABLE_NAMES, LOADED_TABLES, metadata


@dataclass
class TableCounts:
    table: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    def __str__(self) -> str:
        return (
            f"{self.table:<22} {self.inserted:>5} inserted {self.updated:>5} updated "
            f"{self.unchanged:>5} unchanged {self.deleted:>5} deleted"
        )


@dataclass
class LoadReport:
    version: str
    tables: list[TableCounts]

    @property
    def changed(self) -> bool:
        return any(counts.changed for counts in self.tables)


class StaleRows(Exception):
    """Rows the files no longer hold; deleting them must be asked for (--prune)."""

    def __init__(self, stale: dict[str, list[str]]) -> None:
        self.stale = stale
        listing = "; ".join(f"{table}: {', '.join(keys)}" for table, keys in stale.items())
        super().__init__(
            f"the database holds rows the seeds no longer have ({listing}); "
            "nothing was changed. Run `milcap seed --prune` to delete them."
        )


Progress = Callable[[str], None]


class _Writer:
    def __init__(self, connection: Connection, plan: Plan, prune: bool) -> None:
        self.connection = connection
        self.plan = plan
        self.prune = prune
        self.ids: dict[str, dict[Any, int]] = {}
        self.stale: dict[str, list[int]] = {}

    def resolve(self, row: Row) -> Row:
        return {
            column: self.ids[value.table][value.key] if isinstance(value, Ref) else value
            for column, value in row.items()
        }

    def sync(self, name: str, key_columns: tuple[str, ...], owned: bool) -> TableCounts:
        table: Table = metadata.tables[name]
        counts = TableCounts(name)
        desired_rows = [self.resolve(row) for row in self.plan.rows.get(name, {}).values()]
        desired = {tuple(row[c] for c in key_columns): row for row in desired_rows}
        existing = {
            tuple(row[c] for c in key_columns): row
            for row in (r._asdict() for r in self.connection.execute(select(table)))
        }
        new_rows = []
        for key, row in desired.items():
            current = existing.get(key)
            if current is None:
                new_rows.append(row)
            elif any(current[column] != value for column, value in row.items()):
                self.connection.execute(
                    update(table).where(table.c.id == current["id"]).values(**row)
                )
                counts.updated += 1
            else:
                counts.unchanged += 1
        if new_rows:
            self.connection.execute(insert(table), new_rows)
            counts.inserted = len(new_rows)
        stale = [row for key, row in existing.items() if key not in desired]
        if stale and not owned and not self.prune:
            shown = [str(row[key_columns[0]]) for row in stale[:10]]
            raise StaleRows({name: shown + (["..."] if len(stale) > 10 else [])})
        self.stale[name] = [row["id"] for row in stale]
        counts.deleted = len(stale)
        if len(key_columns) == 1:
            column = table.c[key_columns[0]]
            self.ids[name] = {
                key: id_ for id_, key in self.connection.execute(select(table.c.id, column))
            }
        return counts

    def delete_stale(self) -> None:
        """Children before parents, so no foreign key is left dangling."""
        for name in reversed(LOADED_TABLE_NAMES):
            ids = self.stale.get(name)
            if ids:
                table = metadata.tables[name]
                self.connection.execute(delete(table).where(table.c.id.in_(ids)))

    def record_release(self, changed: bool) -> None:
        table = metadata.tables["dataset_release"]
        current = self.connection.execute(select(table.c.id, table.c.version)).first()
        values = {"version": self.plan.version, "loaded_at": datetime.now(UTC)}
        if current is None:
            self.connection.execute(insert(table).values(id=1, **values))
        elif changed or current.version != self.plan.version:
            self.connection.execute(update(table).where(table.c.id == current.id).values(**values))


def rebuild_derived_data(connection: Connection, changed: bool, progress: Progress) -> None:
    """The search index and the inventory read model follow the facts, in their transaction."""
    if changed or search_index_is_empty(connection):
        progress(f"search index rebuilt: {rebuild_search_index(connection)} documents")
    if changed or inventory_documents_are_stale(connection):
        documents = rebuild_inventory_documents(connection)
        progress(f"inventory documents rebuilt: {documents}")


def write_plan(
    engine: Engine,
    plan: Plan,
    *,
    prune: bool = False,
    message: str | None = None,
    progress: Progress = print,
) -> LoadReport:
    """Write the plan in one transaction; any failure leaves the database as it was."""
    tables: list[TableCounts] = []
    with engine.begin() as connection:
        writer = _Writer(connection, plan, prune)
        for name, key_columns, owned in LOADED_TABLES:
            counts = writer.sync(name, key_columns, owned)
            tables.append(counts)
            progress(str(counts))
        writer.delete_stale()
        report = LoadReport(plan.version, tables)
        rebuild_derived_data(connection, report.changed, progress)
        writer.record_release(report.changed)
        if report.changed or not has_release(connection):
            release = record_release(connection, plan.version, message)
            progress(str(release) if release else "no fact changed: no new release")
    return report


def load_seeds(
    engine: Engine,
    seeds_dir: Path,
    *,
    prune: bool = False,
    message: str | None = None,
    progress: Progress = print,
) -> LoadReport:
    """Validate every seed file, then write everything in one transaction."""
    seeds = read_seeds(seeds_dir)
    progress(f"read {len(seeds.data_files)} data files and {len(seeds.articles)} articles")
    plan = plan_seeds(seeds)
    progress(f"checked every reference, quote and figure; dataset version {plan.version[:12]}")
    return write_plan(engine, plan, prune=prune, message=message, progress=progress)
