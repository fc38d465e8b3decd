"""Agreement tables: treaties, plans and exchanges of notes, with their parties and the steps
of their ratification."""

from sqlalchemy import JSON, CheckConstraint, Column
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import stance_column


class Agreement(SQLModel, table=True):
    __tablename__ = "agreement"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    title: str
    type: str = Field(max_length=80, index=True)
    signed_on: str | None = Field(default=None, max_length=10)
    ratified_on: str | None = Field(default=None, max_length=10)
    place: str | None = None
    status: str | None = None
    terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None


class AgreementParty(SQLModel, table=True):
    """A party to an agreement: exactly one of a country or an organization."""

    __tablename__ = "agreement_party"
    __table_args__ = (
        CheckConstraint(
            "(country_id IS NULL) <> (organization_id IS NULL)", name="country_or_organization"
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agreement_id: int = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    organization_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    role: str = Field(max_length=80)
    position: int = Field(default=0, description="Order of the party as the source lists it")


class AgreementRatification(SQLModel, table=True):
    """One body's step towards ratifying an agreement (a lower house's vote is one step)."""

    __tablename__ = "agreement_ratification"
    __table_args__ = (
        CheckConstraint("outcome IN ('passed', 'rejected', 'pending')", name="known_outcome"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=160, unique=True)  # `<agreement key>.<position>`
    agreement_id: int = Field(foreign_key="agreement.id", index=True, ondelete="CASCADE")
    body_id: int = Field(foreign_key="organization.id", index=True)
    date: str | None = Field(default=None, max_length=10)
    outcome: str = Field(max_length=10)
    position: int = 0
    note: str | None = None
