"""The search route: full text over articles and entity names."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.core.errors import InvalidFilter
from app.core.filters import COMMA_SEPARATED
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.search import queries
from app.search.schemas import SearchHit, SearchKind

router = APIRouter(tags=["search"], route_class=StrictQueryRoute)
SearchListing = Annotated[Listing, Depends(listing_of(SearchHit))]
KindsQuery = Annotated[
    list[SearchKind] | None,
    Query(min_length=1, description="Only hits of these kinds"),
    COMMA_SEPARATED,
]


@router.get("/search", **list_route(SearchHit))
async def search(
    listing: SearchListing,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="Words to find (all of them); stemmed: `tank` finds `tanks`. "
            "At least one letter or digit: punctuation is not searched",
            examples=["Arlan"],
            # Documented, and checked below by the same rule that splits the words: a
            # pattern pydantic checked would use another regex engine's idea of a word.
            json_schema_extra={"pattern": r"\w"},
        ),
    ],
    kind: KindsQuery = None,
) -> Response:
    """Search article text and the names of countries, equipment, agreements, organizations."""
    terms = queries.search_terms(q)
    if not terms:
        raise InvalidFilter("query.q", "must contain at least one word")
    return await listing.page(queries.search, terms, kind)
