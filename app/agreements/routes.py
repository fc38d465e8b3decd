"""Routes for agreements: all of them, one of them, and one country's."""

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.agreements import queries
from app.agreements.schemas import AgreementOut
from app.core.deps import ReaderDep
from app.core.filters import YearQuery
from app.core.http import item_route, json_or_404
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery, CountryDep

router = APIRouter(tags=["agreements"])
AgreementId = Annotated[
    str, Path(description="The agreement's id", examples=["uz-kz-2017-military-cooperation-plan"])
]
TypeQuery = Annotated[
    str | None,
    Query(
        alias="type", max_length=80, description="Only agreements of this type (case-insensitive)"
    ),
]


@router.get("/agreements", **list_route(AgreementOut))
async def list_agreements(
    listing: ListingDep,
    countries: CountriesDep,
    country: CountryCodeQuery = None,
    type_: TypeQuery = None,
    year: YearQuery = None,
) -> Response:
    """Every agreement, with its parties, dates, terms and citations."""
    country_id = await countries.filter_id("query.country", country)
    return await listing.page(
        queries.list_agreements, country_id=country_id, type_=type_, year=year
    )


@router.get("/agreements/{agreement_id}", **item_route(AgreementOut))
async def get_agreement(agreement_id: AgreementId, reader: ReaderDep) -> Response:
    """One agreement."""
    agreement = await queries.get_agreement(reader, agreement_id)
    return json_or_404(agreement, f"No agreement with id {agreement_id!r}")


@router.get("/countries/{code}/agreements", **list_route(AgreementOut, 404))
async def list_country_agreements(country: CountryDep, listing: ListingDep) -> Response:
    """The agreements a country is party to."""
    return await listing.page(queries.list_agreements, country_id=country["id"])
