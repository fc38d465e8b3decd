"""Response models for releases and their changes."""

from typing import Any, Literal

from pydantic import BaseModel, Field

FactKind = Literal[
    "sources",
    "categories",
    "countries",
    "indicators",
    "organizations",
    "equipment",
    "inventory",
    "transfers",
    "agreements",
    "people",
    "places",
    "events",
    "relations",
]
ChangeKind = Literal["added", "changed", "removed"]
# The formats of an export, each with the media type it is served as (the server's
# app/releases/exporting.py and the client share them from here).
ExportFormat = Literal["json", "ndjson", "csv", "sqlite"]
EXPORT_MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "ndjson": "application/x-ndjson",
    "csv": "application/zip",
    "sqlite": "application/vnd.sqlite3",
}


class ChangeCounts(BaseModel):
    added: int = Field(ge=0, examples=[424])
    changed: int = Field(ge=0, examples=[0])
    removed: int = Field(ge=0, examples=[0])


class ReleaseOut(BaseModel):
    version: str = Field(description="The release's content hash", examples=["16b346b0c77c..."])
    loaded_at: str = Field(examples=["2026-12-04T19:55:01+00:00"])
    parent: str | None = Field(description="The release before it; null for the first")
    message: str | None = Field(description="What the load said it changes (`--message`)")
    counts: dict[str, int] = Field(description="Rows per table in this release")
    changes: ChangeCounts = Field(description="Facts added, changed and removed since `parent`")


class ChangeOut(BaseModel):
    kind: FactKind = Field(examples=["inventory"])
    id: str = Field(
        description="The fact's id, stable across releases", examples=["kz-gfp-2021-tanks"]
    )
    change: ChangeKind = Field(examples=["changed"])
    before: dict[str, Any] | None = Field(description="The fact as served before; null if added")
    after: dict[str, Any] | None = Field(description="The fact as served after; null if removed")
