"""Routes for people: the list, and one person with the events they take part in."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import COMMA_SEPARATED, Slug, slug_ids
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery
from app.people import queries
from app.people.schemas import PersonDetail, PersonOut

router = APIRouter(tags=["people"], route_class=StrictQueryRoute)
PersonSlug = Annotated[
    str, Path(description="The person's slug", examples=["kassym-jomart-tokayev"])
]
PersonListing = Annotated[Listing, Depends(listing_of(PersonOut, queries.PEOPLE.sortable))]
OrganizationsQuery = Annotated[
    list[Slug] | None,
    Query(
        min_length=1,
        description="Only people holding a role in one of these organizations "
        "(see /organizations); an unknown slug is a 404",
        examples=[["kz-ministry-of-defence"]],
    ),
    COMMA_SEPARATED,
]


@router.get("/people", **list_route(PersonOut, 404))
async def list_people(
    listing: PersonListing,
    countries: CountriesDep,
    country: CountryCodesQuery = None,
    organization: OrganizationsQuery = None,
) -> Response:
    """Every person the articles name, with their roles. `country`: the person's country."""
    return await listing.page(
        queries.list_people,
        country_ids=await countries.ids("query.country", country),
        organization_ids=await slug_ids(
            listing.reader, "query.organization", "organization", organization, "/organizations"
        ),
    )


@router.get("/people/{slug}", **item_route(PersonDetail))
async def get_person(slug: PersonSlug, reader: ReaderDep) -> Response:
    """One person, with their roles and the events they take part in."""
    person = await queries.get_person(reader, slug)
    return json_or_404(person, f"No person with slug {slug!r}; see /people")
