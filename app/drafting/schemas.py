"""The draft of an article as `milcap draft --format json` prints it: the source and the
candidate facts, each with its verbatim quote, offsets, stance and the tool's confidence."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.citations.schemas import Stance
from app.events.schemas import EventType
from app.transfers.schemas import TransferStatus

CandidateKind = Literal[
    "inventory",
    "indicator",
    "transfer",
    "agreement",
    "event",
    "person",
    "organization",
    "equipment",
]


class SourceDraft(BaseModel):
    title: str | None
    author: str | None
    published_on: str | None = Field(description="Partial ISO 8601 date, or null")
    publisher: str | None = None


class CandidateBase(BaseModel):
    """What every candidate carries: `text[start:end] == quote`, always."""

    model_config = ConfigDict(extra="forbid")

    quote: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    stance: Stance = "stated"
    hedge: str | None = None
    attributed_to: str | None = None
    score: float = Field(ge=0, le=1)
    note: str | None = None


class InventoryCandidate(CandidateBase):
    """A category total (`equipment` null) or a type in service."""

    kind: Literal["inventory"] = "inventory"
    country: str | None
    category: str
    equipment: str | None = None
    quantity: int | None = None
    qualifier: str | None = None
    as_of: str | None = None


class IndicatorCandidate(CandidateBase):
    kind: Literal["indicator"] = "indicator"
    country: str | None
    name: str
    value: int | float
    unit: str | None = None
    qualifier: str | None = None
    as_of: str | None = None
    scope: str | None = None


class TransferCandidate(CandidateBase):
    kind: Literal["transfer"] = "transfer"
    supplier: str | None = None
    recipient: str | None = None
    equipment: str | None = None
    category: str | None = None
    quantity: int | None = None
    status: TransferStatus
    years: str | None = None


class AgreementCandidate(CandidateBase):
    kind: Literal["agreement"] = "agreement"
    title: str
    type: str | None = None
    parties: list[str] = []
    signed_on: str | None = None
    place: str | None = None


class EventCandidate(CandidateBase):
    kind: Literal["event"] = "event"
    type: EventType
    date: str | None = None
    participants: list[str] = []
    places: list[str] = []


class PersonCandidate(CandidateBase):
    kind: Literal["person"] = "person"
    name: str
    country: str | None = None
    role: str | None = None
    organization: str | None = None


class OrganizationCandidate(CandidateBase):
    """`organization_kind` is the organization's own kind (legislature, ministry...):
    `kind` names the candidate's kind, as for every candidate."""

    kind: Literal["organization"] = "organization"
    name: str
    organization_kind: str | None = None
    country: str | None = None


class EquipmentCandidate(CandidateBase):
    """`slug` is the catalogue's, when the name is one it holds."""

    kind: Literal["equipment"] = "equipment"
    name: str
    slug: str | None = None
    category: str | None = None
    origin_country: str | None = None


Candidate = Annotated[
    InventoryCandidate
    | IndicatorCandidate
    | TransferCandidate
    | AgreementCandidate
    | EventCandidate
    | PersonCandidate
    | OrganizationCandidate
    | EquipmentCandidate,
    Field(discriminator="kind"),
]


class Draft(BaseModel):
    source: SourceDraft
    candidates: list[Candidate]
