"""Read queries for transfers."""

from typing import Any, Literal

from app.citations.queries import attach_citations
from app.core.reader import Reader, Row, fetch_page, json_list, nest

STATUSES = ("delivered", "pledged", "negotiating", "interest", "ordered", "planned")
COLUMNS = """
    transfer.id AS _id, transfer.key AS id, supplier.iso2 AS supplier,
    recipient.iso2 AS recipient, equipment.slug AS equipment_slug,
    equipment.name AS equipment_name, transfer.description, transfer.quantity,
    transfer.qualifier, transfer.years, transfer.status, transfer.terms, transfer.note
"""
FROM = """
    transfer
    LEFT JOIN country AS supplier ON supplier.id = transfer.supplier_country_id
    JOIN country AS recipient ON recipient.id = transfer.recipient_country_id
    LEFT JOIN equipment ON equipment.id = transfer.equipment_id
"""
ORDER = "COALESCE(transfer.years, ''), recipient.iso2, transfer.key"


def list_transfers(
    reader: Reader,
    *,
    supplier_id: int | None = None,
    recipient_id: int | None = None,
    country_id: int | None = None,
    direction: Literal["imports", "exports"] | None = None,
    status: str | None = None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    conditions = ["1 = 1"]
    params: dict[str, Any] = {}
    if supplier_id is not None:
        conditions.append("transfer.supplier_country_id = :supplier_id")
        params["supplier_id"] = supplier_id
    if recipient_id is not None:
        conditions.append("transfer.recipient_country_id = :recipient_id")
        params["recipient_id"] = recipient_id
    if country_id is not None:
        params["country_id"] = country_id
        conditions.append(
            {
                "imports": "transfer.recipient_country_id = :country_id",
                "exports": "transfer.supplier_country_id = :country_id",
                None: "(transfer.recipient_country_id = :country_id"
                " OR transfer.supplier_country_id = :country_id)",
            }[direction]
        )
    if status is not None:
        conditions.append("transfer.status = :status")
        params["status"] = status
    where = FROM + " WHERE " + " AND ".join(conditions)
    total, rows = fetch_page(reader, COLUMNS, where, params, ORDER, limit, offset)
    return total, attach_citations(reader, "transfer_id", [shape(row) for row in rows])


def shape(row: Row) -> Row:
    row["equipment"] = nest(row, "equipment", "slug", "name")
    row["terms"] = json_list(row["terms"])
    return row
