"""Writing the planned rows set by set, so a load's memory does not grow with the data.

Every planned row goes to a temporary staging table, in batches, with its references still
natural keys (`"KZ"`, `"t-72"`). Once every file is checked, each loaded table is brought to
match its staging table by a few statements, in foreign-key order: references resolved by
joining on the natural keys, rows matched to the ones already loaded, then changed rows
updated, new ones inserted and rows the files no longer hold noted, to be deleted once every
table is written (children first). The database does the comparing, through its indexes,
however many rows there are. The temporary tables live in the load's transaction and are
dropped with it.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import JSON, Column, Connection, Integer, MetaData, String, Table, text

from app.core.bulk import insert_rows
from app.tables import LOADED_TABLES, LoadedTable, metadata

BATCH = 5_000  # staged rows per statement: few round trips, bounded memory
NATURAL_KEYS = {loaded.name: loaded.natural_key for loaded in LOADED_TABLES}


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
            f"{self.table:<22} {self.inserted:>7} inserted {self.updated:>7} updated "
            f"{self.unchanged:>7} unchanged {self.deleted:>7} deleted"
        )


class StaleRows(Exception):
    """Rows the files no longer hold; deleting them must be asked for (--prune)."""

    def __init__(self, stale: dict[str, list[str]]) -> None:
        self.stale = stale
        listing = "; ".join(f"{table}: {', '.join(keys)}" for table, keys in stale.items())
        super().__init__(
            f"the database holds rows the seeds no longer have ({listing}); "
            "nothing was changed. Run `milcap seed --prune` to delete them."
        )


@dataclass
class _Staged:
    """One loaded table's staging: its columns are those of the first row planned for it."""

    target: Table
    table: Table | None = None
    # Each column's conversion to what the driver takes (JSON's serializer), where it has one.
    conversions: list[tuple[int, Callable[[Any], Any]]] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    count: int = 0


