"""Response models of the service's own routes: health, dataset metadata and the export."""

from pydantic import BaseModel, Field

from app.agreements.schemas import AgreementOut
from app.categories.schemas import CategoryOut
from app.countries.schemas import CountryOut
from app.equipment.schemas import EquipmentOut
from app.events.schemas import EventOut
from app.indicators.schemas import IndicatorWithCountryOut
from app.inventory.schemas import InventoryEntryOut
from app.organizations.schemas import OrganizationOut
from app.people.schemas import PersonOut
from app.places.schemas import PlaceOut
from app.relations.schemas import RelationOut
from app.sources.schemas import SourceDetail
from app.transfers.schemas import TransferOut

LICENCE = (
    "Curated data: CC BY 4.0. Article texts remain their publishers' and are stored to "
    "verify the quotes cited from them."
)


class Health(BaseModel):
    status: str = Field(examples=["ok"])


class Readiness(BaseModel):
    status: str = Field(examples=["ready"])
    schema_revision: str = Field(description="The Alembic revision the database is at")


class Meta(BaseModel):
    dataset_version: str = Field(description="Content hash of the seeds: cite it with the data")
    loaded_at: str | None = Field(description="When this version was loaded (ISO 8601)")
    counts: dict[str, int] = Field(description="Rows per table", examples=[{"source": 5}])
    licence: str = Field(examples=[LICENCE])
    attribution: str


class Export(BaseModel):
    """The whole dataset in one document."""

    dataset_version: str
    loaded_at: str | None
    licence: str
    sources: list[SourceDetail]
    categories: list[CategoryOut]
    countries: list[CountryOut]
    indicators: list[IndicatorWithCountryOut]
    organizations: list[OrganizationOut]
    equipment: list[EquipmentOut]
    inventory: list[InventoryEntryOut]
    transfers: list[TransferOut]
    agreements: list[AgreementOut]
    people: list[PersonOut]
    places: list[PlaceOut]
    events: list[EventOut]
    relations: list[RelationOut]
