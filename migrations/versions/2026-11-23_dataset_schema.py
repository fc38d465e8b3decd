"""The dataset schema: sources, countries, organizations, categories, equipment and cited facts.

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 12:55:54.986638
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agreement',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('type', sa.String(length=80), nullable=False),
    sa.Column('signed_on', sa.String(length=10), nullable=True),
    sa.Column('ratified_on', sa.String(length=10), nullable=True),
    sa.Column('place', sa.String(), nullable=True),
    sa.Column('status', sa.String(), nullable=True),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement')),
    sa.UniqueConstraint('key', name=op.f('uq_agreement_key'))
    )
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_type'), ['type'], unique=False)

    op.create_table('category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('label', sa.String(), nullable=False),
    sa.Column('un_register_category', sa.String(), nullable=True),
    sa.Column('description', sa.String(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('slug', name=op.f('uq_category_slug'))
    )
    op.create_table('country',
    sa.Column('iso2', sa.String(length=2), nullable=False),
    sa.Column('iso3', sa.String(length=3), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('official_name', sa.String(), nullable=True),
    sa.Column('region', sa.String(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_country')),
    sa.UniqueConstraint('iso2', name=op.f('uq_country_iso2')),
    sa.UniqueConstraint('iso3', name=op.f('uq_country_iso3'))
    )
    with op.batch_alter_table('country', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_country_region'), ['region'], unique=False)

    op.create_table('dataset_release',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dataset_release'))
    )
    op.create_table('source',
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(), nullable=True),
    sa.Column('author', sa.String(), nullable=True),
    sa.Column('publisher', sa.String(), nullable=True),
    sa.Column('published_on', sa.String(length=10), nullable=True),
    sa.Column('url', sa.String(), nullable=True),
    sa.Column('file', sa.String(length=255), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source')),
    sa.UniqueConstraint('file', name=op.f('uq_source_file')),
    sa.UniqueConstraint('slug', name=op.f('uq_source_slug'))
    )
    op.create_table('country_indicator',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('qualifier', sa.String(length=40), nullable=True),
    sa.Column('as_of', sa.String(length=10), nullable=True),
    sa.Column('scope', sa.String(), nullable=True),
    sa.Column('note', sa.String(), nullable=True),
    sa.CheckConstraint('value >= 0', name=op.f('ck_country_indicator_value_not_negative')),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], name=op.f('fk_country_indicator_country_id_country')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_country_indicator')),
    sa.UniqueConstraint('key', name=op.f('uq_country_indicator_key'))
    )
    with op.batch_alter_table('country_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_country_indicator_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_country_indicator_name'), ['name'], unique=False)

    op.create_table('organization',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], name=op.f('fk_organization_country_id_country')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization')),
    sa.UniqueConstraint('slug', name=op.f('uq_organization_slug'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_country_id'), ['country_id'], unique=False)

    op.create_table('agreement_party',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agreement_id', sa.Integer(), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=80), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('(country_id IS NULL) <> (organization_id IS NULL)', name=op.f('ck_agreement_party_country_or_organization')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_agreement_party_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], name=op.f('fk_agreement_party_country_id_country')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_agreement_party_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agreement_party'))
    )
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agreement_party_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_party_country_id'), ['country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_agreement_party_organization_id'), ['organization_id'], unique=False)

    op.create_table('equipment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=120), nullable=False),
    sa.Column('name', sa.String(), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(), nullable=True),
    sa.Column('origin_country_id', sa.Integer(), nullable=True),
    sa.Column('manufacturer_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_equipment_category_id_category')),
    sa.ForeignKeyConstraint(['manufacturer_id'], ['organization.id'], name=op.f('fk_equipment_manufacturer_id_organization')),
    sa.ForeignKeyConstraint(['origin_country_id'], ['country.id'], name=op.f('fk_equipment_origin_country_id_country')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_equipment')),
    sa.UniqueConstraint('slug', name=op.f('uq_equipment_slug'))
    )
    with op.batch_alter_table('equipment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_equipment_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_manufacturer_id'), ['manufacturer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_equipment_origin_country_id'), ['origin_country_id'], unique=False)

    op.create_table('inventory_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('country_id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('equipment_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.String(length=40), nullable=True),
    sa.Column('as_of', sa.String(length=10), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.CheckConstraint("kind IN ('holding', 'in_service')", name=op.f('ck_inventory_entry_known_kind')),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_inventory_entry_quantity_not_negative')),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_inventory_entry_category_id_category')),
    sa.ForeignKeyConstraint(['country_id'], ['country.id'], name=op.f('fk_inventory_entry_country_id_country')),
    sa.ForeignKeyConstraint(['equipment_id'], ['equipment.id'], name=op.f('fk_inventory_entry_equipment_id_equipment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inventory_entry')),
    sa.UniqueConstraint('key', name=op.f('uq_inventory_entry_key'))
    )
    with op.batch_alter_table('inventory_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inventory_entry_category_id'), ['category_id'], unique=False)
        batch_op.create_index('ix_inventory_entry_country_category', ['country_id', 'category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inventory_entry_equipment_id'), ['equipment_id'], unique=False)

    op.create_table('transfer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=False),
    sa.Column('supplier_country_id', sa.Integer(), nullable=True),
    sa.Column('recipient_country_id', sa.Integer(), nullable=False),
    sa.Column('equipment_id', sa.Integer(), nullable=True),
    sa.Column('description', sa.String(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=True),
    sa.Column('qualifier', sa.String(length=40), nullable=True),
    sa.Column('years', sa.String(length=9), nullable=True),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('terms', sa.JSON(), nullable=False),
    sa.Column('note', sa.String(), nullable=True),
    sa.CheckConstraint('quantity >= 0', name=op.f('ck_transfer_quantity_not_negative')),
    sa.ForeignKeyConstraint(['equipment_id'], ['equipment.id'], name=op.f('fk_transfer_equipment_id_equipment')),
    sa.ForeignKeyConstraint(['recipient_country_id'], ['country.id'], name=op.f('fk_transfer_recipient_country_id_country')),
    sa.ForeignKeyConstraint(['supplier_country_id'], ['country.id'], name=op.f('fk_transfer_supplier_country_id_country')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer')),
    sa.UniqueConstraint('key', name=op.f('uq_transfer_key'))
    )
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_equipment_id'), ['equipment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_recipient_country_id'), ['recipient_country_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_supplier_country_id'), ['supplier_country_id'], unique=False)

    op.create_table('citation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('quote', sa.String(), nullable=False),
    sa.Column('start_offset', sa.Integer(), nullable=False),
    sa.Column('end_offset', sa.Integer(), nullable=False),
    sa.Column('attributed_to', sa.String(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('inventory_entry_id', sa.Integer(), nullable=True),
    sa.Column('transfer_id', sa.Integer(), nullable=True),
    sa.Column('agreement_id', sa.Integer(), nullable=True),
    sa.Column('country_indicator_id', sa.Integer(), nullable=True),
    sa.Column('equipment_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN inventory_entry_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN transfer_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN agreement_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN country_indicator_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN equipment_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_citation_exactly_one_subject')),
    sa.CheckConstraint('start_offset >= 0 AND end_offset > start_offset', name=op.f('ck_citation_offsets_ordered')),
    sa.ForeignKeyConstraint(['agreement_id'], ['agreement.id'], name=op.f('fk_citation_agreement_id_agreement'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['country_indicator_id'], ['country_indicator.id'], name=op.f('fk_citation_country_indicator_id_country_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['equipment_id'], ['equipment.id'], name=op.f('fk_citation_equipment_id_equipment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['inventory_entry_id'], ['inventory_entry.id'], name=op.f('fk_citation_inventory_entry_id_inventory_entry'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_citation_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['source.id'], name=op.f('fk_citation_source_id_source')),
    sa.ForeignKeyConstraint(['transfer_id'], ['transfer.id'], name=op.f('fk_citation_transfer_id_transfer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citation'))
    )
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citation_agreement_id'), ['agreement_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_country_indicator_id'), ['country_indicator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_equipment_id'), ['equipment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_inventory_entry_id'), ['inventory_entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_citation_transfer_id'), ['transfer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('citation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citation_transfer_id'))
        batch_op.drop_index(batch_op.f('ix_citation_source_id'))
        batch_op.drop_index(batch_op.f('ix_citation_organization_id'))
        batch_op.drop_index(batch_op.f('ix_citation_inventory_entry_id'))
        batch_op.drop_index(batch_op.f('ix_citation_equipment_id'))
        batch_op.drop_index(batch_op.f('ix_citation_country_indicator_id'))
        batch_op.drop_index(batch_op.f('ix_citation_agreement_id'))

    op.drop_table('citation')
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_supplier_country_id'))
        batch_op.drop_index(batch_op.f('ix_transfer_status'))
        batch_op.drop_index(batch_op.f('ix_transfer_recipient_country_id'))
        batch_op.drop_index(batch_op.f('ix_transfer_equipment_id'))

    op.drop_table('transfer')
    with op.batch_alter_table('inventory_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inventory_entry_equipment_id'))
        batch_op.drop_index('ix_inventory_entry_country_category')
        batch_op.drop_index(batch_op.f('ix_inventory_entry_category_id'))

    op.drop_table('inventory_entry')
    with op.batch_alter_table('equipment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_equipment_origin_country_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_manufacturer_id'))
        batch_op.drop_index(batch_op.f('ix_equipment_category_id'))

    op.drop_table('equipment')
    with op.batch_alter_table('agreement_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_party_organization_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_party_country_id'))
        batch_op.drop_index(batch_op.f('ix_agreement_party_agreement_id'))

    op.drop_table('agreement_party')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_country_id'))

    op.drop_table('organization')
    with op.batch_alter_table('country_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_country_indicator_name'))
        batch_op.drop_index(batch_op.f('ix_country_indicator_country_id'))

    op.drop_table('country_indicator')
    op.drop_table('source')
    op.drop_table('dataset_release')
    with op.batch_alter_table('country', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_country_region'))

    op.drop_table('country')
    op.drop_table('category')
    with op.batch_alter_table('agreement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agreement_type'))

    op.drop_table('agreement')
