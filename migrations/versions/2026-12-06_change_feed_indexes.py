"""The change feed answers from indexes alone: a fact's versions indexed with the releases
they span and their digest, and the versions a release wrote with their fact, so "what
changed since" reads no version's body but those it returns.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 23:00:00
"""

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("fact_version", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_version_kind_key")
        batch_op.drop_index("ix_fact_version_since_release_id")
        batch_op.create_index(
            "ix_fact_version_kind_key",
            ["kind", "key", "since_release_id", "until_release_id", "digest"],
            unique=False,
        )
        batch_op.create_index(
            "ix_fact_version_since_release_id", ["since_release_id", "kind", "key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("fact_version", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_version_since_release_id")
        batch_op.drop_index("ix_fact_version_kind_key")
        batch_op.create_index("ix_fact_version_kind_key", ["kind", "key"], unique=False)
        batch_op.create_index(
            "ix_fact_version_since_release_id", ["since_release_id"], unique=False
        )
