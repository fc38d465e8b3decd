"""The versions a release span opened and those it closed are read from their indexes alone:
each of the two indexes by release also holds the other release, the digest and the id, so
"what changed since" joins two index ranges and reads no version's row but those it returns.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-08 01:00:00
"""

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("fact_version", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_version_current")
        batch_op.drop_index("ix_fact_version_since_release_id")
        batch_op.create_index(
            "ix_fact_version_current",
            ["until_release_id", "kind", "key", "since_release_id", "digest", "id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_fact_version_since_release_id",
            ["since_release_id", "kind", "key", "until_release_id", "digest", "id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("fact_version", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_version_since_release_id")
        batch_op.drop_index("ix_fact_version_current")
        batch_op.create_index(
            "ix_fact_version_since_release_id", ["since_release_id", "kind", "key"], unique=False
        )
        batch_op.create_index(
            "ix_fact_version_current", ["until_release_id", "kind", "key"], unique=False
        )
