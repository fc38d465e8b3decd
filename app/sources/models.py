"""Source tables: the articles every claim is cited from, stored with their full text."""

from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Source(SQLModel, table=True):
    __tablename__ = "source"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=120, unique=True)
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published_on: str | None = Field(default=None, max_length=10)
    url: str | None = None
    file: str = Field(max_length=255, unique=True)
    sha256: str = Field(max_length=64)
    note: str | None = None
    text: str
