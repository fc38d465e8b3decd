"""Response models for countries and their indicators."""

from pydantic import BaseModel, Field

from app.citations.schemas import CitationOut


class CountryOut(BaseModel):
    iso2: str = Field(examples=["KZ"])
    iso3: str = Field(examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])
    official_name: str | None = Field(examples=["Republic of Kazakhstan"])
    region: str | None = Field(
        description="UN M49 sub-region, for the countries the articles concern",
        examples=["Central Asia"],
    )


class IndicatorOut(BaseModel):
    id: str = Field(examples=["kz-population-2021"])
    name: str = Field(
        description="population, gfp_world_rank, gfp_regional_rank, world_military_rank, "
        "border_length_km",
        examples=["population"],
    )
    value: int = Field(examples=[19_000_000])
    unit: str | None = Field(examples=["people"])
    qualifier: str | None = Field(
        description="The source's hedge, kept: about, more than, slightly more than...",
        examples=["slightly more than"],
    )
    as_of: str | None = Field(examples=["2021-11-12"])
    scope: str | None = Field(examples=["Central Asia"])
    note: str | None
    citations: list[CitationOut]


class FactCounts(BaseModel):
    inventory_entries: int
    transfers: int
    agreements: int


class CountryDetail(CountryOut):
    indicators: list[IndicatorOut] = Field(
        description="Every claim about the country; disagreeing sources side by side"
    )
    counts: FactCounts
