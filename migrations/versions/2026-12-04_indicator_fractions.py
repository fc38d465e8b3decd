"""Indicator values may be fractions: Global Firepower's PowerIndex (0.9714) beside counts and
ranks. `numeric` holds both exactly; every whole value is kept as it was.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 19:50:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("country_indicator", schema=None) as batch_op:
        batch_op.alter_column(
            "value", existing_type=sa.BigInteger(), type_=sa.Numeric(), existing_nullable=False
        )


def downgrade() -> None:
    # A fraction has no place in a whole number: the rows that hold one go.
    op.execute("DELETE FROM country_indicator WHERE value <> round(value)")
    with op.batch_alter_table("country_indicator", schema=None) as batch_op:
        batch_op.alter_column(
            "value",
            existing_type=sa.Numeric(),
            type_=sa.BigInteger(),
            existing_nullable=False,
            postgresql_using="value::bigint",
        )
