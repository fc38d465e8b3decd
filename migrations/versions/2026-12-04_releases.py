"""Releases: every load that changes a fact is kept as a release, and every fact's JSON, as
the API served it, from the release that wrote it until the one that changed or removed it.

An upgraded database has no release until its next load, which records the first one.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 19:50:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("message", sa.String(), nullable=True),
        sa.Column("counts", sa.String(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("changed", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["release.id"], name=op.f("fk_release_parent_id_release")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_release")),
        sa.UniqueConstraint("version", name=op.f("uq_release_version")),
    )
    op.create_table(
        "fact_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("since_release_id", sa.Integer(), nullable=False),
        sa.Column("until_release_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["since_release_id"],
            ["release.id"],
            name=op.f("fk_fact_version_since_release_id_release"),
        ),
        sa.ForeignKeyConstraint(
            ["until_release_id"],
            ["release.id"],
            name=op.f("fk_fact_version_until_release_id_release"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fact_version")),
    )
    with op.batch_alter_table("fact_version", schema=None) as batch_op:
        batch_op.create_index("ix_fact_version_kind_key", ["kind", "key"], unique=False)
        batch_op.create_index(
            "ix_fact_version_current", ["until_release_id", "kind", "key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fact_version_since_release_id"), ["since_release_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("fact_version")
    op.drop_table("release")
