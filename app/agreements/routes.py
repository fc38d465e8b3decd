"""Routes for agreements: all of them, one of them, and one country's."""

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from app.agreements import queries
from app.agreements.schemas import AgreementOut
from app.core.deps import ReaderDep
from app.core.errors import NotFound, problem_responses
from app.core.filters import CountryCodeQuery, YearQuery, country_id_filter
from app.core.http import CSV_RESPONSE, FormatQuery, json_response, page_response
from app.core.pagination import Page, PageDep, as_page
from app.countries.deps import CountryDep

router = APIRouter(tags=["agreements"])


@router.get(
    "/agreements",
    response_model=Page[AgreementOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_agreements(
    request: Request,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
    country: CountryCodeQuery = None,
    type_: Annotated[
        str | None,
        Query(
            alias="type",
            max_length=80,
            description="Only agreements of this type (case-insensitive)",
        ),
    ] = None,
    year: YearQuery = None,
) -> Response:
    """Every agreement, with its parties, dates, terms and citations."""
    total, items = queries.list_agreements(
        reader,
        country_id=country_id_filter(reader, "query.country", country),
        type_=type_,
        year=year,
        limit=page.limit,
        offset=page.offset,
    )
    return page_response(request, as_page(total, items, page), format_)


@router.get(
    "/agreements/{agreement_id}",
    response_model=AgreementOut,
    responses=problem_responses(404, 422),
)
async def get_agreement(
    agreement_id: Annotated[
        str,
        Path(description="The agreement's id", examples=["uz-kz-2017-military-cooperation-plan"]),
    ],
    reader: ReaderDep,
) -> Response:
    """One agreement."""
    agreement = queries.get_agreement(reader, agreement_id)
    if agreement is None:
        raise NotFound(f"No agreement with id {agreement_id!r}")
    return json_response(agreement)


@router.get(
    "/countries/{code}/agreements",
    response_model=Page[AgreementOut],
    responses=CSV_RESPONSE | problem_responses(404, 422),
)
async def list_country_agreements(
    request: Request,
    country: CountryDep,
    reader: ReaderDep,
    page: PageDep,
    format_: FormatQuery = None,
) -> Response:
    """The agreements a country is party to."""
    total, items = queries.list_agreements(
        reader, country_id=country["id"], limit=page.limit, offset=page.offset
    )
    return page_response(request, as_page(total, items, page), format_)
