"""Response models for transfers, and their vocabularies."""

from typing import Literal

from pydantic import BaseModel, Field

from app.categories.schemas import CategorySlug
from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance
from app.inventory.schemas import EquipmentRef

# How far a transfer got, as the data files, the API and the client name it.
TransferStatus = Literal["delivered", "pledged", "negotiating", "interest", "ordered", "planned"]
# Which of a country's transfers: those it receives or those it supplies.
Direction = Literal["imports", "exports"]


class TransferOut(BaseModel):
    id: str = Field(examples=["kz-kg-2021-ammunition"])
    supplier: str | None = Field(description="ISO alpha-2 code of the supplier", examples=["KZ"])
    recipient: str = Field(description="ISO alpha-2 code of the recipient", examples=["KG"])
    equipment: EquipmentRef | None
    category: CategorySlug | None = Field(
        description="The category of what is transferred (see /categories)", examples=["ammunition"]
    )
    description: str | None = Field(description="What is transferred, when not one type")
    quantity: int | None
    qualifier: str | None
    years: str | None = Field(description="A year or a span, `2019-2021`", examples=["2021"])
    status: TransferStatus = Field(description="How far the transfer got", examples=["pledged"])
    terms: list[str]
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None
    citations: list[CitationOut]
