"""Response models for equipment."""

from pydantic import BaseModel, Field

from app.citations.schemas import CitationOut


class OrganizationRef(BaseModel):
    slug: str = Field(examples=["kazakhstan-paramount-engineering"])
    name: str = Field(examples=["Kazakhstan Paramount Engineering"])


class EquipmentOut(BaseModel):
    slug: str = Field(examples=["mig-29"])
    name: str = Field(examples=["MiG-29"])
    aliases: list[str]
    category: str = Field(examples=["fighter-aircraft"])
    role: str | None = Field(examples=["lightweight fighter"])
    origin_country: str | None = Field(description="ISO alpha-2 code", examples=["RU"])
    manufacturer: OrganizationRef | None
    citations: list[CitationOut]


class OperatorOut(BaseModel):
    code: str = Field(description="ISO alpha-2 code", examples=["KZ"])
    name: str = Field(examples=["Kazakhstan"])


class EquipmentDetail(EquipmentOut):
    operators: list[OperatorOut] = Field(
        description="Countries with an inventory entry of this type"
    )
