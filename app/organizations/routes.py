"""Routes for organizations: alliances, ministries, manufacturers, outlets."""

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import problem_responses
from app.core.http import json_or_404
from app.core.pagination import ListingDep, list_route
from app.organizations import queries
from app.organizations.schemas import OrganizationOut

router = APIRouter(tags=["organizations"])


@router.get("/organizations", **list_route(OrganizationOut))
async def list_organizations(listing: ListingDep, reader: ReaderDep) -> Response:
    """Every organization the articles name as an actor, with citations."""
    return listing.respond(queries.list_organizations(reader, listing.window))


@router.get(
    "/organizations/{slug}",
    response_model=OrganizationOut,
    responses=problem_responses(404, 422),
)
async def get_organization(
    slug: Annotated[str, Path(description="The organization's slug", examples=["nato"])],
    reader: ReaderDep,
) -> Response:
    """One organization (agreement parties that are not countries link here)."""
    organization = queries.get_organization(reader, slug)
    return json_or_404(organization, f"No organization with slug {slug!r}; see /organizations")
