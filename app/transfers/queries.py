"""Read queries for transfers."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.filters import year_bound
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
    sortable={"years": "transfer.years", "quantity": "transfer.quantity"},
)
# The first and last year of `years`, a year or a span `2019-2021`: the year filters match a
# span that overlaps them.
FIRST_YEAR = "substr(transfer.years, 1, 4)"
LAST_YEAR = "substr(transfer.years, length(transfer.years) - 3, 4)"
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
    supplier_ids: list[int] | None = None,
    recipient_ids: list[int] | None = None,
    country_id: int | None = None,
    direction: Direction | None = None,
    statuses: list[TransferStatus] | None = None,
    category_ids: list[int] | None = None,
    stances: Sequence[str] | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> Found:
    where = (
        Where()
        .add_in("transfer.supplier_country_id", "supplier", supplier_ids)
        .add_in("transfer.recipient_country_id", "recipient", recipient_ids)
        .add(DIRECTIONS[direction], country_id=country_id)
        .add_in("transfer.status", "status", statuses)
        .add_in("transfer.category_id", "category", category_ids)
        .add_in("transfer.stance", "stance", stances)
        .add(f"{LAST_YEAR} >= :year_from", year_from=year_bound(year_from))
        .add(f"{FIRST_YEAR} <= :year_to", year_to=year_bound(year_to))
    )
    total, rows = await TRANSFERS.page(reader, window, where)
    for row in rows:
        row["terms"] = json_list(row["terms"])
    return total, await with_citations(reader, "transfer", rows)
