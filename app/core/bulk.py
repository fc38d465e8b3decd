"""Writing many rows at once, the fastest way each engine takes them, in the caller's
transaction: PostgreSQL's COPY, SQLite's executemany. At a million rows, SQLAlchemy's
per-row parameter processing, or PostgreSQL's per-statement round trips, would cost more
than storing them."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection


def insert_rows(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert `rows` (values in `columns` order, as the driver takes them) into `table`."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    listed = ", ".join(quote(column) for column in columns)
    if connection.dialect.name == "postgresql":
        cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(f"COPY {quote(table)} ({listed}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    markers = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {quote(table)} ({listed}) VALUES ({markers})", rows)
