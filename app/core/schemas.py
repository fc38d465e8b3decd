"""The response models every route shares: the `Page` envelope and the RFC 9457 problem
document. Plain pydantic, no FastAPI: the client imports them too."""

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

Item = TypeVar("Item")
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://milcap.example/problems/"


class Page(BaseModel, Generic[Item]):
    items: list[Item]
    total: int = Field(description="Items matching the query, over all pages", ge=0)
    limit: int = Field(description="Page size asked for", ge=1, le=MAX_LIMIT)
    offset: int = Field(description="Items skipped before this page", ge=0)


class InvalidParam(BaseModel):
    name: str = Field(description="The offending parameter, e.g. `query.limit`")
    reason: str
    valid_values: list[str] | None = Field(
        default=None, description="The accepted values, where the parameter takes a fixed set"
    )


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "not-found"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No country with code 'XX'"])
    instance: str | None = Field(default=None, examples=["/countries/XX"])
    invalid_params: list[InvalidParam] | None = Field(
        default=None, description="For 422: each parameter that was rejected, and why"
    )
