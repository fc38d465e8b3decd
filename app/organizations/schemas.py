"""Response models for organizations."""

from pydantic import BaseModel, Field

from app.citations.schemas import CitationOut


class OrganizationOut(BaseModel):
    slug: str = Field(examples=["nato"])
    name: str = Field(examples=["North Atlantic Treaty Organization"])
    kind: str = Field(examples=["military alliance"])
    country: str | None = Field(description="ISO alpha-2 code of its home country")
    citations: list[CitationOut]
