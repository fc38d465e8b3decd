"""Response models for indicators across countries, and the indicator vocabulary."""

from typing import Literal

from pydantic import BaseModel, Field

from app.countries.schemas import IndicatorOut

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


class IndicatorNameOut(BaseModel):
    name: IndicatorNameKey = Field(examples=["gfp_world_rank"])
    label: str = Field(examples=["Global Firepower world rank"])
    unit: str | None = Field(examples=["rank"])
    definition: str = Field(description="What the indicator measures, and by whose definition")


class IndicatorWithCountryOut(IndicatorOut):
    country: str = Field(description="ISO alpha-2 code", examples=["KZ"])
