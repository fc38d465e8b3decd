"""Response models for agreements."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import CitationOut


class PartyOut(BaseModel):
    code: str = Field(
        description="ISO alpha-2 code of a country, or an organization's slug", examples=["KZ"]
    )
    name: str = Field(examples=["Kazakhstan"])
    kind: Literal["country", "organization"]
    role: str = Field(examples=["provider"])


class AgreementOut(BaseModel):
    id: str = Field(examples=["kz-kg-2021-military-technical-assistance"])
    title: str
    type: str = Field(examples=["military-technical assistance"])
    parties: list[PartyOut]
    signed_on: str | None = Field(examples=["2017-08-19"])
    ratified_on: str | None = Field(examples=["2021-11-10"])
    status: str | None
    place: str | None = Field(examples=["Tashkent"])
    terms: list[str]
    note: str | None = Field(description="How derived dates were derived, and caveats")
    citations: list[CitationOut]
