"""The shape of the curated data files in seeds/: pydantic models that validate them."""

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from app.inventory.schemas import InventoryKind
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
    model_config = ConfigDict(extra="forbid", frozen=True)


class CitationIn(Strict):
    """A verbatim quote; `source` defaults to the article the data file describes."""

    quote: NonEmpty
    source: Slug | None = None
    attributed_to: NonEmpty | None = None


class Cited(Strict):
    citations: list[CitationIn] = Field(min_length=1)


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


class InventoryEntryIn(Cited):
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


class TransferIn(Cited):
    key: Slug
    supplier: Iso2 | None = None
    recipient: Iso2
    equipment: Slug | None = None
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


class AgreementIn(Cited):
    key: Slug
    title: NonEmpty
    type: NonEmpty
    parties: list[PartyIn] = Field(min_length=1)
    signed_on: str | None = None
    ratified_on: str | None = None
    place: NonEmpty | None = None
    status: NonEmpty | None = None
    terms: list[NonEmpty] = []
    note: NonEmpty | None = None

    _dates = field_validator("signed_on", "ratified_on")(check_partial_date)


class IndicatorIn(Cited):
    key: Slug
    country: Iso2
    name: Literal[
        "population",
        "gfp_world_rank",
        "gfp_regional_rank",
        "world_military_rank",
        "border_length_km",
    ]
    value: int = Field(ge=0)
    unit: NonEmpty | None = None
    qualifier: Qualifier | None = None
    as_of: str | None = None
    scope: NonEmpty | None = None
    note: NonEmpty | None = None

    _date = field_validator("as_of")(check_partial_date)


class ArticleFile(Strict):
    """One reviewed data file: an article's metadata and everything taken from it."""

    source: SourceIn
    organizations: list[OrganizationIn] = []
    equipment: list[EquipmentIn] = []
    inventory: list[InventoryEntryIn] = []
    transfers: list[TransferIn] = []
    agreements: list[AgreementIn] = []
    indicators: list[IndicatorIn] = []


class CategoryIn(Strict):
    slug: Slug
    label: NonEmpty
    un_register_category: NonEmpty | None = None
    description: NonEmpty | None = None


class CategoriesFile(Strict):
    categories: list[CategoryIn] = Field(min_length=1)


class RegionIn(Strict):
    name: NonEmpty
    countries: list[Iso2] = Field(min_length=1)


class RegionsFile(Strict):
    """Regions (UN M49 sub-regions) of the countries the articles concern."""

    scheme: NonEmpty
    regions: list[RegionIn] = Field(min_length=1)
