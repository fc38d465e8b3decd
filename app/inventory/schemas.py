"""Response models for inventory entries."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from app.categories.schemas import CategorySlug
from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance

# `holding`: how many of a category a country has; `in_service`: a type it operates.
InventoryKind = Literal["holding", "in_service"]


class EquipmentRef(BaseModel):
    slug: str = Field(examples=["mig-29"])
    name: str = Field(examples=["MiG-29"])


class InventoryEntryOut(BaseModel):
    # One whole entry as the API serves it (a test keeps it so): field by field, examples of
    # a total and of a type would mix into an entry nobody holds.
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "kz-gfp-2021-tanks",
                    "country": "KZ",
                    "category": "tanks",
                    "equipment": None,
                    "quantity": 300,
                    "qualifier": None,
                    "as_of": "2021",
                    "kind": "holding",
                    "stance": "stated",
                    "hedge": None,
                    "note": 'From the sentence "According to Global Firepower data, Kazakhstan’s '
                    'army is equipped with ..."; the year 2021 comes from "Global Firepower’s '
                    '2021 rankings" in the preceding sentence.',
                    "citations": [
                        {
                            "source_id": "abbasova-2021-kazakhstan-pledges-military-aid",
                            "quote": "According to Global Firepower data, Kazakhstan’s army is "
                            "equipped with 300 tanks",
                            "attributed_to": "Global Firepower 2021",
                            "attributed_to_ref": {"kind": "organization", "id": "global-firepower"},
                            "start_offset": 2906,
                            "end_offset": 2986,
                        }
                    ],
                }
            ]
        }
    )

    id: str
    country: str = Field(description="ISO alpha-2 code")
    category: CategorySlug
    equipment: EquipmentRef | None = Field(
        description="The equipment type, or null for a category total"
    )
    quantity: int | None = Field(description="null when the source gives no number")
    qualifier: str | None = Field(description="The source's hedge on the number: about, up to...")
    as_of: str | None
    kind: InventoryKind = Field(
        description="`holding`: a category total; `in_service`: a type the country operates"
    )
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]
