"""Dataset release table: which version of the seeds the database holds, and since when."""

from datetime import datetime

from sqlalchemy import Column, DateTime
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class DatasetRelease(SQLModel, table=True):
    __tablename__ = "dataset_release"

    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(max_length=64)
    loaded_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
