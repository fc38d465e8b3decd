"""Routes about the service and the dataset as a whole: liveness, metadata, the export."""

from fastapi import APIRouter
from fastapi.responses import Response

from app.core.deps import DatasetDep, ReaderDep
from app.core.http import json_response
from app.meta import queries
from app.meta.schemas import LICENCE, Export, Health, Meta

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health)
async def get_health() -> Health:
    """Liveness: the process is up and answering."""
    return Health(status="ok")


@router.get("/meta", response_model=Meta, tags=["dataset"])
async def get_meta(reader: ReaderDep, dataset: DatasetDep) -> Response:
    """Which release of the dataset this is, when it was loaded, and how much it holds."""
    release = dataset.current()
    version = release.version if release else "unloaded"
    return json_response(
        {
            "dataset_version": version,
            "loaded_at": release.loaded_at if release else None,
            "counts": queries.table_counts(reader),
            "licence": LICENCE,
            "attribution": f"milcap dataset, version {version[:12]}",
        }
    )


@router.get("/export", response_model=Export, tags=["dataset"])
async def get_export(reader: ReaderDep, dataset: DatasetDep) -> Response:
    """The whole dataset as one JSON document (for bulk download)."""
    release = dataset.current()
    document = {
        "dataset_version": release.version if release else "unloaded",
        "loaded_at": release.loaded_at if release else None,
        "licence": LICENCE,
    } | queries.export(reader)
    headers = {"Content-Disposition": 'attachment; filename="milcap-export.json"'}
    return json_response(document, headers=headers)
