"""Response models for agreements, their parties and the steps of their ratification."""

from typing import Literal

from pydantic import BaseModel, Field

from app.citations.schemas import HEDGE_DESCRIPTION, STANCE_DESCRIPTION, CitationOut, Stance

# How one body's step towards ratification ended: passed, rejected, or not yet decided.
RatificationOutcome = Literal["passed", "rejected", "pending"]
# What kind of document an agreement is, and how far it has come. One body's vote is a step
# of `ratification`, never `ratified`: an agreement a lower house passed is `in ratification`.
AgreementType = Literal[
    "military-technical assistance",
    "military co-operation plan",
    "exchange of notes",
    "partnership",
    "treaty",
    "memorandum of understanding",
    "protocol",
    "contract",
]
AgreementStatus = Literal[
    "negotiating", "signed", "in ratification", "ratified", "in force", "suspended", "terminated"
]


class PartyOut(BaseModel):
    code: str = Field(
        description="ISO alpha-2 code of a country, or an organization's slug", examples=["KZ"]
    )
    name: str = Field(examples=["Kazakhstan"])
    kind: Literal["country", "organization"]
    role: str = Field(examples=["provider"])


class RatificationStepOut(BaseModel):
    """One body's step towards ratifying an agreement: a lower house's vote is one step."""

    body: str = Field(
        description="The organization's slug (see /organizations)", examples=["majilis"]
    )
    body_name: str = Field(examples=["Majilis"])
    date: str | None = Field(examples=["2021-11-10"])
    outcome: RatificationOutcome = Field(examples=["passed"])
    note: str | None
    citations: list[CitationOut]


class AgreementOut(BaseModel):
    id: str = Field(examples=["kz-kg-2021-military-technical-assistance"])
    title: str
    type: AgreementType = Field(examples=["military-technical assistance"])
    parties: list[PartyOut]
    signed_on: str | None = Field(examples=["2017-08-19"])
    ratified_on: str | None = Field(
        description="Set only when the article says the agreement was ratified as a whole; "
        "one body's vote is a step of `ratification`",
        examples=[None],
    )
    ratification: list[RatificationStepOut] = Field(
        description="The steps towards ratification the articles report, in order"
    )
    status: AgreementStatus | None = Field(examples=["signed"])
    place: str | None = Field(examples=["Tashkent"])
    terms: list[str]
    stance: Stance = Field(description=STANCE_DESCRIPTION, examples=["stated"])
    hedge: str | None = Field(description=HEDGE_DESCRIPTION)
    note: str | None = Field(description="How derived dates were derived, and caveats")
    citations: list[CitationOut]
