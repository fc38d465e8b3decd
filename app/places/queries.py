"""Read queries for places and the events the articles place there."""

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where
from app.places.schemas import PlaceKind

PLACES = ListQuery(
    select="""
        SELECT place.id AS row_id, place.slug, place.name, country.iso2 AS country,
               place.subdivision, place.kind, place.note
        FROM place LEFT JOIN country ON country.id = place.country_id
    """,
    count="SELECT count(*) FROM place",
    order_by="place.slug",
    sortable={"name": "place.name", "kind": "place.kind"},
)
# PlaceEventOut's fields in its order.
EVENTS = """
    SELECT event.key AS id, event.type, event.date, event.title, event.stance
    FROM event
    WHERE EXISTS (SELECT 1 FROM event_place
                  WHERE event_place.event_id = event.id AND event_place.place_id = :place_id)
    ORDER BY CASE WHEN event.date IS NULL THEN 1 ELSE 0 END, event.date, event.key
"""


async def list_places(
    reader: Reader,
    window: Window,
    *,
    country_ids: list[int] | None = None,
    kinds: list[PlaceKind] | None = None,
) -> Found:
    where = (
        Where()
        .add_in("place.country_id", "country", country_ids)
        .add_in("place.kind", "kind", kinds)
    )
    total, rows = await PLACES.page(reader, window, where)
    return total, await with_citations(reader, "place", rows)


async def get_place(reader: Reader, slug: str) -> Row | None:
    rows = await PLACES.rows(reader, Where().add("place.slug = :slug", slug=slug))
    if not rows:
        return None
    events = await reader.all(EVENTS, {"place_id": rows[0]["row_id"]})
    return (await with_citations(reader, "place", rows))[0] | {"events": events}
