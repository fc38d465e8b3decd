"""Routes for events: all of them, filtered by who took part, and one of them."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import Response

from app.citations.filters import StancesQuery
from app.core.deps import ReaderDep
from app.core.filters import COMMA_SEPARATED, Slug, YearFromQuery, YearQuery, YearToQuery, slug_ids
from app.core.http import item_route, json_or_404
from app.core.pagination import Listing, list_route, listing_of
from app.core.strict import StrictQueryRoute
from app.countries.deps import CountriesDep, CountryCodesQuery, PartiesQuery
from app.events import queries
from app.events.schemas import EventOut, EventType

router = APIRouter(tags=["events"], route_class=StrictQueryRoute)
EventListing = Annotated[Listing, Depends(listing_of(EventOut, queries.EVENTS.sortable))]
EventId = Annotated[
    str, Path(description="The event's id", examples=["kz-2021-08-21-mobilization-order"])
]
TypesQuery = Annotated[
    list[EventType] | None,
    Query(alias="type", min_length=1, description="Only events of these types"),
    COMMA_SEPARATED,
]
PeopleQuery = Annotated[
    list[Slug] | None,
    Query(
        min_length=1,
        description="Only events one of these people takes part in (see /people); "
        "an unknown slug is a 404",
        examples=[["kassym-jomart-tokayev"]],
    ),
    COMMA_SEPARATED,
]
PlacesQuery = Annotated[
    list[Slug] | None,
    Query(
        min_length=1,
        description="Only events at one of these places (see /places); an unknown slug is a 404",
        examples=[["otar"]],
    ),
    COMMA_SEPARATED,
]


@router.get("/events", **list_route(EventOut, 404))
async def list_events(
    listing: EventListing,
    countries: CountriesDep,
    country: CountryCodesQuery = None,
    parties: PartiesQuery = None,
    type_: TypesQuery = None,
    year: YearQuery = None,
    year_from: YearFromQuery = None,
    year_to: YearToQuery = None,
    person: PeopleQuery = None,
    place: PlacesQuery = None,
    stance: StancesQuery = None,
) -> Response:
    """Every event, oldest first (undated last). `country`, `parties`, `person`: who takes
    part."""
    return await listing.page(
        queries.list_events,
        country_ids=await countries.ids("query.country", country),
        party_ids=await countries.ids("query.parties", parties),
        types=type_,
        year=year,
        year_from=year_from,
        year_to=year_to,
        person_ids=await slug_ids(listing.reader, "query.person", "person", person, "/people"),
        place_ids=await slug_ids(listing.reader, "query.place", "place", place, "/places"),
        stances=stance,
    )


@router.get("/events/{event_id}", **item_route(EventOut))
async def get_event(event_id: EventId, reader: ReaderDep) -> Response:
    """One event, with who took part, where, and its citations."""
    event = await queries.get_event(reader, event_id)
    return json_or_404(event, f"No event with id {event_id!r}; see /events")
