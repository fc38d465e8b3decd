"""Routes for releases: the list, one release, its changes, every change since one, and a
release's whole dataset. What a release holds never changes: those answers are immutable."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.errors import NotFound
from app.core.http import item_route, json_response
from app.core.pagination import Listing, list_route, listing_of
from app.core.reader import Reader
from app.core.strict import StrictQueryRoute
from app.meta.schemas import Export
from app.releases import queries
from app.releases.exporting import EXPORT_RESPONSES, ExportFormatQuery, export_response
from app.releases.schemas import ChangeOut, ReleaseOut

router = APIRouter(tags=["releases"], route_class=StrictQueryRoute)
ReleaseListing = Annotated[Listing, Depends(listing_of(ReleaseOut))]
ChangeListing = Annotated[Listing, Depends(listing_of(ChangeOut))]
VERSION_PATTERN = r"^[0-9a-f]{64}$"
VersionPath = Annotated[
    str, Path(pattern=VERSION_PATTERN, description="A release's version (see /releases)")
]
SinceQuery = Annotated[
    str,
    Query(pattern=VERSION_PATTERN, description="The release a client last synced to"),
]
# A release's data, changes and metadata never change once it is made.
IMMUTABLE = {"Cache-Control": "public, max-age=31536000, immutable"}


async def _release_id(reader: Reader, version: str) -> int:
    release = await queries.release_id(reader, version)
    if release is None:
        raise NotFound(f"No release with version {version!r}; see /releases")
    return release


@router.get("/releases", **list_route(ReleaseOut))
async def list_releases(listing: ReleaseListing) -> Response:
    """Every release, newest first: each load that changed a fact."""
    return await listing.page(queries.list_releases)


@router.get("/releases/{version}", **item_route(ReleaseOut))
async def get_release(version: VersionPath, reader: ReaderDep) -> Response:
    """One release: when it was loaded, what it follows, its rows and its changes."""
    release = await queries.get_release(reader, version)
    if release is None:
        raise NotFound(f"No release with version {version!r}; see /releases")
    return json_response(release, IMMUTABLE)


@router.get("/releases/{version}/changes", **list_route(ChangeOut, 404))
async def list_release_changes(version: VersionPath, listing: ChangeListing) -> Response:
    """The facts a release added, changed and removed, each as served before and after."""
    release = await _release_id(listing.reader, version)
    response = await listing.page(queries.release_changes, release)
    response.headers.update(IMMUTABLE)
    return response


@router.get("/changes", **list_route(ChangeOut, 404))
async def list_changes(listing: ChangeListing, since: SinceQuery) -> Response:
    """Every fact that differs now from what it was at release `since`, removals included:
    what a client that synced then needs to sync now. Since the current release: none."""
    release = await _release_id(listing.reader, since)
    return await listing.page(queries.changes_since, release)


@router.get("/releases/{version}/export", response_model=Export, responses=EXPORT_RESPONSES)
async def get_release_export(
    version: VersionPath, request: Request, reader: ReaderDep, format_: ExportFormatQuery = "json"
) -> Response:
    """A release's whole dataset, every fact as the API served it then: streamed, in bounded
    memory, as one JSON document, NDJSON, a zip of CSV files, or a SQLite file."""
    release = await queries.release_ref(reader, version)
    if release is None:
        raise NotFound(f"No release with version {version!r}; see /releases")
    return await export_response(request, reader, release, format_, IMMUTABLE)
