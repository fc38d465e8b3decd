"""Dataset v2: people and their roles, events, places, relations, ratification steps; each
fact's stance and hedge, each citation's link to whom it is attributed, transfers' category.

Upgrading a v1 database keeps every row: existing facts become `stated` (what v1 served
them as) until the v2 seeds say otherwise. Downgrading drops what v1 cannot hold, the
citations of the new kinds of fact included.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 02:46:00.131263
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

V1_SUBJECTS = (
    "inventory_entry",
    "transfer",
    "agreement",
    "country_indicator",
    "equipment",
    "organization",
)
V2_SUBJECTS = (
    *V1_SUBJECTS,
    "person",
    "person_role",
    "place",
    "event",
    "relation",
    "agreement_ratification",
)


def one_subject(subjects: Sequence[str]) -> str:
    """A citation backs exactly one fact: one of its subject columns is set."""
    return " + ".join(f"(CASE WHEN {s}_id IS NULL THEN 0 ELSE 1 END)" for s in subjects) + " = 1"


revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "indicator_name",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("definition", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_name")),
        sa.UniqueConstraint("name", name=op.f("uq_indicator_name_name")),
    )
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False),
        sa.Column("hedge", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("key", name=op.f("uq_event_key")),
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_type"), ["type"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_person_country_id_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("slug", name=op.f("uq_person_slug")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_country_id"), ["country_id"], unique=False)

    op.create_table(
        "place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("subdivision", sa.String(length=10), nullable=True),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_place_country_id_country")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_place")),
        sa.UniqueConstraint("slug", name=op.f("uq_place_slug")),
    )
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_place_country_id"), ["country_id"], unique=False)

    op.create_table(
        "agreement_ratification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('passed', 'rejected', 'pending')",
            name=op.f("ck_agreement_ratification_known_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_ratification_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["body_id"],
            ["organization.id"],
            name=op.f("fk_agreement_ratification_body_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_ratification")),
        sa.UniqueConstraint("key", name=op.f("uq_agreement_ratification_key")),
    )
    with op.batch_alter_table("agreement_ratification", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_ratification_agreement_id"), ["agreement_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_ratification_body_id"), ["body_id"], unique=False
        )

    op.create_table(
        "event_participant",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=80), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(CASE WHEN country_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_event_participant_one_party"),
        ),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_event_participant_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_participant_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_event_participant_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_event_participant_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_participant")),
    )
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participant_country_id"), ["country_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_event_id"), ["event_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_event_participant_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "event_place",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("place_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["event.id"],
            name=op.f("fk_event_place_event_id_event"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["place_id"], ["place.id"], name=op.f("fk_event_place_place_id_place")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_place")),
    )
    with op.batch_alter_table("event_place", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_place_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_event_place_place_id"), ["place_id"], unique=False)

    op.create_table(
        "person_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=160), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("country_id", sa.Integer(), nullable=True),
        sa.Column("from_on", sa.String(length=10), nullable=True),
        sa.Column("to_on", sa.String(length=10), nullable=True),
        sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False),
        sa.Column("hedge", sa.String(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["country_id"], ["country.id"], name=op.f("fk_person_role_country_id_country")
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_person_role_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_role_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_role")),
        sa.UniqueConstraint("key", name=op.f("uq_person_role_key")),
    )
    with op.batch_alter_table("person_role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_role_country_id"), ["country_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_person_role_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_person_role_person_id"), ["person_id"], unique=False)

    op.create_table(
        "relation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("type", sa.String(length=40), nullable=False),
        sa.Column("subject_country_id", sa.Integer(), nullable=True),
        sa.Column("subject_organization_id", sa.Integer(), nullable=True),
        sa.Column("subject_person_id", sa.Integer(), nullable=True),
        sa.Column("object_country_id", sa.Integer(), nullable=True),
        sa.Column("object_organization_id", sa.Integer(), nullable=True),
        sa.Column("object_person_id", sa.Integer(), nullable=True),
        sa.Column("since", sa.String(length=10), nullable=True),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("unit", sa.String(length=40), nullable=True),
        sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False),
        sa.Column("hedge", sa.String(), nullable=True),
        sa.Column("note", sa.String(), nullable=True),
        sa.CheckConstraint(
            "(CASE WHEN object_country_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN object_organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN object_person_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_relation_one_object"),
        ),
        sa.CheckConstraint(
            "(CASE WHEN subject_country_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN subject_organization_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN subject_person_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_relation_one_subject"),
        ),
        sa.ForeignKeyConstraint(
            ["object_country_id"],
            ["country.id"],
            name=op.f("fk_relation_object_country_id_country"),
        ),
        sa.ForeignKeyConstraint(
            ["object_organization_id"],
            ["organization.id"],
            name=op.f("fk_relation_object_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["object_person_id"], ["person.id"], name=op.f("fk_relation_object_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["subject_country_id"],
            ["country.id"],
            name=op.f("fk_relation_subject_country_id_country"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_organization_id"],
            ["organization.id"],
            name=op.f("fk_relation_subject_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["subject_person_id"], ["person.id"], name=op.f("fk_relation_subject_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relation")),
        sa.UniqueConstraint("key", name=op.f("uq_relation_key")),
    )
    with op.batch_alter_table("relation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_relation_object_country_id"), ["object_country_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relation_object_organization_id"),
            ["object_organization_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_relation_object_person_id"), ["object_person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relation_subject_country_id"), ["subject_country_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_relation_subject_organization_id"),
            ["subject_organization_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_relation_subject_person_id"), ["subject_person_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_relation_type"), ["type"], unique=False)

    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False)
        )
        batch_op.add_column(sa.Column("hedge", sa.String(), nullable=True))

    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_citation_exactly_one_subject"), type_="check")
        batch_op.add_column(sa.Column("attributed_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("attributed_ref", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("person_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("person_role_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("place_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("event_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("relation_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("agreement_ratification_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_citation_agreement_ratification_id"),
            ["agreement_ratification_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_citation_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citation_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citation_person_role_id"), ["person_role_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citation_place_id"), ["place_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citation_relation_id"), ["relation_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_agreement_ratification_id_agreement_ratification"),
            "agreement_ratification",
            ["agreement_ratification_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_relation_id_relation"),
            "relation",
            ["relation_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_place_id_place"),
            "place",
            ["place_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_person_id_person"),
            "person",
            ["person_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_person_role_id_person_role"),
            "person_role",
            ["person_role_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citation_event_id_event"),
            "event",
            ["event_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_check_constraint(
            op.f("ck_citation_exactly_one_subject"), one_subject(V2_SUBJECTS)
        )

    with op.batch_alter_table("country_indicator", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False)
        )
        batch_op.add_column(sa.Column("hedge", sa.String(), nullable=True))

    with op.batch_alter_table("inventory_entry", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False)
        )
        batch_op.add_column(sa.Column("hedge", sa.String(), nullable=True))

    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("category_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("stance", sa.String(length=10), server_default="stated", nullable=False)
        )
        batch_op.add_column(sa.Column("hedge", sa.String(), nullable=True))
        batch_op.create_index(batch_op.f("ix_transfer_category_id"), ["category_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_transfer_category_id_category"), "category", ["category_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("transfer", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_transfer_category_id_category"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_transfer_category_id"))
        batch_op.drop_column("hedge")
        batch_op.drop_column("stance")
        batch_op.drop_column("category_id")

    with op.batch_alter_table("inventory_entry", schema=None) as batch_op:
        batch_op.drop_column("hedge")
        batch_op.drop_column("stance")

    with op.batch_alter_table("country_indicator", schema=None) as batch_op:
        batch_op.drop_column("hedge")
        batch_op.drop_column("stance")

    # Citations of what v1 has no table for go with those tables.
    new_subjects = " OR ".join(f"{s}_id IS NOT NULL" for s in V2_SUBJECTS[len(V1_SUBJECTS) :])
    op.execute(f"DELETE FROM citation WHERE {new_subjects}")
    with op.batch_alter_table("citation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_citation_exactly_one_subject"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_citation_exactly_one_subject"), one_subject(V1_SUBJECTS)
        )
        batch_op.drop_constraint(batch_op.f("fk_citation_event_id_event"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_citation_person_role_id_person_role"), type_="foreignkey"
        )
        batch_op.drop_constraint(batch_op.f("fk_citation_person_id_person"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_citation_place_id_place"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_citation_relation_id_relation"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_citation_agreement_ratification_id_agreement_ratification"),
            type_="foreignkey",
        )
        batch_op.drop_index(batch_op.f("ix_citation_relation_id"))
        batch_op.drop_index(batch_op.f("ix_citation_place_id"))
        batch_op.drop_index(batch_op.f("ix_citation_person_role_id"))
        batch_op.drop_index(batch_op.f("ix_citation_person_id"))
        batch_op.drop_index(batch_op.f("ix_citation_event_id"))
        batch_op.drop_index(batch_op.f("ix_citation_agreement_ratification_id"))
        batch_op.drop_column("agreement_ratification_id")
        batch_op.drop_column("relation_id")
        batch_op.drop_column("event_id")
        batch_op.drop_column("place_id")
        batch_op.drop_column("person_role_id")
        batch_op.drop_column("person_id")
        batch_op.drop_column("attributed_ref")
        batch_op.drop_column("attributed_kind")

    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_column("hedge")
        batch_op.drop_column("stance")

    with op.batch_alter_table("relation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_relation_type"))
        batch_op.drop_index(batch_op.f("ix_relation_subject_person_id"))
        batch_op.drop_index(batch_op.f("ix_relation_subject_organization_id"))
        batch_op.drop_index(batch_op.f("ix_relation_subject_country_id"))
        batch_op.drop_index(batch_op.f("ix_relation_object_person_id"))
        batch_op.drop_index(batch_op.f("ix_relation_object_organization_id"))
        batch_op.drop_index(batch_op.f("ix_relation_object_country_id"))

    op.drop_table("relation")
    with op.batch_alter_table("person_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_role_person_id"))
        batch_op.drop_index(batch_op.f("ix_person_role_organization_id"))
        batch_op.drop_index(batch_op.f("ix_person_role_country_id"))

    op.drop_table("person_role")
    with op.batch_alter_table("event_place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_place_place_id"))
        batch_op.drop_index(batch_op.f("ix_event_place_event_id"))

    op.drop_table("event_place")
    with op.batch_alter_table("event_participant", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participant_person_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_organization_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_event_id"))
        batch_op.drop_index(batch_op.f("ix_event_participant_country_id"))

    op.drop_table("event_participant")
    with op.batch_alter_table("agreement_ratification", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_ratification_body_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_ratification_agreement_id"))

    op.drop_table("agreement_ratification")
    with op.batch_alter_table("place", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_place_country_id"))

    op.drop_table("place")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_country_id"))

    op.drop_table("person")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_type"))
        batch_op.drop_index(batch_op.f("ix_event_date"))

    op.drop_table("event")
    op.drop_table("indicator_name")
