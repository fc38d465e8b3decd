"""Response models for categories."""

from pydantic import BaseModel, Field


class CategoryOut(BaseModel):
    slug: str = Field(examples=["tanks"])
    label: str = Field(examples=["Tanks"])
    un_register_category: str | None = Field(
        description="The UN Register of Conventional Arms category, where one applies",
        examples=["I. Battle tanks"],
    )
    description: str | None
