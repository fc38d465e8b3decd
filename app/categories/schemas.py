"""Response models for categories."""

from typing import Literal

from pydantic import BaseModel, Field

# The category vocabulary; seeds/reference/categories.yaml describes each (label, UN Register
# category, definition) and the loader refuses a file that adds or omits one.
CategorySlug = Literal[
    "tanks",
    "armoured-fighting-vehicles",
    "armoured-personnel-carriers",
    "armoured-vehicles",
    "rocket-projectors",
    "military-aircraft",
    "fighter-aircraft",
    "attack-aircraft",
    "transport-aircraft",
    "combat-helicopters",
    "helicopters",
    "naval-vessels",
    "drones",
    "ammunition",
    "special-equipment",
    "infantry-fighting-vehicles",
    "self-propelled-artillery",
    "towed-artillery",
    "trainer-aircraft",
    "special-mission-aircraft",
    "tanker-aircraft",
    "submarines",
    "aircraft-carriers",
    "helicopter-carriers",
    "destroyers",
    "frigates",
    "corvettes",
    "patrol-vessels",
    "mine-warfare-vessels",
    "missiles-and-launchers",
]


class CategoryOut(BaseModel):
    slug: CategorySlug = Field(examples=["tanks"])
    label: str = Field(examples=["Tanks"])
    un_register_category: str | None = Field(
        description="The UN Register of Conventional Arms category, where one applies",
        examples=["I. Battle tanks"],
    )
    description: str | None
