"""The migrations are the schema: they upgrade, match the models, downgrade and upgrade again."""

from alembic import command
from alembic.util.exc import CommandError
from sqlalchemy import inspect

from app.core.db import make_engine
from app.core.migrations import alembic_config, current_revision, downgrade, head_revision, upgrade
from app.tables import metadata
from tests.conftest import Databases


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_downgrade_upgrade_leaves_the_schema_at_head(databases: Databases) -> None:
    url = databases.new_url()
    upgrade(url)
    assert set(metadata.tables) <= _tables(url)
    engine = make_engine(url)
    assert current_revision(engine) == head_revision()
    engine.dispose()

    downgrade(url, "base")
    assert _tables(url) <= {"alembic_version"}

    upgrade(url)
    assert set(metadata.tables) <= _tables(url)


def test_models_and_migrations_do_not_drift(databases: Databases) -> None:
    url = databases.new_url()
    upgrade(url)
    # `alembic check` raises when autogenerate would emit any operation.
    try:
        command.check(alembic_config(url))
    except CommandError as error:  # pragma: no cover - the message is the diagnosis
        raise AssertionError(f"the models differ from the migrations: {error}") from error
