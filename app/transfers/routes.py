"""Routes for transfers: all of them, and one country's imports and exports."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.filters import CountryCodeQuery, country_id_filter
from app.core.http import CSV_RESPONSE, FormatQuery, page_response
from app.core.pagination import Page, PageDep, as_page
from app.countries.deps import CountryDep
from app.transfers import queries
from app.transfers.models import TransferStatus
from app.transfers.schemas import TransferOut

router = APIRouter(tags=["transfers"])
StatusQuery = Annotated[
    TransferStatus | None,
    Query(description="Only transfers with this status"),
]


@router.get(
    "/transfers",
    response_model=Page[TransferOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_transfers(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    supplier: CountryCodeQuery = None,
    recipient: CountryCodeQuery = None,
    status: StatusQuery = None,
) -> Response:
    """Every transfer: delivered, pledged, negotiated or of interest, with citations."""
    total, items = queries.list_transfers(
        reader,
        supplier_id=country_id_filter(reader, "query.supplier", supplier),
        recipient_id=country_id_filter(reader, "query.recipient", recipient),
        status=status,
        limit=page.limit,
        offset=page.offset,
    )
    return page_response(request, as_page(total, items, page), format_)


@router.get(
    "/countries/{code}/transfers",
    response_model=Page[TransferOut],
    responses=CSV_RESPONSE | problem_responses(404, 422),
)
async def list_country_transfers(
    request: Request,
    country: CountryDep,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    direction: Annotated[
        Literal["imports", "exports"] | None,
        Query(description="`imports` (the country receives) or `exports`; both if absent"),
    ] = None,
    status: StatusQuery = None,
) -> Response:
    """A country's transfers, as supplier or recipient."""
    total, items = queries.list_transfers(
        reader,
        country_id=country["id"],
        direction=direction,
        status=status,
        limit=page.limit,
        offset=page.offset,
    )
    return page_response(request, as_page(total, items, page), format_)
