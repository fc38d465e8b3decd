"""Inventory table: what a country holds, by category total or by equipment type in service."""

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)


class InventoryEntry(SQLModel, table=True):
    __tablename__ = "inventory_entry"
    __table_args__ = (
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
        CheckConstraint("kind IN ('holding', 'in_service')", name="known_kind"),
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
    kind: str = Field(max_length=20)
    note: str | None = None
