"""Response models for events, and the vocabularies of event types and party kinds."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance

EventType = Literal[
    "order",
    "decision",
    "mobilization",
    "vote",
    "ratification",
    "signing",
    "deployment",
    "exercise",
    "summit",
    "visit",
    "display",
    "statement",
    "resignation",
    "appointment",
    "meeting",
    "report",
]
# What a party to an event or a relation is.
PartyKind = Literal["country", "organization", "person"]


class ParticipantOut(BaseModel):
    kind: PartyKind = Field(examples=["person"])
    code: str = Field(
        description="ISO alpha-2 code of a country, or the slug of an organization or a person",
        examples=["kassym-jomart-tokayev"],
    )
    name: str = Field(examples=["Kassym-Jomart Tokayev"])
    role: str | None = Field(description="What the party did in the event", examples=["ordered"])


class EventOut(BaseModel):
    id: str = Field(examples=["kz-2021-08-21-mobilization-order"])
    type: EventType = Field(examples=["order"])
    date: str | None = Field(
        description="Partial ISO 8601: 2021, 2021-08, 2021-08-21; null when no article dates it"
    )
    title: str
    participants: list[ParticipantOut]
    places: list[str] = Field(description="Slugs of the places it happened at (see /places)")
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]
