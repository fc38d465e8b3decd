"""The search route: full text over articles and entity names."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.errors import InvalidFilter
from app.core.pagination import ListingDep, list_route
from app.search import queries
from app.search.schemas import SearchHit, SearchKind

router = APIRouter(tags=["search"])


@router.get("/search", **list_route(SearchHit))
async def search(
    listing: ListingDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find (all of them); stemmed: `tank` finds `tanks`",
            examples=["Arlan"],
        ),
    ],
    kind: Annotated[SearchKind | None, Query(description="Only hits of this kind")] = None,
) -> Response:
    """Search article text and the names of countries, equipment, agreements, organizations."""
    terms = queries.search_terms(q)
    if not terms:
        raise InvalidFilter("query.q", "must contain at least one word")
    return await listing.page(queries.search, terms, kind)
