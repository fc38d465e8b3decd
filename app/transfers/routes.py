"""Routes for transfers: all of them, and one country's imports and exports."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery, CountryDep
from app.transfers import queries
from app.transfers.schemas import Direction, TransferOut, TransferStatus

router = APIRouter(tags=["transfers"])
StatusQuery = Annotated[TransferStatus | None, Query(description="Only transfers with this status")]
DirectionQuery = Annotated[
    Direction | None,
    Query(description="`imports` (the country receives) or `exports`; both if absent"),
]


@router.get("/transfers", **list_route(TransferOut))
async def list_transfers(
    listing: ListingDep,
    countries: CountriesDep,
    supplier: CountryCodeQuery = None,
    recipient: CountryCodeQuery = None,
    status: StatusQuery = None,
) -> Response:
    """Every transfer: delivered, pledged, negotiated or of interest, with citations."""
    supplier_id = await countries.filter_id("query.supplier", supplier)
    recipient_id = await countries.filter_id("query.recipient", recipient)
    return await listing.page(
        queries.list_transfers, supplier_id=supplier_id, recipient_id=recipient_id, status=status
    )


@router.get("/countries/{code}/transfers", **list_route(TransferOut, 404))
async def list_country_transfers(
    country: CountryDep,
    listing: ListingDep,
    direction: DirectionQuery = None,
    status: StatusQuery = None,
) -> Response:
    """A country's transfers, as supplier or recipient."""
    return await listing.page(
        queries.list_transfers, country_id=country["id"], direction=direction, status=status
    )
