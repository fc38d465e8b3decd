"""The schema as a whole: every table model, and the tables the loader fills, in one place at
the top of the package (it imports every domain; nothing in `core` does), for Alembic, the
loader and the dataset's counts."""

from typing import NamedTuple

from sqlmodel import SQLModel

from app.agreements.models import Agreement, AgreementParty, AgreementRatification
from app.categories.models import Category
from app.citations.models import SUBJECT_COLUMNS, Citation
from app.countries.models import Country, CountryIndicator
from app.equipment.models import Equipment
from app.events.models import Event, EventParticipant, EventPlace
from app.indicators.models import IndicatorName
from app.inventory.models import InventoryEntry, InventoryEntryDocument
from app.meta.models import DatasetRelease
from app.organizations.models import Organization
from app.people.models import Person, PersonRole
from app.places.models import Place
from app.relations.models import Relation
from app.releases.models import FactVersion, Release
from app.sources.models import Source
from app.transfers.models import Transfer

metadata = SQLModel.metadata


class LoadedTable(NamedTuple):
    name: str
    natural_key: tuple[str, ...]
    # Holds parts of a fact (its parties, its citations): always follows the files exactly.
    owned: bool = False


# The tables the seeds fill, in foreign-key order, each with its natural key.
LOADED_TABLES = (
    LoadedTable("country", ("iso2",)),
    LoadedTable("category", ("slug",)),
    LoadedTable("indicator_name", ("name",)),
    LoadedTable("source", ("slug",)),
    LoadedTable("organization", ("slug",)),
    LoadedTable("place", ("slug",)),
    LoadedTable("person", ("slug",)),
    LoadedTable("person_role", ("key",), owned=True),
    LoadedTable("equipment", ("slug",)),
    LoadedTable("inventory_entry", ("key",)),
    LoadedTable("transfer", ("key",)),
    LoadedTable("agreement", ("key",)),
    LoadedTable("agreement_party", ("agreement_id", "position"), owned=True),
    LoadedTable("agreement_ratification", ("key",), owned=True),
    LoadedTable("country_indicator", ("key",)),
    LoadedTable("event", ("key",)),
    LoadedTable("event_participant", ("event_id", "position"), owned=True),
    LoadedTable("event_place", ("event_id", "position"), owned=True),
    LoadedTable("relation", ("key",)),
    LoadedTable("citation", (*SUBJECT_COLUMNS, "source_id", "quote"), owned=True),
)
LOADED_TABLE_NAMES = tuple(table.name for table in LOADED_TABLES)

__all__ = [
    "LOADED_TABLES",
    "LOADED_TABLE_NAMES",
    "Agreement",
    "AgreementParty",
    "AgreementRatification",
    "Category",
    "Citation",
    "Country",
    "CountryIndicator",
    "DatasetRelease",
    "Equipment",
    "Event",
    "EventParticipant",
    "EventPlace",
    "FactVersion",
    "IndicatorName",
    "InventoryEntry",
    "InventoryEntryDocument",
    "LoadedTable",
    "Organization",
    "Person",
    "PersonRole",
    "Place",
    "Relation",
    "Release",
    "Source",
    "Transfer",
    "metadata",
]
