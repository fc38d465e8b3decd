"""Place table: cities, regions, stations and valleys the articles name."""

from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Place(SQLModel, table=True):
    __tablename__ = "place"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    name: str
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    # The ISO 3166-2 subdivision the place is, or lies in, as pycountry gives it ("KZ-31").
    subdivision: str | None = Field(default=None, max_length=10)
    kind: str = Field(max_length=40)
    note: str | None = None
