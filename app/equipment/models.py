"""Equipment table: the models the articles name (MiG-29, BTR-80A, Arlan...)."""

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Equipment(SQLModel, table=True):
    __tablename__ = "equipment"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    name: str
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    category_id: int = Field(foreign_key="category.id", index=True)
    role: str | None = None
    origin_country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    manufacturer_id: int | None = Field(default=None, foreign_key="organization.id", index=True)
