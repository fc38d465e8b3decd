"""The shape of the curated data files in seeds/: pydantic models that validate them."""

import re
from typing import Annotated, Literal, Self, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from app.agreements.schemas import AgreementStatus, AgreementType
from app.categories.schemas import CategorySlug
from app.citations.schemas import AttributedKind, Stance
from app.countries.schemas import IntermediateRegion, Region, Subregion
from app.events.schemas import EventType, PartyKind
from app.indicators.schemas import IndicatorNameKey
from app.inventory.schemas import InventoryKind
from app.places.schemas import PlaceKind
from app.relations.schemas import RelationType
from app.transfers.schemas import TransferStatus

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
Iso2 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# A party or actor code: an ISO alpha-2 country code or an organization slug.
PartyCode = Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)*)$")]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# ISO 8601 with its precision kept: "2021", "2017-08" or "2017-08-19".
PARTIAL_DATE = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
Qualifier = Literal["about", "more than", "slightly more than", "less than", "up to", "at least"]


def check_partial_date(value: str | None) -> str | None:
    if value is not None and not PARTIAL_DATE.match(value):
        raise ValueError(
            f"{value!r} is not an ISO 8601 date of the form YYYY, YYYY-MM or YYYY-MM-DD"
        )
    return value


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class AttributedRefIn(Strict):
    """Whom a citation's words come from, when the data has them: an organization, a person
    or another source, by slug."""

    kind: AttributedKind
    id: Slug


class CitationIn(Strict):
    """A verbatim quote; `source` defaults to the article the data file describes."""

    quote: NonEmpty
    source: Slug | None = None
    attributed_to: NonEmpty | None = None
    attributed_to_ref: AttributedRefIn | None = None


class Cited(Strict):
    citations: list[CitationIn] = Field(min_length=1)


class Claimed(Cited):
    """A fact, with the strength its article gives it: `hedge` holds the softening words
    themselves ("apparently"), which a hedged fact must give and its quotes must contain."""

    stance: Stance = "stated"
    hedge: NonEmpty | None = None

    @model_validator(mode="after")
    def _hedge_given(self) -> "Claimed":
        if self.stance == "hedged" and self.hedge is None:
            raise ValueError("a hedged fact gives its hedging words in `hedge`")
        if self.stance == "stated" and self.hedge is not None:
            raise ValueError("a fact with a hedge is not `stated`: say how (hedged, opinion...)")
        return self


class SourceIn(Strict):
    id: Slug
    file: NonEmpty
    title: NonEmpty | None = None
    author: NonEmpty | None = None
    publisher: NonEmpty | None = None
    published_on: str | None = None
    url: NonEmpty | None = None
    note: NonEmpty | None = None

    _date = field_validator("published_on")(check_partial_date)


class OrganizationIn(Cited):
    slug: Slug
    name: NonEmpty
    kind: NonEmpty
    country: Iso2 | None = None


class EquipmentIn(Cited):
    slug: Slug
    name: NonEmpty
    aliases: list[NonEmpty] = []
    category: Slug
    role: NonEmpty | None = None
    origin_country: Iso2 | None = None
    manufacturer: Slug | None = None


class InventoryEntryIn(Claimed):
    key: Slug
    country: Iso2
    category: Slug
    equipment: Slug | None = None
    quantity: int | None = Field(default=None, ge=0)
    qualifier: Qualifier | None = None
    as_of: str | None = None
    kind: InventoryKind
    note: NonEmpty | None = None

    _date = field_validator("as_of")(check_partial_date)


class TransferIn(Claimed):
    key: Slug
    supplier: Iso2 | None = None
    recipient: Iso2
    equipment: Slug | None = None
    category: Slug | None = None
    description: NonEmpty | None = None
    quantity: int | None = Field(default=None, ge=0)
    qualifier: Qualifier | None = None
    years: Annotated[str, StringConstraints(pattern=r"^\d{4}(?:-\d{4})?$")] | None = None
    status: TransferStatus
    terms: list[NonEmpty] = []
    note: NonEmpty | None = None


class PartyIn(Strict):
    code: PartyCode
    role: NonEmpty


class RatificationIn(Cited):
    """One body's step: the Majilis passing a bill is one step, not the ratification."""

    body: Slug
    date: str | None = None
    outcome: Literal["passed", "rejected", "pending"]
    note: NonEmpty | None = None

    _date = field_validator("date")(check_partial_date)


class AgreementIn(Claimed):
    key: Slug
    title: NonEmpty
    type: AgreementType
    parties: list[PartyIn] = Field(min_length=1)
    signed_on: str | None = None
    ratified_on: str | None = None
    place: NonEmpty | None = None
    status: AgreementStatus | None = None
    terms: list[NonEmpty] = []
    ratification: list[RatificationIn] = []
    note: NonEmpty | None = None

    _dates = field_validator("signed_on", "ratified_on")(check_partial_date)


class IndicatorIn(Claimed):
    key: Slug
    country: Iso2
    name: IndicatorNameKey
    value: int | float = Field(ge=0)
    unit: NonEmpty | None = None
    qualifier: Qualifier | None = None
    as_of: str | None = None
    scope: NonEmpty | None = None
    note: NonEmpty | None = None

    _date = field_validator("as_of")(check_partial_date)


