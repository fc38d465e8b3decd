"""Response models for inventory entries."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance

# `holding`: how many of a category a country has; `in_service`: a type it operates.
InventoryKind = Literal["holding", "in_service"]


class EquipmentRef(BaseModel):
    slug: str = Field(examples=["mig-29"])
    name: str = Field(examples=["MiG-29"])


class InventoryEntryOut(BaseModel):
    id: str = Field(examples=["kz-gfp-2021-tanks"])
    country: str = Field(description="ISO alpha-2 code", examples=["KZ"])
    category: str = Field(examples=["tanks"])
    equipment: EquipmentRef | None = Field(
        description="The equipment type, or null for a category total"
    )
    quantity: int | None = Field(description="null when the source gives no number", examples=[300])
    qualifier: str | None = Field(examples=["about"])
    as_of: str | None = Field(examples=["2021"])
    kind: InventoryKind = Field(
        description="`holding`: a category total; `in_service`: a type the country operates"
    )
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]
