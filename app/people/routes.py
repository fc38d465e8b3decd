"""Routes for people: the list, and one person with the events they take part in."""

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import SLUG_PATTERN, slug_filter
from app.core.http import item_route, json_or_404
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery
from app.people import queries
from app.people.schemas import PersonDetail, PersonOut

router = APIRouter(tags=["people"])
PersonSlug = Annotated[
    str, Path(description="The person's slug", examples=["kassym-jomart-tokayev"])
]
OrganizationQuery = Annotated[
    str | None,
    Query(
        pattern=SLUG_PATTERN,
        description="Only people holding a role in this organization (see /organizations)",
        examples=["kz-ministry-of-defence"],
    ),
]


@router.get("/people", **list_route(PersonOut))
async def list_people(
    listing: ListingDep,
    countries: CountriesDep,
    country: CountryCodeQuery = None,
    organization: OrganizationQuery = None,
) -> Response:
    """Every person the articles name, with their roles. `country`: the person's country."""
    return await listing.page(
        queries.list_people,
        country_id=await countries.filter_id("query.country", country),
        organization_id=await slug_filter(
            listing.reader, "query.organization", "organization", organization
        ),
    )


@router.get("/people/{slug}", **item_route(PersonDetail))
async def get_person(slug: PersonSlug, reader: ReaderDep) -> Response:
    """One person, with their roles and the events they take part in."""
    person = await queries.get_person(reader, slug)
    return json_or_404(person, f"No person with slug {slug!r}; see /people")
