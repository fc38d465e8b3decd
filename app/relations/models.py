"""Relation table: a lasting tie between two parties that is not a document (basing, a border,
a joint venture, membership of an alliance)."""

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import one_party, stance_column


class Relation(SQLModel, table=True):
    __tablename__ = "relation"
    __table_args__ = (
        CheckConstraint(one_party("subject_"), name="one_subject"),
        CheckConstraint(one_party("object_"), name="one_object"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    type: str = Field(max_length=40, index=True)
    subject_country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    subject_organization_id: int | None = Field(
        default=None, foreign_key="organization.id", index=True
    )
    subject_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    object_country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    object_organization_id: int | None = Field(
        default=None, foreign_key="organization.id", index=True
    )
    object_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    since: str | None = Field(default=None, max_length=10)
    value: float | None = None
    unit: str | None = Field(default=None, max_length=40)
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None
