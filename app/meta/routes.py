"""Routes about the service and the dataset as a whole: liveness, readiness, metadata, export."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.core.caching import CACHE_CONTROL
from app.core.deps import ReaderDep
from app.core.errors import ServiceUnavailable, problem_responses
from app.core.http import json_response
from app.core.strict import StrictQueryRoute
from app.meta import queries
from app.meta.schemas import LICENCE, Export, Health, Meta, Readiness
from app.releases.exporting import EXPORT_RESPONSES, ExportFormatQuery, export_response
from app.releases.queries import release_ref

# Each route names its own group: a router-wide tag would be added to theirs, twice listed.
router = APIRouter(route_class=StrictQueryRoute)


@router.get("/healthz", response_model=Health, tags=["service"])
async def get_health() -> Health:
    """Liveness: the process is up and answering."""
    return Health(status="ok")


@router.get("/readyz", response_model=Readiness, responses=problem_responses(503), tags=["service"])
async def get_readiness(reader: ReaderDep, request: Request) -> Readiness:
    """Readiness: the database answers and its schema is at the newest migration."""
    expected: str | None = request.app.state.schema_head
    current = await reader.scalar("SELECT version_num FROM alembic_version")  # 503 if unreachable
    if current != expected:
        raise ServiceUnavailable(
            f"The database schema is at revision {current!r}, not {expected!r}; "
            "run `milcap migrate`."
        )
    return Readiness(status="ready", schema_revision=current)


@router.get("/meta", response_model=Meta, tags=["dataset"])
async def get_meta(reader: ReaderDep) -> Response:
    """Which release of the dataset this is, when it was loaded, and how much it holds."""
    release = await reader.release()
    version = release.version if release else "unloaded"
    return json_response(
        {
            "dataset_version": version,
            "loaded_at": release.loaded_at if release else None,
            "counts": await queries.table_counts(reader),
            "licence": LICENCE,
            "attribution": f"milcap dataset, version {version[:12]}",
        }
    )


@router.get(
    "/export",
    response_model=Export,
    responses=EXPORT_RESPONSES | problem_responses(503),
    tags=["dataset"],
)
async def get_export(
    request: Request, reader: ReaderDep, format_: ExportFormatQuery = "json"
) -> Response:
    """The whole dataset, the current release's: streamed, in bounded memory, as one JSON
    document, NDJSON, a zip of CSV files, or a SQLite file (for bulk download)."""
    current = await release_ref(reader, None)
    if current is not None:
        # The current release's export changes with the next load: a short max-age, as elsewhere.
        cache = {"Cache-Control": CACHE_CONTROL}
        return await export_response(request, reader, current, format_, cache)
    # A database upgraded to releases and not loaded since has none to stream: its JSON
    # document is made as before, the other formats wait for the next load.
    if format_ != "json":
        raise ServiceUnavailable(f"{format_} needs a recorded release: run `milcap seed` once")
    release = await reader.release()
    document = {
        "dataset_version": release.version if release else "unloaded",
        "loaded_at": release.loaded_at if release else None,
        "licence": LICENCE,
    } | await queries.export(reader)
    headers = {"Content-Disposition": 'attachment; filename="milcap-export.json"'}
    return json_response(document, headers=headers)
