"""Response models for sources."""

from pydantic import BaseModel, Field


class SourceOut(BaseModel):
    id: str = Field(examples=["abbasova-2021-kazakhstan-pledges-military-aid"])
    title: str | None
    author: str | None = Field(examples=["Vusala Abbasova"])
    publisher: str | None = Field(examples=["Eurasianet"])
    published_on: str | None = Field(
        description="ISO 8601, keeping the precision the page supports; null if undated",
        examples=["2021-11-12", "2017"],
    )
    url: str | None
    file: str = Field(description="The article's file in seeds/articles/")
    sha256: str = Field(description="SHA-256 of the article's bytes")
    note: str | None = Field(description="How derived metadata was derived")


class SourceDetail(SourceOut):
    text: str = Field(description="The article's full text; citation offsets index into it")
