"""Every table model, imported in one place so Alembic and the loader see the whole schema."""

from sqlmodel import SQLModel

from app.agreements.models import Agreement, AgreementParty
from app.categories.models import Category
from app.citations.models import Citation
from app.countries.models import Country, CountryIndicator
from app.equipment.models import Equipment
from app.inventory.models import InventoryEntry, InventoryEntryDocument
from app.meta.models import DatasetRelease
from app.organizations.models import Organization
from app.sources.models import Source
from app.transfers.models import Transfer

metadata = SQLModel.metadata

__all__ = [
    "Agreement",
    "AgreementParty",
    "Category",
    "Citation",
    "Country",
    "CountryIndicator",
    "DatasetRelease",
    "Equipment",
    "InventoryEntry",
    "InventoryEntryDocument",
    "Organization",
    "Source",
    "Transfer",
    "metadata",
]
