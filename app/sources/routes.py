"""Routes for sources: the articles, and one article with its full text."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.sources import queries
from app.sources.schemas import SourceDetail, SourceOut

router = APIRouter(tags=["sources"], route_class=StrictQueryRoute)
SourceListing = Annotated[Listing, Depends(listing_of(SourceOut, queries.SOURCES.sortable))]
SourceId = Annotated[
    str,
    Path(description="The source's id", examples=["abbasova-2021-kazakhstan-pledges-military-aid"]),
]


@router.get("/sources", **list_route(SourceOut))
async def list_sources(listing: SourceListing) -> Response:
    """Every article the dataset cites, with its metadata and hash."""
    return await listing.page(queries.list_sources)


@router.get("/sources/{source_id}", **item_route(SourceDetail))
async def get_source(source_id: SourceId, reader: ReaderDep) -> Response:
    """One article, with its full text (citation offsets index into it)."""
    source = await queries.get_source(reader, source_id)
    return json_or_404(source, f"No source with id {source_id!r}; see /sources")
