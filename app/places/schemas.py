"""Response models for places, and the vocabulary of place kinds."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import STANCE_DESCRIPTION, CitationOut, Stance

PlaceKind = Literal[
    "city", "capital", "region", "station", "valley", "settlement", "border crossing", "site"
]


class PlaceOut(BaseModel):
    slug: str = Field(examples=["otar"])
    name: str = Field(examples=["Otar"])
    country: str | None = Field(description="ISO alpha-2 code", examples=["KZ"])
    subdivision: str | None = Field(
        description="ISO 3166-2 code of the subdivision the place is or lies in (pycountry)",
        examples=["KZ-31"],
    )
    kind: PlaceKind = Field(examples=["station"])
    note: str | None
    citations: list[CitationOut]


class PlaceEventOut(BaseModel):
    id: str = Field(description="The event's id (see /events/{id})")
    type: str = Field(examples=["deployment"])
    date: str | None = Field(description="Partial ISO 8601: 2021, 2021-08, 2021-08-21")
    title: str
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])


class PlaceDetail(PlaceOut):
    events: list[PlaceEventOut] = Field(
        description="The events the articles place here, oldest first (undated last)"
    )
