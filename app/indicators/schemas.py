"""Response models for indicators across countries, and the indicator vocabulary."""

from pydantic import BaseModel, Field

from app.countries.schemas import IndicatorNameKey, IndicatorOut

__all__ = ["IndicatorNameKey", "IndicatorNameOut", "IndicatorOut", "IndicatorWithCountryOut"]


class IndicatorNameOut(BaseModel):
    name: IndicatorNameKey = Field(examples=["gfp_world_rank"])
    label: str = Field(examples=["Global Firepower world rank"])
    unit: str | None = Field(examples=["rank"])
    definition: str = Field(description="What the indicator measures, and by whose definition")


class IndicatorWithCountryOut(IndicatorOut):
    country: str = Field(description="ISO alpha-2 code", examples=["KZ"])
