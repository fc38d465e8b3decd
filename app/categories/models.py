"""Category table: the controlled vocabulary of equipment categories."""

from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Category(SQLModel, table=True):
    __tablename__ = "category"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    label: str
    un_register_category: str | None = None
    description: str | None = None
