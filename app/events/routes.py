"""Routes for events: all of them, filtered by who took part, and one of them."""

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from app.core.deps import ReaderDep
from app.core.filters import SLUG_PATTERN, YearQuery, slug_filter
from app.core.http import item_route, json_or_404
from app.core.pagination import ListingDep, list_route
from app.countries.deps import CountriesDep, CountryCodeQuery
from app.events import queries
from app.events.schemas import EventOut, EventType

router = APIRouter(tags=["events"])
EventId = Annotated[
    str, Path(description="The event's id", examples=["kz-2021-08-21-mobilization-order"])
]
TypeQuery = Annotated[EventType | None, Query(alias="type", description="Only events of this type")]
PersonQuery = Annotated[
    str | None,
    Query(
        pattern=SLUG_PATTERN,
        description="Only events this person takes part in (see /people)",
        examples=["kassym-jomart-tokayev"],
    ),
]


@router.get("/events", **list_route(EventOut))
async def list_events(
    listing: ListingDep,
    countries: CountriesDep,
    country: CountryCodeQuery = None,
    type_: TypeQuery = None,
    year: YearQuery = None,
    person: PersonQuery = None,
) -> Response:
    """Every event, oldest first (undated last). `country`, `person`: who takes part."""
    return await listing.page(
        queries.list_events,
        country_id=await countries.filter_id("query.country", country),
        type_=type_,
        year=year,
        person_id=await slug_filter(listing.reader, "query.person", "person", person, False),
    )


@router.get("/events/{event_id}", **item_route(EventOut))
async def get_event(event_id: EventId, reader: ReaderDep) -> Response:
    """One event, with who took part, where, and its citations."""
    event = await queries.get_event(reader, event_id)
    return json_or_404(event, f"No event with id {event_id!r}; see /events")
