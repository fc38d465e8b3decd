"""Routes for organizations: alliances, ministries, manufacturers, outlets."""

from typing import Annotated

from fastapi import APIRouter, Path, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import NotFound, problem_responses
from app.core.http import CSV_RESPONSE, FormatQuery, json_response, page_response
from app.core.pagination import Page, PageDep, as_page
from app.organizations import queries
from app.organizations.schemas import OrganizationOut

router = APIRouter(tags=["organizations"])


@router.get(
    "/organizations",
    response_model=Page[OrganizationOut],
    responses=CSV_RESPONSE | problem_responses(422),
)
async def list_organizations(
    request: Request, reader: ReaderDep, page: PageDep, format_: FormatQuery = None
) -> Response:
    """Every organization the articles name as an actor, with citations."""
    total, items = queries.list_organizations(reader, page.limit, page.offset)
    return page_response(request, as_page(total, items, page), format_)


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
    if organization is None:
        raise NotFound(f"No organization with slug {slug!r}; see /organizations")
    return json_response(organization)
