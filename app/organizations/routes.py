"""Routes for organizations: alliances, ministries, manufacturers, outlets."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.organizations import queries
from app.organizations.schemas import OrganizationOut

router = APIRouter(tags=["organizations"], route_class=StrictQueryRoute)
OrganizationListing = Annotated[
    Listing, Depends(listing_of(OrganizationOut, queries.ORGANIZATIONS.sortable))
]
OrganizationSlug = Annotated[str, Path(description="The organization's slug", examples=["nato"])]


@router.get("/organizations", **list_route(OrganizationOut))
async def list_organizations(listing: OrganizationListing) -> Response:
    """Every organization the articles name as an actor, with citations."""
    return await listing.page(queries.list_organizations)


@router.get("/organizations/{slug}", **item_route(OrganizationOut))
async def get_organization(slug: OrganizationSlug, reader: ReaderDep) -> Response:
    """One organization (agreement parties that are not countries link here)."""
    organization = await queries.get_organization(reader, slug)
    return json_or_404(organization, f"No organization with slug {slug!r}; see /organizations")
