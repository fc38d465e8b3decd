"""Read queries for transfers."""

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where, json_list
from app.transfers.schemas import Direction, TransferStatus

TRANSFERS = ListQuery(
    select="""
        SELECT transfer.id AS row_id, transfer.key AS id, supplier.iso2 AS supplier,
               recipient.iso2 AS recipient, equipment.slug AS "equipment.slug",
               equipment.name AS "equipment.name", category.slug AS category,
               transfer.description, transfer.quantity, transfer.qualifier, transfer.years,
               transfer.status, transfer.terms, transfer.stance, transfer.hedge, transfer.note
        FROM transfer
        LEFT JOIN country AS supplier ON supplier.id = transfer.supplier_country_id
        JOIN country AS recipient ON recipient.id = transfer.recipient_country_id
        LEFT JOIN equipment ON equipment.id = transfer.equipment_id
        LEFT JOIN category ON category.id = transfer.category_id
    """,
    count="SELECT count(*) FROM transfer",
    order_by="COALESCE(transfer.years, ''), recipient.iso2, transfer.key",
)
# A country's transfers in one direction, or both.
DIRECTIONS: dict[Direction | None, str] = {
    "imports": "transfer.recipient_country_id = :country_id",
    "exports": "transfer.supplier_country_id = :country_id",
    None: "(transfer.recipient_country_id = :country_id"
    " OR transfer.supplier_country_id = :country_id)",
}


async def list_transfers(
    reader: Reader,
    window: Window,
    *,
    supplier_id: int | None = None,
    recipient_id: int | None = None,
    country_id: int | None = None,
    direction: Direction | None = None,
    status: TransferStatus | None = None,
) -> Found:
    where = (
        Where()
        .add("transfer.supplier_country_id = :supplier_id", supplier_id=supplier_id)
        .add("transfer.recipient_country_id = :recipient_id", recipient_id=recipient_id)
        .add(DIRECTIONS[direction], country_id=country_id)
        .add("transfer.status = :status", status=status)
    )
    total, rows = await TRANSFERS.page(reader, window, where)
    for row in rows:
        row["terms"] = json_list(row["terms"])
    return total, await with_citations(reader, "transfer", rows)
