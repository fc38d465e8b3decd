"""Response models for search."""

from typing import Literal

from pydantic import BaseModel, Field

SearchKind = Literal[
    "source",
    "country",
    "equipment",
    "agreement",
    "organization",
    "person",
    "event",
    "place",
    "relation",
    "category",
    "inventory_entry",
]


class SearchHit(BaseModel):
    kind: SearchKind = Field(description="What was found; with `id` it names the resource")
    id: str = Field(
        description="The resource's key: a source id, an ISO alpha-2 code, a slug, or the id "
        "of an agreement, event, relation or inventory entry",
        examples=["abbasova-2021-kazakhstan-pledges-military-aid"],
    )
    title: str
    snippet: str = Field(
        description="The best matching passage; matched words are wrapped in <mark></mark>",
        examples=["Kazakhstan’s army is equipped with 300 <mark>tanks</mark>"],
    )
    rank: float = Field(description="Relevance; higher is better (comparable within a response)")
