"""Event tables: orders, votes, signings, visits, displays, statements, with who and where."""

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import one_party, stance_column


class Event(SQLModel, table=True):
    __tablename__ = "event"

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    type: str = Field(max_length=40, index=True)
    date: str | None = Field(default=None, max_length=10, index=True)
    title: str
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None


class EventParticipant(SQLModel, table=True):
    """Who took part: exactly one of a country, an organization or a person."""

    __tablename__ = "event_participant"
    __table_args__ = (CheckConstraint(one_party(), name="one_party"),)

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    organization_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    role: str | None = Field(default=None, max_length=80)
    position: int = 0


class EventPlace(SQLModel, table=True):
    __tablename__ = "event_place"

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True, ondelete="CASCADE")
    place_id: int = Field(foreign_key="place.id", index=True)
    position: int = 0
