"""Transfer table: equipment or aid moving (or meant to move) from one country to another."""

from sqlalchemy import JSON, CheckConstraint, Column, String
from sqlmodel import Field, SQLModel

import app.core.db  # noqa: F401  (installs the naming convention before tables are declared)
from app.citations.models import stance_column
from app.transfers.schemas import TransferStatus


class Transfer(SQLModel, table=True):
    __tablename__ = "transfer"
    __table_args__ = (CheckConstraint("quantity >= 0", name="quantity_not_negative"),)

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=120, unique=True)
    supplier_country_id: int | None = Field(default=None, foreign_key="country.id", index=True)
    recipient_country_id: int = Field(foreign_key="country.id", index=True)
    equipment_id: int | None = Field(default=None, foreign_key="equipment.id", index=True)
    category_id: int | None = Field(default=None, foreign_key="category.id", index=True)
    description: str | None = None
    quantity: int | None = None
    qualifier: str | None = Field(default=None, max_length=40)
    years: str | None = Field(default=None, max_length=9)
    status: TransferStatus = Field(sa_type=String(40), index=True)
    terms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    stance: str = stance_column()
    hedge: str | None = None
    note: str | None = None
