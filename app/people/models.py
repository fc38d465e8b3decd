"""Person tables: officials, ministers, deputies and analysts the articles name, with roles."""

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import stance_column


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    name: str
    # Every other spelling the articles use ("Kasym-Jomart Tokayev"), found by search too.
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    note: str | None = None


class PersonRole(SQLModel, table=True):
    """A title a person holds (or held): of an organization, a country, or both."""

    __tablename__ = "person_role"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=160, unique=True)  # `<person slug>.<position>`
    person_id: int = Field(foreign_key="person.id", index=True, ondelete="CASCADE")
    title: str
    organization_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    from_on: str | None = Field(default=None, max_length=10)
    to_on: str | None = Field(default=None, max_length=10)
    stance: str = stance_column()
    hedge: str | None = None
    position: int = Field(default=0, description="Order of the role as the data file lists it")
    note: str | None = None
