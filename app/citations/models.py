"""Citation table: a verbatim quote, with its offsets in the source, backing exactly one fact;
and what every fact says of itself: how strongly its article states it (`Stance`)."""

from typing import Any, Literal, get_args

from sqlalchemy import CheckConstraint, String
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.schemas import Stance

# Each fact-bearing table a citation may back; the citation points at it by `<table>_id`.
CitationSubject = Literal[
    "inventory_entry",
    "transfer",
    "agreement",
    "country_indicator",
    "equipment",
    "organization",
    "person",
    "person_role",
    "place",
    "event",
    "relation",
    "agreement_ratification",
]
STANCES = get_args(Stance)
# A party to an event or a relation: exactly one of these is set.
PARTY_KINDS = ("country", "organization", "person")
SUBJECT_COLUMNS = tuple(f"{subject}_id" for subject in get_args(CitationSubject))
_ONE_SUBJECT = " + ".join(f"(CASE WHEN {c} IS NULL THEN 0 ELSE 1 END)" for c in SUBJECT_COLUMNS)


def stance_column() -> Any:
    """A fact's `stance`: stated unless its data file says otherwise (also for rows loaded
    before stances existed)."""
    known = ", ".join(f"'{stance}'" for stance in STANCES)
    return Field(
        default="stated",
        sa_type=String(10),
        sa_column_kwargs={"server_default": "stated"},
        description=f"one of {known}",
    )


def one_party(prefix: str = "") -> str:
    """A check that exactly one of `<prefix>country_id`, `_organization_id`, `_person_id` is set."""
    return (
        " + ".join(
            f"(CASE WHEN {prefix}{kind}_id IS NULL THEN 0 ELSE 1 END)" for kind in PARTY_KINDS
        )
        + " = 1"
    )


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
    # The organization, person or source `attributed_to` names, by its slug (checked by the
    # loader; a slug, not a foreign key, since it may point at any of three tables).
    attributed_kind: str | None = Field(default=None, sa_type=String(20))
    attributed_ref: str | None = Field(default=None, max_length=120)
    position: int = Field(default=0, description="Order of the citation within its fact")
    # The fact it backs: exactly one of these is set.
    inventory_entry_id: int | None = _subject("inventory_entry")
    transfer_id: int | None = _subject("transfer")
    agreement_id: int | None = _subject("agreement")
    country_indicator_id: int | None = _subject("country_indicator")
    equipment_id: int | None = _subject("equipment")
    organization_id: int | None = _subject("organization")
    person_id: int | None = _subject("person")
    person_role_id: int | None = _subject("person_role")
    place_id: int | None = _subject("place")
    event_id: int | None = _subject("event")
    relation_id: int | None = _subject("relation")
    agreement_ratification_id: int | None = _subject("agreement_ratification")
