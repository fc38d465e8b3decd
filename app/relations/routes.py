"""Routes for relations: basing, borders, alliances, joint ventures."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from app.citations.filters import StancesQuery
from app.core.filters import COMMA_SEPARATED, CountryCode
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery
from app.relations import queries
from app.relations.schemas import RelationOut, RelationType

router = APIRouter(tags=["relations"], route_class=StrictQueryRoute)
RelationListing = Annotated[Listing, Depends(listing_of(RelationOut, queries.RELATIONS.sortable))]
PartiesQuery = Annotated[
    list[CountryCode] | None,
    Query(
        min_length=1,
        description="Only relations between these countries, one on each side, comma-separated "
        "(`RU,KZ`); an unknown code is a 404",
        examples=[["RU", "KZ"]],
    ),
    COMMA_SEPARATED,
]
TypesQuery = Annotated[
    list[RelationType] | None,
    Query(alias="type", min_length=1, description="Only relations of these types"),
    COMMA_SEPARATED,
]


@router.get("/relations", **list_route(RelationOut, 404))
async def list_relations(
    listing: RelationListing,
    countries: CountriesDep,
    country: CountryCodesQuery = None,
    parties: PartiesQuery = None,
    type_: TypesQuery = None,
    stance: StancesQuery = None,
) -> Response:
    """Every lasting tie that is not a document. `country`: as subject or object."""
    return await listing.page(
        queries.list_relations,
        country_ids=await countries.ids("query.country", country),
        party_ids=await countries.ids("query.parties", parties),
        types=type_,
        stances=stance,
    )
