"""UN M49 regions for every country: `region` becomes the M49 region (`Asia`), beside it the
sub-region (`Central Asia`) and, where M49 has one, the intermediate region (`Caribbean`).

The next load writes them for every country; until then an upgraded database keeps its
sub-region names in `region`, and a downgrade keeps the sub-region there, as v1 served it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 19:40:00
"""

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subregion", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("intermediate_region", sa.String(), nullable=True))
        batch_op.create_index(batch_op.f("ix_country_subregion"), ["subregion"], unique=False)


def downgrade() -> None:
    op.execute("UPDATE country SET region = subregion WHERE subregion IS NOT NULL")
    with op.batch_alter_table("country", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_country_subregion"))
        batch_op.drop_column("intermediate_region")
        batch_op.drop_column("subregion")