class PlaceIn(Cited):
    slug: Slug
    name: NonEmpty
    country: Iso2 | None = None
    subdivision: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}-[A-Z0-9]{1,3}$")] | None = (
        None
    )
    kind: PlaceKind
    note: NonEmpty | None = None


class RoleIn(Claimed):
    """A title a person holds or held, as the article gives it ("Deputy Defense Minister")."""

    title: NonEmpty
    organization: Slug | None = None
    country: Iso2 | None = None
    from_: str | None = Field(default=None, alias="from")
    to: str | None = None
    note: NonEmpty | None = None

    _dates = field_validator("from_", "to")(check_partial_date)


class PersonIn(Cited):
    slug: Slug
    name: NonEmpty
    aliases: list[NonEmpty] = []
    country: Iso2 | None = None
    roles: list[RoleIn] = []
    note: NonEmpty | None = None


class PartyRefIn(Strict):
    """A country (ISO alpha-2 code), an organization or a person (slug)."""

    kind: PartyKind
    code: PartyCode


class ParticipantIn(PartyRefIn):
    role: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)] | None
    ) = None


class EventIn(Claimed):
    key: Slug
    type: EventType
    date: str | None = None
    title: NonEmpty
    participants: list[ParticipantIn] = []
    places: list[Slug] = []
    note: NonEmpty | None = None

    _date = field_validator("date")(check_partial_date)


class RelationIn(Claimed):
    key: Slug
    type: RelationType
    subject: PartyRefIn
    object: PartyRefIn
    since: str | None = None
    value: float | None = None
    unit: NonEmpty | None = None
    note: NonEmpty | None = None

    _date = field_validator("since")(check_partial_date)


class ArticleFile(Strict):
    """One reviewed data file: an article's metadata and everything taken from it."""

    source: SourceIn
    organizations: list[OrganizationIn] = []
    places: list[PlaceIn] = []
    people: list[PersonIn] = []
    equipment: list[EquipmentIn] = []
    inventory: list[InventoryEntryIn] = []
    transfers: list[TransferIn] = []
    agreements: list[AgreementIn] = []
    indicators: list[IndicatorIn] = []
    events: list[EventIn] = []
    relations: list[RelationIn] = []


class CategoryIn(Strict):
    slug: CategorySlug
    label: NonEmpty
    un_register_category: NonEmpty | None = None
    description: NonEmpty | None = None


class CategoriesFile(Strict):
    categories: list[CategoryIn] = Field(min_length=1)

    @model_validator(mode="after")
    def describes_every_category(self) -> Self:
        """The API's category vocabulary is code (an enum of its schema): each needs its row."""
        missing = sorted(set(get_args(CategorySlug)) - {c.slug for c in self.categories})
        if missing:
            raise ValueError(f"categories of the vocabulary left out: {', '.join(missing)}")
        return self


class RegionGroupIn(Strict):
    name: NonEmpty
    code: Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
    parent: NonEmpty | None


class RegionsFile(Strict):
    """The UN M49 hierarchy and the lowest group of each country (scripts/m49.py writes it)."""

    scheme: NonEmpty
    groups: list[RegionGroupIn] = Field(min_length=1)
    countries: dict[Iso2, NonEmpty]

    @model_validator(mode="after")
    def one_hierarchy(self) -> Self:
        """Every parent and every country's group is a group, and the groups are the API's
        vocabularies level by level (region, sub-region, intermediate region)."""
        parents = {group.name: group.parent for group in self.groups}
        unknown = {p for p in parents.values() if p is not None} | set(self.countries.values())
        if unknown - set(parents):
            raise ValueError(f"unknown groups: {', '.join(sorted(unknown - set(parents)))}")
        levels: dict[str, int] = {}
        for name in parents:
            levels[name], parent = 0, parents[name]
            while parent is not None:
                levels[name], parent = levels[name] + 1, parents[parent]
        for level, vocabulary in enumerate((Region, Subregion, IntermediateRegion)):
            groups = {name for name, at in levels.items() if at == level}
            differ = groups ^ set(get_args(vocabulary))
            if differ:
                raise ValueError(f"level {level} differs from the vocabulary: {sorted(differ)}")
        return self

    def chain(self, code: str) -> list[str]:
        """A country's groups from its region down: `[Asia, Central Asia]`; empty if none."""
        parents = {group.name: group.parent for group in self.groups}
        group = self.countries.get(code)
        groups: list[str] = []
        while group is not None:
            groups.insert(0, group)
            group = parents[group]
        return groups


class IndicatorNameIn(Strict):
    name: IndicatorNameKey
    label: NonEmpty
    unit: NonEmpty | None = None
    definition: NonEmpty


class IndicatorsFile(Strict):
    """The indicator vocabulary: each name's unit and definition."""

    indicators: list[IndicatorNameIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_name_once(self) -> "IndicatorsFile":
        names = [indicator.name for indicator in self.indicators]
        missing = set(get_args(IndicatorNameKey)) - set(names)
        if missing or len(names) != len(set(names)):
            raise ValueError(f"must define each indicator name once; missing: {sorted(missing)}")
        return self
