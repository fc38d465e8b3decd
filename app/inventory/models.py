"""Inventory table: what a country holds, by category total or by equipment type in service."""

from typing import get_args

from sqlalchemy import CheckConstraint, Column, Index, LargeBinary, String
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import stance_column
from app.inventory.schemas import InventoryKind

KINDS = ", ".join(f"'{kind}'" for kind in get_args(InventoryKind))


class InventoryEntry(SQLModel, table=True):
    __tablename__ = "inventory_entry"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint(f"kind IN ({KINDS})", name="known_kind"),
        # The most used lookup: one country's inventory, optionally narrowed by category.
        Index("ix_inventory_entry_country_category", "country_id", "category_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    country_id: int = Field(foreign_key="country.id")
    category_id: int = Field(foreign_key="category.id", index=True)
    equipment_id: int | None = Field(default=None, foreign_key="equipment.id", index=True)
    quantity: int | None = None
    qualifier: str | None = Field(default=None, max_length=40)
    as_of: str | None = Field(default=None, max_length=10)
    kind: InventoryKind = Field(sa_type=String(20))
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None


class InventoryEntryDocument(SQLModel, table=True):
    """An inventory entry as the API serves it (JSON, citations included) and its place in
    the API's order: derived data, rebuilt by the loader in the transaction that changes the
    facts, so the most used route reads one column instead of joining five tables."""

    __tablename__ = "inventory_entry_document"
    __table_args__ = (
        # A country's whole inventory, already in order: an index range, no sort.
        Index("ix_inventory_entry_document_country_position", "country_id", "position"),
    )

    inventory_entry_id: int = Field(
        primary_key=True, foreign_key="inventory_entry.id", ondelete="CASCADE"
    )
    country_id: int = Field(foreign_key="country.id")
    position: int = Field(description="Rank of the entry in the API's order")
    # Bytes, not text: served as they are, without decoding and re-encoding.
    body: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
