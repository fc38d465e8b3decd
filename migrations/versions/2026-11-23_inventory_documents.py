"""Inventory documents: each entry as the API serves it, rebuilt by the loader (derived data).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:06:25.724191
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('inventory_entry_document',
    sa.Column('inventory_entry_id', sa.Integer(), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('body', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], name=op.f('fk_inventory_entry_document_country_id_country')),
    sa.ForeignKeyConstraint(['inventory_entry_id'], ['inventory_entry.id'], name=op.f('fk_inventory_entry_document_inventory_entry_id_inventory_entry'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('inventory_entry_id', name=op.f('pk_inventory_entry_document'))
    )
    with op.batch_alter_table('inventory_entry_document', schema=None) as batch_op:
        batch_op.create_index('ix_inventory_entry_document_country_position', ['country_id', 'position'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('inventory_entry_document', schema=None) as batch_op:
        batch_op.drop_index('ix_inventory_entry_document_country_position')

    op.drop_table('inventory_entry_document')