class Staging:
    """The load's temporary tables, on its connection and in its transaction."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.postgresql = connection.dialect.name == "postgresql"
        self.quote = connection.dialect.identifier_preparer.quote
        self.temporary = MetaData()
        self.staged = {name: _Staged(metadata.tables[name]) for name in NATURAL_KEYS}

    def _create(self, name: str, *columns: Column[Any]) -> Table:
        # SQLite's driver runs DDL outside the transaction when none is open yet: a failed
        # load's first tables outlive its rollback, on a connection the pool keeps.
        self._sql(f"DROP TABLE IF EXISTS {name}")
        table = Table(name, self.temporary, *columns, prefixes=["TEMPORARY"])
        table.create(self.connection)
        return table

    def _staging_table(self, staged: _Staged, columns: list[str]) -> Table:
        """References are staged as the natural keys they name; other columns as themselves."""
        target = staged.target
        return self._create(
            f"staged_{target.name}",
            *(
                Column(name, String() if target.c[name].foreign_keys else target.c[name].type)
                for name in columns
            ),
        )

    def _start(self, staged: _Staged, columns: list[str]) -> None:
        staged.table = table = self._staging_table(staged, columns)
        dialect = self.connection.dialect
        for position, column in enumerate(table.columns):
            # JSON as SQLAlchemy writes it (json.dumps), so staged and loaded values compare
            # equal as text; psycopg's dialect would otherwise be handed a bare list.
            conversion = (
                json.dumps if isinstance(column.type, JSON) else column.type.bind_processor(dialect)
            )
            if conversion is not None:
                staged.conversions.append((position, conversion))

    def stage(self, table: str, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Stage planned rows; every row of a table has the same columns, in one order."""
        staged = self.staged[table]
        if staged.table is None:
            self._start(staged, columns)
        if staged.conversions:
            rows = [self._converted(staged, values) for values in rows]
        staged.rows += rows
        if len(staged.rows) >= BATCH:
            self._flush(staged)

    @staticmethod
    def _converted(staged: _Staged, values: tuple[Any, ...]) -> tuple[Any, ...]:
        converted = list(values)
        for position, conversion in staged.conversions:
            converted[position] = conversion(converted[position])
        return tuple(converted)

    def _flush(self, staged: _Staged) -> None:
        if staged.rows and staged.table is not None:
            columns = [column.name for column in staged.table.columns]
            insert_rows(self.connection, staged.table.name, columns, staged.rows)
            staged.count += len(staged.rows)
            staged.rows = []

    def flush(self) -> None:
        for staged in self.staged.values():
            self._flush(staged)

    def _sql(self, sql: str) -> Any:
        return self.connection.execute(text(sql))

    def _analyze(self, table: str) -> None:
        # PostgreSQL's planner knows nothing of a temporary table's rows until told: without
        # this, it may loop over a million staged rows instead of hashing them.
        if self.postgresql:
            self._sql(f"ANALYZE {table}")

    def _differs(self, column: Column[Any], left: str, right: str) -> str:
        if not self.postgresql:
            return f"{left} IS NOT {right}"
        if isinstance(column.type, JSON):  # json has no equality in PostgreSQL; its text does
            return f"CAST({left} AS TEXT) IS DISTINCT FROM CAST({right} AS TEXT)"
        return f"{left} IS DISTINCT FROM {right}"

    def _resolve(self, staged: _Staged, columns: list[str]) -> str:
        """The staged rows with every reference resolved to its id, in `resolved_<table>`."""
        target, q = staged.target, self.quote
        resolved = self._create(
            f"resolved_{target.name}",
            Column("id", Integer),
            *(Column(name, target.c[name].type) for name in columns),
        ).name
        selected, joins = [], []
        for position, name in enumerate(columns):
            foreign_key = next(iter(target.c[name].foreign_keys), None)
            if foreign_key is None:
                selected.append(f"s.{q(name)}")
                continue
            referenced = foreign_key.column.table.name
            (key,) = NATURAL_KEYS[referenced]
            alias = f"r{position}"
            joins.append(f"LEFT JOIN {q(referenced)} {alias} ON {alias}.{q(key)} = s.{q(name)}")
            selected.append(f"{alias}.id")
        if staged.table is not None:
            listed = ", ".join(q(name) for name in columns)
            self._sql(
                f"INSERT INTO {resolved} ({listed}) SELECT {', '.join(selected)} "
                f"FROM {staged.table.name} s {' '.join(joins)}"
            )
        self._analyze(resolved)
        return resolved

    def _match(self, loaded: LoadedTable, resolved: str) -> None:
        """Each resolved row gets the id of the loaded row with its natural key, if any.

        A key column that may be null (a citation's subjects: exactly one is set) is matched
        one column at a time, so every comparison is an equality an index can answer."""
        target, q = metadata.tables[loaded.name], self.quote
        required = [k for k in loaded.natural_key if not target.c[k].nullable]
        optional = [k for k in loaded.natural_key if target.c[k].nullable]
        alternatives: list[str | None] = [*optional] or [None]
        for alternative in alternatives:
            keys = [*required, *([alternative] if alternative else [])]
            matches = " AND ".join(f"t.{q(k)} = {resolved}.{q(k)}" for k in keys)
            only = f"{resolved}.{q(alternative)} IS NOT NULL" if alternative else "1 = 1"
            if self.postgresql:  # a hash join of the two tables
                self._sql(
                    f"UPDATE {resolved} SET id = t.id FROM {q(loaded.name)} AS t "
                    f"WHERE {only} AND {matches}"
                )
            else:
                # One lookup in the loaded table's natural-key index per staged row: given
                # UPDATE ... FROM, SQLite may instead scan the staged rows for each loaded row.
                # Without statistics it would also pick any index of the key's columns, such
                # as a citation's source (thousands of rows each) over its fact: `+` keeps
                # the others out of the choice.
                if alternative is not None:
                    matches = " AND ".join(
                        f"{'' if k == alternative else '+'}t.{q(k)} = {resolved}.{q(k)}"
                        for k in keys
                    )
                self._sql(
                    f"UPDATE {resolved} SET id = (SELECT t.id FROM {q(loaded.name)} AS t "
                    f"WHERE {matches}) WHERE {only}"
                )
        self._sql(f"CREATE INDEX ix_{resolved} ON {resolved} (id)")
        self._analyze(resolved)

    def sync(self, loaded: LoadedTable, prune: bool) -> TableCounts:
        """Make the loaded table hold its staged rows; stale rows are only noted (`stale_`)."""
        staged, q = self.staged[loaded.name], self.quote
        target = staged.target
        table = q(target.name)
        columns = (
            [c.name for c in staged.table.columns]
            if staged.table is not None
            else list(loaded.natural_key)
        )
        resolved = self._resolve(staged, columns)
        self._match(loaded, resolved)
        counts = TableCounts(loaded.name)
        stale = self._create(self.stale(target.name), Column("id", Integer)).name
        self._sql(
            f"INSERT INTO {stale} (id) SELECT t.id FROM {table} t "
            f"WHERE NOT EXISTS (SELECT 1 FROM {resolved} r WHERE r.id = t.id)"
        )
        counts.deleted = self._sql(f"SELECT count(*) FROM {stale}").scalar_one()
        if counts.deleted and not loaded.owned and not prune:
            first = q(loaded.natural_key[0])
            shown = self._sql(
                f"SELECT {first} FROM {table} WHERE id IN (SELECT id FROM {stale}) "
                f"ORDER BY id LIMIT 10"
            ).scalars()
            more = ["..."] if counts.deleted > 10 else []
            raise StaleRows({loaded.name: [str(key) for key in shown] + more})
        # The rows about to be updated or inserted, for what is derived from them (an
        # entry's document) to follow without recomputing the rest.
        touched = self._create(self.touched(target.name), Column("id", Integer)).name
        compared = [name for name in columns if name not in loaded.natural_key]
        if compared:
            differs = " OR ".join(
                self._differs(target.c[name], f"t.{q(name)}", f"r.{q(name)}") for name in compared
            )
            counts.updated = self._sql(
                f"INSERT INTO {touched} (id) SELECT t.id FROM {table} t "
                f"JOIN {resolved} r ON r.id = t.id WHERE {differs}"
            ).rowcount
        if counts.updated:
            assignments = ", ".join(f"{q(name)} = r.{q(name)}" for name in compared)
            self._sql(
                f"UPDATE {table} SET {assignments} FROM {resolved} AS r "
                f"WHERE {table}.id = r.id AND r.id IN (SELECT id FROM {touched})"
            )
        listed = ", ".join(q(name) for name in columns)
        # Ids only grow: the new rows are those above the largest id before they came.
        before = self._sql(f"SELECT COALESCE(MAX(id), 0) FROM {table}").scalar_one()
        counts.inserted = self._sql(
            f"INSERT INTO {table} ({listed}) SELECT {listed} FROM {resolved} WHERE id IS NULL"
        ).rowcount
        if counts.inserted:
            self._sql(f"INSERT INTO {touched} (id) SELECT id FROM {table} WHERE id > {int(before)}")
        counts.unchanged = staged.count - counts.inserted - counts.updated
        return counts

    @staticmethod
    def touched(table: str) -> str:
        """The temporary table of the ids of the rows the load inserted or updated."""
        return f"touched_{table}"

    @staticmethod
    def stale(table: str) -> str:
        """The temporary table of the ids of the rows the load deletes (until it does)."""
        return f"stale_{table}"

    def keep(self, name: str, ids: str) -> str:
        """A temporary table of the ids `ids` (SQL) selects now, for after the deletions."""
        table = self._create(name, Column("id", Integer)).name
        self._sql(f"INSERT INTO {table} (id) {ids}")
        return table

    def delete_stale(self) -> None:
        """Children before parents, so no foreign key is left dangling."""
        for loaded in reversed(LOADED_TABLES):
            self._sql(
                f"DELETE FROM {self.quote(loaded.name)} "
                f"WHERE id IN (SELECT id FROM {self.stale(loaded.name)})"
            )

    def drop(self) -> None:
        """The temporary tables, before the transaction ends (SQLite keeps them otherwise)."""
        for table in reversed(self.temporary.sorted_tables):
            table.drop(self.connection)
