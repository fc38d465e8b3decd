"""Citation table: a verbatim quote, with its offsets in the source, backing exactly one fact."""

from typing import Any, Literal, get_args

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)

# Each fact-bearing table a citation may back; the citation points at it by `<table>_id`.
CitationSubject = Literal[
    "inventory_entry",
    "transfer",
    "agreement",
    "country_indicator",
    "equipment",
    "organization",
]
SUBJECT_COLUMNS = tuple(f"{subject}_id" for subject in get_args(CitationSubject))
_ONE_SUBJECT = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in SUBJECT_COLUMNS)


def _subject(table: CitationSubject) -> Any:
    """The column pointing at the fact a citation backs (deleted with it)."""
    return Field(default=None, foreign_key=f"{table}.id", index=True, ondelete="CASCADE")


class Citation(SQLModel, table=True):
    __tablename__ = "citation"
    __table_args__ = (
        CheckConstraint(f"{_ONE_SUBJECT} = 1", name="exactly_one_subject"),
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="offsets_ordered"),
    )

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True)
    quote: str
    start_offset: int
    end_offset: int
    attributed_to: str | None = None
    position: int = Field(default=0, description="Order of the citation within its fact")
    # The fact it backs: exactly one of these is set.
    inventory_entry_id: int | None = _subject("inventory_entry")
    transfer_id: int | None = _subject("transfer")
    agreement_id: int | None = _subject("agreement")
    country_indicator_id: int | None = _subject("country_indicator")
    equipment_id: int | None = _subject("equipment")
    organization_id: int | None = _subject("organization")
