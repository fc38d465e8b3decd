"""Organization table: alliances, ministries, manufacturers, publishers the articles name."""

from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    name: str
    kind: str
    country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
