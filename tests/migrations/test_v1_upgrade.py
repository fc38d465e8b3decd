"""A database of dataset v1 (the seeds as v1 loaded them) upgrades in place to v2 without
losing a row, then takes the v2 seeds; and downgrades back to v1 cleanly. On both engines.

`fixtures/v1_dataset.json` holds every row v1's loader wrote (revision 0003), table by table.
"""

import json
from datetime import datetime
from pathlib import Path
from typing import Any, get_args

from sqlalchemy import DateTime, Engine, MetaData, func, insert, inspect, select, text

from app.core.db import make_engine
from app.core.migrations import downgrade, upgrade
from app.indicators.schemas import IndicatorNameKey
from app.seeding.loader import load_seeds
from tests.conftest import SEEDS_DIR, Databases, quiet

V1_REVISION = "0003"
V1_ROWS: dict[str, list[dict[str, Any]]] = json.loads(
    (Path(__file__).parent / "fixtures" / "v1_dataset.json").read_text(encoding="utf-8")
)
# v1's tables in foreign-key order (the loader's order then).
V1_TABLES = (
    "country",
    "category",
    "source",
    "organization",
    "equipment",
    "inventory_entry",
    "transfer",
    "agreement",
    "agreement_party",
    "country_indicator",
    "citation",
    "dataset_release",
)
V2_TABLES = {"person", "person_role", "place", "event", "event_participant", "event_place"}
V2_TABLES |= {"relation", "agreement_ratification", "indicator_name"}


def _load_v1(engine: Engine) -> None:
    """v1's rows, as v1's loader left them, into a database at v1's schema."""
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.begin() as connection:
        for name in V1_TABLES:
            rows, table = [dict(row) for row in V1_ROWS[name]], metadata.tables[name]
            for column in table.columns:
                if isinstance(column.type, DateTime):
                    for row in rows:
                        row[column.name] = datetime.fromisoformat(row[column.name])
            connection.execute(insert(table), rows)
            if engine.dialect.name == "postgresql":
                # Rows came with their ids: the sequence must continue after them.
                sequence = f"pg_get_serial_sequence('{name}', 'id')"
                connection.execute(text(f"SELECT setval({sequence}, max(id)) FROM {name}"))


def _count(engine: Engine, table: str) -> int:
    metadata = MetaData()
    metadata.reflect(engine, only=[table])
    with engine.connect() as connection:
        return int(
            connection.execute(
                select(func.count()).select_from(metadata.tables[table])
            ).scalar_one()
        )


def test_a_v1_database_upgrades_keeping_every_row_and_takes_the_v2_seeds(
    databases: Databases,
) -> None:
    url = databases.new_url()
    upgrade(url, V1_REVISION)
    engine = make_engine(url)
    try:
        _load_v1(engine)
        upgrade(url)
        for name, rows in V1_ROWS.items():
            assert _count(engine, name) == len(rows), name
        with engine.connect() as connection:
            stances = connection.execute(text("SELECT DISTINCT stance FROM inventory_entry"))
            assert [row[0] for row in stances] == ["stated"]  # what v1 served them as

        report = load_seeds(engine, SEEDS_DIR, prune=True, progress=quiet)
        assert report.changed
        assert _count(engine, "person") > 0
        assert _count(engine, "indicator_name") == len(get_args(IndicatorNameKey))
        assert load_seeds(engine, SEEDS_DIR, progress=quiet).changed is False
    finally:
        engine.dispose()


def test_a_v2_database_downgrades_to_v1_and_up_again(databases: Databases) -> None:
    url = databases.new_url()
    upgrade(url)
    engine = make_engine(url)
    try:
        load_seeds(engine, SEEDS_DIR, progress=quiet)
        facts = _count(engine, "inventory_entry")
        downgrade(url, V1_REVISION)
        assert not V2_TABLES & set(inspect(engine).get_table_names())
        assert _count(engine, "inventory_entry") == facts
        with engine.connect() as connection:
            # Every citation left backs a fact v1 has a table for.
            orphans = connection.execute(
                text(
                    "SELECT count(*) FROM citation WHERE inventory_entry_id IS NULL"
                    " AND transfer_id IS NULL AND agreement_id IS NULL"
                    " AND country_indicator_id IS NULL AND equipment_id IS NULL"
                    " AND organization_id IS NULL"
                )
            ).scalar_one()
        assert orphans == 0
        engine.dispose()
        upgrade(url)
        assert set(inspect(engine).get_table_names()) >= V2_TABLES
        load_seeds(engine, SEEDS_DIR, progress=quiet)
    finally:
        engine.dispose()
