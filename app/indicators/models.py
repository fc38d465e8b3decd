"""Indicator vocabulary table: each indicator's name, unit and definition (reference data)."""

from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class IndicatorName(SQLModel, table=True):
    __tablename__ = "indicator_name"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=40, unique=True)
    label: str
    unit: str | None = Field(default=None, max_length=40)
    definition: str
