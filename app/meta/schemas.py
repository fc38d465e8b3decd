"""Response models of the service's own routes: health and dataset metadata."""

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(examples=["ok"])
