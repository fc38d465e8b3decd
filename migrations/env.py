"""Alembic environment: runs the versioned migrations against DATABASE_URL (or -x url=...)."""

from logging.config import fileConfig

from alembic import context
from sqlalchemy import pool

from app.core.config import get_settings
from app.core.db import make_engine
from app.tables import metadata

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logging", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

# The models' metadata is used only to compare against (alembic check / autogenerate);
# the versions themselves are static and import nothing from the application.
target_metadata = metadata


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """The search index is engine-specific derived data, declared only in its migration."""
    return not (type_ == "table" and name is not None and name.startswith("search_document"))


def database_url() -> str:
    url: str | None = context.get_x_argument(as_dictionary=True).get("url")
    return url or config.attributes.get("database_url") or get_settings().database_url


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            # SQLite alters a table by copying it and dropping the original, and a dropped
            # table deletes its rows first: with foreign keys enforced, that cascaded into
            # every citation of the table's facts. Off for the migration (the pragma only
            # takes effect outside a transaction, so on the driver's connection, first).
            connection.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite alters tables by copying them
            compare_type=True,
            include_object=include_object,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
