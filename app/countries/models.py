"""Country tables: every ISO 3166-1 country, and the cited indicators the articles give for them."""

from sqlalchemy import CheckConstraint, Column, Numeric
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import stance_column


class Country(SQLModel, table=True):
    __tablename__ = "country"

    id: int | None = Field(default=None, primary_key=True)
    iso2: str = Field(max_length=2, unique=True)
    iso3: str = Field(max_length=3, unique=True)
    name: str
    official_name: str | None = None
    # UN M49: region (`Asia`), sub-region (`Central Asia`), intermediate region (`Caribbean`).
    region: str | None = Field(default=None, index=True)
    subregion: str | None = Field(default=None, index=True)
    intermediate_region: str | None = None


class CountryIndicator(SQLModel, table=True):
    """One claim about a country: a population figure, a rank, a border length."""

    __tablename__ = "country_indicator"
    __table_args__ = (CheckConstraint("value >= 0", name="value_not_negative"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    country_id: int = Field(foreign_key="country.id", index=True)
    name: str = Field(max_length=40, index=True)
    # Whole for counts and ranks, a fraction for an index (Global Firepower's PowerIndex).
    value: float = Field(sa_column=Column(Numeric(asdecimal=False), nullable=False))
    unit: str | None = None
    qualifier: str | None = Field(default=None, max_length=40)
    as_of: str | None = Field(default=None, max_length=10)
    scope: str | None = None
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None
