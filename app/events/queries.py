"""Read queries for events, with who took part and where."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.filters import on_or_after, on_or_before, year_bound
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, expand_list
from app.events.schemas import EventType

EVENTS = ListQuery(
    # EventOut's fields in its order; `participants` and `places` are filled in from
    # PARTICIPANTS and PLACES.
    select="""
        SELECT event.id AS row_id, event.key AS id, event.type, event.date, event.title,
               NULL AS participants, NULL AS places, event.stance, event.hedge, event.note
        FROM event
    """,
    count="SELECT count(*) FROM event",
    # Oldest first; undated events last.
    order_by="CASE WHEN event.date IS NULL THEN 1 ELSE 0 END, event.date, event.key",
    sortable={"date": "event.date", "type": "event.type"},
)
# The party columns of event_participant as ParticipantOut serves them.
PARTICIPANTS = """
    SELECT event_participant.event_id,
           CASE WHEN event_participant.country_id IS NOT NULL THEN 'country'
                WHEN event_participant.organization_id IS NOT NULL THEN 'organization'
                ELSE 'person' END AS kind,
           COALESCE(country.iso2, organization.slug, person.slug) AS code,
           COALESCE(country.name, organization.name, person.name) AS name,
           event_participant.role
    FROM event_participant
    LEFT JOIN country ON country.id = event_participant.country_id
    LEFT JOIN organization ON organization.id = event_participant.organization_id
    LEFT JOIN person ON person.id = event_participant.person_id
    WHERE event_participant.event_id IN {ids}
    ORDER BY event_participant.event_id, event_participant.position
"""
PLACES = """
    SELECT event_place.event_id, place.slug
    FROM event_place JOIN place ON place.id = event_place.place_id
    WHERE event_place.event_id IN {ids}
    ORDER BY event_place.event_id, event_place.position
"""
# A country matches the events it takes part in; a person likewise; a place, those held there.
WITH_COUNTRY = "event.id IN (SELECT event_id FROM event_participant WHERE country_id IN {values})"
WITH_PERSON = "event.id IN (SELECT event_id FROM event_participant WHERE person_id IN {values})"
AT_PLACE = "event.id IN (SELECT event_id FROM event_place WHERE place_id IN {values})"


async def list_events(
    reader: Reader,
    window: Window,
    *,
    country_ids: list[int] | None = None,
    party_ids: list[int] | None = None,
    types: list[EventType] | None = None,
    year: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    person_ids: list[int] | None = None,
    place_ids: list[int] | None = None,
    stances: Sequence[str] | None = None,
) -> Found:
    """Events any of `country_ids` takes part in, all of `party_ids` take part in, within the
    years asked."""
    in_year = None if year is None else f"{year:04d}%"
    where = (
        Where()
        .add_linked(WITH_COUNTRY, "country", country_ids)
        .add_linked(WITH_COUNTRY, "party", party_ids, every=True)
        .add_in("event.type", "type", types)
        .add("event.date LIKE :year", year=in_year)
        .add(on_or_after("event.date", "year_from"), year_from=year_bound(year_from))
        .add(on_or_before("event.date", "year_to"), year_to=year_bound(year_to))
        .add_linked(WITH_PERSON, "person", person_ids)
        .add_linked(AT_PLACE, "place", place_ids)
        .add_in("event.stance", "stance", stances)
    )
    total, rows = await EVENTS.page(reader, window, where)
    return total, await _complete(reader, rows)


async def get_event(reader: Reader, event_id: str) -> Row | None:
    rows = await EVENTS.rows(reader, Where().add("event.key = :key", key=event_id))
    return (await _complete(reader, rows))[0] if rows else None


async def _complete(reader: Reader, rows: list[Row]) -> list[Row]:
    """Participants, places and citations for a set of events: one statement each."""
    if not rows:
        return []
    ids, params = expand_list("id", [row["row_id"] for row in rows])
    participants: dict[int, list[Row]] = {}
    for participant in await reader.all(PARTICIPANTS.format(ids=ids), params):
        participants.setdefault(participant.pop("event_id"), []).append(participant)
    places: dict[int, list[str]] = {}
    for place in await reader.all(PLACES.format(ids=ids), params):
        places.setdefault(place["event_id"], []).append(place["slug"])
    for row in rows:
        row["participants"] = participants.get(row["row_id"], [])
        row["places"] = places.get(row["row_id"], [])
    return await with_citations(reader, "event", rows)
