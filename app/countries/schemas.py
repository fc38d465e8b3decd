"""Response models for countries, their indicators and their timeline."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance

# The UN M49 groups (seeds/reference/regions.yaml places every country in them).
Region = Literal["Africa", "Americas", "Asia", "Europe", "Oceania"]
Subregion = Literal[
    "Northern Africa",
    "Sub-Saharan Africa",
    "Latin America and the Caribbean",
    "Northern America",
    "Central Asia",
    "Eastern Asia",
    "South-eastern Asia",
    "Southern Asia",
    "Western Asia",
    "Eastern Europe",
    "Northern Europe",
    "Southern Europe",
    "Western Europe",
    "Australia and New Zealand",
    "Melanesia",
    "Micronesia",
    "Polynesia",
]
IntermediateRegion = Literal[
    "Eastern Africa",
    "Middle Africa",
    "Southern Africa",
    "Western Africa",
    "Caribbean",
    "Central America",
    "South America",
]


class CountryOut(BaseModel):
    iso2: str = Field(examples=["KZ"])
    iso3: str = Field(examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])
    official_name: str | None = Field(examples=["Republic of Kazakhstan"])
    region: Region | None = Field(
        description="UN M49 region; null for Antarctica, which M49 places in none",
        examples=["Asia"],
    )
    subregion: Subregion | None = Field(description="UN M49 sub-region", examples=["Central Asia"])
    intermediate_region: IntermediateRegion | None = Field(
        description="UN M49 intermediate region, where M49 has one (Africa, the Americas)",
        examples=[None],
    )


# The names an indicator may have; their units and definitions are reference data
# (seeds/reference/indicators.yaml, served at /indicators/names), which must name each.
IndicatorNameKey = Literal[
    "population",
    "gfp_world_rank",
    "gfp_regional_rank",
    "world_military_rank",
    "border_length_km",
    "gfp_power_index",
    "active_personnel",
    "reserve_personnel",
    "paramilitary_personnel",
    "available_manpower",
    "fit_for_service",
    "defence_budget_usd",
    "defence_budget",
]


class IndicatorOut(BaseModel):
    id: str = Field(examples=["kz-population-2021"])
    name: IndicatorNameKey = Field(
        description="The indicator (its label, unit and definition: /indicators/names)",
        examples=["population"],
    )
    value: int | float = Field(
        description="A count or a rank (whole), or an index (a fraction: Global Firepower's "
        "PowerIndex)",
        examples=[19_000_000],
    )
    unit: str | None = Field(examples=["people"])
    qualifier: str | None = Field(
        description="The source's hedge, kept: about, more than, slightly more than...",
        examples=["slightly more than"],
    )
    as_of: str | None = Field(examples=["2021-11-12"])
    scope: str | None = Field(examples=["Central Asia"])
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
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


# What a timeline item is: its `id` is that resource's id (a ratification step's is
# `<agreement id>.<position>`).
TimelineKind = Literal[
    "event", "agreement", "ratification", "transfer", "inventory_entry", "indicator", "relation"
]


class TimelineItemOut(BaseModel):
    date: str = Field(
        description="Partial ISO 8601 (`2021`, `2021-08`, `2021-08-21`); a transfer's years may "
        "be a span (`2019-2021`)",
        examples=["2021-11-10"],
    )
    kind: TimelineKind = Field(
        description="`event` (its date), `agreement` (signed), `ratification` (one body's "
        "step), `transfer` (its years), `inventory_entry` and `indicator` (as of), "
        "`relation` (since)",
        examples=["ratification"],
    )
    id: str = Field(
        description="The fact's id; a ratification step's is `<agreement id>.<position>`",
        examples=["kz-kg-2021-military-technical-assistance.0"],
    )
    title: str = Field(description="What happened, in a line")
    stance: Stance = Field(
        description=STANCE_DESCRIPTION + "; a ratification step is `stated`, or `planned` while "
        "its outcome is pending",
        examples=["stated"],
    )
    citations: list[CitationOut]
