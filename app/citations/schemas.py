"""The citation every served fact carries, and what every fact says of itself: how strongly
its article states it (`Stance`).

Plain pydantic: the client imports these models, so the vocabularies are declared here as
well as beside the tables (`app/citations/models.py`), and a test checks that both agree."""

from typing import Literal

from pydantic import BaseModel, Field

# How strongly the article states a fact: as fact; softened ("apparently", "is considered
# to be"); as someone's judgement; or as intended, not yet done.
Stance = Literal["stated", "hedged", "opinion", "planned"]
# What a citation's `attributed_to` links to: who the article passes the words on from.
AttributedKind = Literal["organization", "person", "source"]

STANCE_DESCRIPTION = (
    "How strongly the article says it: `stated` (as fact), `hedged` (softened: "
    "“apparently”, “is considered to be”), `opinion` (someone's judgement) or `planned` "
    "(intended, not yet done)"
)
HEDGE_DESCRIPTION = "The article's softening words (“apparently”), else null"


class AttributedRefOut(BaseModel):
    kind: AttributedKind = Field(description="What `id` names")
    id: str = Field(
        description="The slug of the organization, person or source", examples=["global-firepower"]
    )


class CitationOut(BaseModel):
    source_id: str = Field(
        description="The source's id", examples=["abbasova-2021-kazakhstan-pledges-military-aid"]
    )
    quote: str = Field(
        description="Verbatim text of the source (whitespace folded)",
        examples=["Kazakhstan’s army is equipped with 300 tanks"],
    )
    attributed_to: str | None = Field(
        description="Who the article passes the claim on from, if anyone",
        examples=["Global Firepower 2021"],
    )
    attributed_to_ref: AttributedRefOut | None = Field(
        description="The organization, person or source `attributed_to` names, where the "
        "dataset holds it (`/organizations/{id}`, `/people/{id}`, `/sources/{id}`)"
    )
    start_offset: int = Field(description="Start of the quote in the source's text", ge=0)
    end_offset: int = Field(description="End of the quote in the source's text (exclusive)", ge=0)
