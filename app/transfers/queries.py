"""Read queries for transfers."""

from typing import Any, Literal

from app.citations.queries import with_citations
from app.core.reader import Params, Reader, conditions, json_list, page_of

SELECT = """
    SELECT transfer.id, transfer.key, supplier.iso2, recipient.iso2, equipment.slug,
           equipment.name, transfer.description, transfer.quantity, transfer.qualifier,
           transfer.years, transfer.status, transfer.terms, transfer.note
    FROM transfer
    LEFT JOIN country AS supplier ON supplier.id = transfer.supplier_country_id
    JOIN country AS recipient ON recipient.id = transfer.recipient_country_id
    LEFT JOIN equipment ON equipment.id = transfer.equipment_id
    WHERE {where}
"""
COUNT = "SELECT count(*) FROM transfer WHERE {where}"
ORDER = "COALESCE(transfer.years, ''), recipient.iso2, transfer.key"
DIRECTIONS = {
    "imports": "transfer.recipient_country_id = :country_id",
    "exports": "transfer.supplier_country_id = :country_id",
    None: "(transfer.recipient_country_id = :country_id"
    " OR transfer.supplier_country_id = :country_id)",
}


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
    clauses: list[str] = []
    params: Params = {}
    if supplier_id is not None:
        clauses.append("transfer.supplier_country_id = :supplier_id")
        params["supplier_id"] = supplier_id
    if recipient_id is not None:
        clauses.append("transfer.recipient_country_id = :recipient_id")
        params["recipient_id"] = recipient_id
    if country_id is not None:
        clauses.append(DIRECTIONS[direction])
        params["country_id"] = country_id
    if status is not None:
        clauses.append("transfer.status = :status")
        params["status"] = status
    where = conditions(clauses)
    total, rows = page_of(
        reader,
        select=SELECT.format(where=where),
        count=COUNT.format(where=where),
        params=params,
        order_by=ORDER,
        limit=limit,
        offset=offset,
    )
    return total, with_citations(reader, "transfer_id", [shape(row) for row in rows])


def shape(row: tuple[Any, ...]) -> tuple[int, dict[str, Any]]:
    (row_id, key, supplier, recipient, slug, name, description, quantity, qualifier, years,
     status, terms, note) = row  # fmt: skip
    return row_id, {
        "id": key,
        "supplier": supplier,
        "recipient": recipient,
        "equipment": {"slug": slug, "name": name} if slug is not None else None,
        "description": description,
        "quantity": quantity,
        "qualifier": qualifier,
        "years": years,
        "status": status,
        "terms": json_list(terms),
        "note": note,
    }
