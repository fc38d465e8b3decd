"""Routes for relations: basing, borders, alliances, joint ventures."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery
from app.relations import queries
from app.relations.schemas import RelationOut, RelationType

router = APIRouter(tags=["relations"])
TypeQuery = Annotated[
    RelationType | None, Query(alias="type", description="Only relations of this type")
]


@router.get("/relations", **list_route(RelationOut))
async def list_relations(
    listing: ListingDep,
    countries: CountriesDep,
    country: CountryCodeQuery = None,
    type_: TypeQuery = None,
) -> Response:
    """Every lasting tie that is not a document. `country`: as subject or object."""
    country_id = await countries.filter_id("query.country", country)
    return await listing.page(queries.list_relations, country_id=country_id, type_=type_)
