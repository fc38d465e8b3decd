"""Routes about the service itself: liveness."""

from fastapi import APIRouter

from app.meta.schemas import Health

router = APIRouter(tags=["service"])


@router.get("/healthz", response_model=Health)
async def get_health() -> Health:
    """Liveness: the process is up and answering."""
    return Health(status="ok")
