"""Releases and the versions of every fact: each load that changes a fact is a release, and
each fact's JSON, as the API served it, is kept from the release that wrote it until the
release that changed or removed it. A release's data is the versions valid at it."""

from datetime import datetime

from sqlalchemy import Column, DateTime, Index, LargeBinary
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class Release(SQLModel, table=True):
    __tablename__ = "release"

    id: int | None = Field(default=None, primary_key=True)
    version: str = Field(max_length=64, unique=True)
    loaded_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    parent_id: int | None = Field(default=None, foreign_key="release.id")
    message: str | None = None
    counts: str = Field(description="Rows per table, JSON")
    added: int
    changed: int
    removed: int


class FactVersion(SQLModel, table=True):
    __tablename__ = "fact_version"
    # The change feed and the exports read these indexes alone (migrations 0008 and 0009):
    # a past release's versions in (kind, key) order, and the versions each release opened
    # (since) and closed (until, NULL while open) with the other release, digest and id.
    __table_args__ = (
        Index(
            "ix_fact_version_kind_key",
            "kind",
            "key",
            "since_release_id",
            "until_release_id",
            "digest",
        ),
        Index(
            "ix_fact_version_current",
            "until_release_id",
            "kind",
            "key",
            "since_release_id",
            "digest",
            "id",
        ),
        Index(
            "ix_fact_version_since_release_id",
            "since_release_id",
            "kind",
            "key",
            "until_release_id",
            "digest",
            "id",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)
    key: str = Field(max_length=200)
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    digest: str = Field(max_length=64)
    since_release_id: int = Field(foreign_key="release.id")
    until_release_id: int | None = Field(default=None, foreign_key="release.id")
