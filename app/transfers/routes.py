"""Routes for transfers: all of them, and one country's imports and exports."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.categories.filters import CategoriesQuery
from app.citations.filters import StancesQuery
from app.core.filters import COMMA_SEPARATED, slug_ids
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery, CountryDep
from app.transfers import queries
from app.transfers.schemas import Direction, TransferOut, TransferStatus

router = APIRouter(tags=["transfers"], route_class=StrictQueryRoute)
# Years of their own: a transfer's are a year or a span (`2019-2021`), matched when they overlap.
TransferYearFrom = Annotated[
    int | None, Query(ge=1000, le=9999, description="Only transfers in this year or later")
]
TransferYearTo = Annotated[
    int | None, Query(ge=1000, le=9999, description="Only transfers in this year or earlier")
]
TransferListing = Annotated[Listing, Depends(listing_of(TransferOut, queries.TRANSFERS.sortable))]
StatusesQuery = Annotated[
    list[TransferStatus] | None,
    Query(min_length=1, description="Only transfers with these statuses"),
    COMMA_SEPARATED,
]
DirectionQuery = Annotated[
    Direction | None,
    Query(description="`imports` (the country receives) or `exports`; both if absent"),
]


@router.get("/transfers", **list_route(TransferOut, 404))
async def list_transfers(
    listing: TransferListing,
    countries: CountriesDep,
    supplier: CountryCodesQuery = None,
    recipient: CountryCodesQuery = None,
    status: StatusesQuery = None,
    category: CategoriesQuery = None,
    stance: StancesQuery = None,
    year_from: TransferYearFrom = None,
    year_to: TransferYearTo = None,
) -> Response:
    """Every transfer: delivered, pledged, negotiated or of interest, with citations. A span
    of years (`2019-2021`) matches a year range it overlaps."""
    return await listing.page(
        queries.list_transfers,
        supplier_ids=await countries.ids("query.supplier", supplier),
        recipient_ids=await countries.ids("query.recipient", recipient),
        statuses=status,
        category_ids=await slug_ids(
            listing.reader, "query.category", "category", category, "/categories"
        ),
        stances=stance,
        year_from=year_from,
        year_to=year_to,
    )


@router.get("/countries/{code}/transfers", **list_route(TransferOut, 404))
async def list_country_transfers(
    country: CountryDep,
    listing: TransferListing,
    direction: DirectionQuery = None,
    status: StatusesQuery = None,
    year_from: TransferYearFrom = None,
    year_to: TransferYearTo = None,
) -> Response:
    """A country's transfers, as supplier or recipient."""
    return await listing.page(
        queries.list_transfers,
        country_id=country["id"],
        direction=direction,
        statuses=status,
        year_from=year_from,
        year_to=year_to,
    )
