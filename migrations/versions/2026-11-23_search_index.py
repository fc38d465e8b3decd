"""Full-text search index: SQLite FTS5, or a PostgreSQL tsvector with a GIN index.

The index is derived data, rebuilt by the loader in the same transaction as the data it
indexes. It is engine-specific, so it is not a model: `alembic check` skips it (env.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:15:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE search_document USING fts5("
            "kind UNINDEXED, ref UNINDEXED, title, body, "
            "tokenize = 'porter unicode61 remove_diacritics 2')"
        )
        return
    op.execute(
        """
        CREATE TABLE search_document (
            id SERIAL PRIMARY KEY,
            kind VARCHAR(20) NOT NULL,
            ref VARCHAR(120) NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            document TSVECTOR GENERATED ALWAYS AS (
                setweight(to_tsvector('english', title), 'A')
                || setweight(to_tsvector('english', body), 'B')
            ) STORED
        )
        """
    )
    op.execute("CREATE INDEX ix_search_document_document ON search_document USING gin (document)")


def downgrade() -> None:
    op.execute("DROP TABLE search_document")
