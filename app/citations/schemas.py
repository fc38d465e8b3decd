"""The citation every served fact carries."""

from pydantic import BaseModel, Field


class CitationOut(BaseModel):
    source_id: str = Field(
        description="The source's id", examples=["abbasova-2021-kazakhstan-pledges-military-aid"]
    )
    quote: str = Field(
        description="Verbatim text of the source (whitespace folded)",
        examples=["Kazakhstan’s army is equipped with 300 tanks"],
    )
    attributed_to: str | None = Field(
        description="Who the article passes the claim on from, if anyone",
        examples=["Global Firepower 2021"],
    )
    start_offset: int = Field(description="Start of the quote in the source's text", ge=0)
    end_offset: int = Field(description="End of the quote in the source's text (exclusive)", ge=0)
