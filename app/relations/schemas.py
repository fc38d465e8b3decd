"""Response models for relations, and the vocabulary of relation types."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance
from app.events.schemas import PartyKind

RelationType = Literal[
    "basing", "alliance member", "supplier dependence", "joint venture", "border", "partnership"
]


class PartyRefOut(BaseModel):
    kind: PartyKind = Field(examples=["country"])
    code: str = Field(
        description="ISO alpha-2 code of a country, or the slug of an organization or a person",
        examples=["RU"],
    )
    name: str = Field(examples=["Russian Federation"])


class RelationOut(BaseModel):
    id: str = Field(examples=["kz-ru-border"])
    type: RelationType = Field(examples=["border"])
    subject: PartyRefOut
    object: PartyRefOut
    since: str | None = Field(description="Since when, if stated (partial ISO 8601)")
    value: float | None = Field(description="A stated measure (a border's length)", examples=[7500])
    unit: str | None = Field(examples=["km"])
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]
