"""Routes for agreements: all of them, one of them, and one country's."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app.agreements import queries
from app.agreements.schemas import AgreementOut, AgreementStatus, AgreementType
from app.citations.filters import StancesQuery
from app.core.deps import ReaderDep
from app.core.filters import COMMA_SEPARATED, YearFromQuery, YearQuery, YearToQuery
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery, CountryDep, PartiesQuery

router = APIRouter(tags=["agreements"], route_class=StrictQueryRoute)
AgreementId = Annotated[
    str, Path(description="The agreement's id", examples=["uz-kz-2017-military-cooperation-plan"])
]
AgreementListing = Annotated[
    Listing, Depends(listing_of(AgreementOut, queries.AGREEMENTS.sortable))
]
TypesQuery = Annotated[
    list[AgreementType] | None,
    Query(alias="type", min_length=1, description="Only agreements of these types"),
    COMMA_SEPARATED,
]
StatusesQuery = Annotated[
    list[AgreementStatus] | None,
    Query(min_length=1, description="Only agreements with these statuses"),
    COMMA_SEPARATED,
]


@router.get("/agreements", **list_route(AgreementOut, 404))
async def list_agreements(
    listing: AgreementListing,
    countries: CountriesDep,
    country: CountryCodesQuery = None,
    parties: PartiesQuery = None,
    type_: TypesQuery = None,
    status: StatusesQuery = None,
    stance: StancesQuery = None,
    year: YearQuery = None,
    year_from: YearFromQuery = None,
    year_to: YearToQuery = None,
) -> Response:
    """Every agreement, with its parties, dates, terms and citations. A year is the year of
    its signature or of its ratification."""
    return await listing.page(
        queries.list_agreements,
        country_ids=await countries.ids("query.country", country),
        party_ids=await countries.ids("query.parties", parties),
        types=type_,
        statuses=status,
        stances=stance,
        year=year,
        year_from=year_from,
        year_to=year_to,
    )


@router.get("/agreements/{agreement_id}", **item_route(AgreementOut))
async def get_agreement(agreement_id: AgreementId, reader: ReaderDep) -> Response:
    """One agreement."""
    agreement = await queries.get_agreement(reader, agreement_id)
    return json_or_404(agreement, f"No agreement with id {agreement_id!r}")


@router.get("/countries/{code}/agreements", **list_route(AgreementOut, 404))
async def list_country_agreements(country: CountryDep, listing: AgreementListing) -> Response:
    """The agreements a country is party to."""
    return await listing.page(queries.list_agreements, country_ids=[country["id"]])
