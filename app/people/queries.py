"""Read queries for people, their roles and the events they take part in."""

from app.citations.queries import citations_of_kinds
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, expand_list, json_list

PEOPLE = ListQuery(
    # PersonOut's fields in its order; `roles` is filled in from ROLES.
    select="""
        SELECT person.id AS row_id, person.slug, person.name, person.aliases,
               country.iso2 AS country, NULL AS roles, person.note
        FROM person LEFT JOIN country ON country.id = person.country_id
    """,
    count="SELECT count(*) FROM person",
    order_by="person.slug",
    sortable={"name": "person.name"},
)
# RoleOut's fields in its order, after the ids that place each role.
ROLES = """
    SELECT person_role.person_id, person_role.id AS row_id, person_role.title,
           organization.slug AS organization, country.iso2 AS country,
           person_role.from_on AS "from", person_role.to_on AS "to", person_role.stance,
           person_role.hedge, person_role.note
    FROM person_role
    LEFT JOIN organization ON organization.id = person_role.organization_id
    LEFT JOIN country ON country.id = person_role.country_id
    WHERE person_role.person_id IN {ids}
    ORDER BY person_role.person_id, person_role.position
"""
HOLDS_A_ROLE_IN = (
    "person.id IN (SELECT person_id FROM person_role WHERE organization_id IN {values})"
)
# PersonEventOut's fields in its order: one row per part the person has in an event.
EVENTS = """
    SELECT event.key AS id, event.type, event.date, event.title, event.stance,
           event_participant.role
    FROM event_participant JOIN event ON event.id = event_participant.event_id
    WHERE event_participant.person_id = :person_id
    ORDER BY CASE WHEN event.date IS NULL THEN 1 ELSE 0 END, event.date, event.key,
             event_participant.position
"""


async def list_people(
    reader: Reader,
    window: Window,
    *,
    country_ids: list[int] | None = None,
    organization_ids: list[int] | None = None,
) -> Found:
    where = (
        Where()
        .add_in("person.country_id", "country", country_ids)
        .add_linked(HOLDS_A_ROLE_IN, "organization", organization_ids)
    )
    total, rows = await PEOPLE.page(reader, window, where)
    return total, await _complete(reader, rows)


async def get_person(reader: Reader, slug: str) -> Row | None:
    rows = await PEOPLE.rows(reader, Where().add("person.slug = :slug", slug=slug))
    if not rows:
        return None
    events = await reader.all(EVENTS, {"person_id": rows[0]["row_id"]})
    return (await _complete(reader, rows))[0] | {"events": events}


async def _complete(reader: Reader, rows: list[Row]) -> list[Row]:
    """Roles, and the citations of the people and of their roles: one statement each."""
    if not rows:
        return []
    ids, params = expand_list("id", [row["row_id"] for row in rows])
    every_role = await reader.all(ROLES.format(ids=ids), params)
    citations = await citations_of_kinds(
        reader,
        {
            "person": [row["row_id"] for row in rows],
            "person_role": [role["row_id"] for role in every_role],
        },
    )
    roles: dict[int, list[Row]] = {}
    for role in every_role:
        role["citations"] = citations["person_role"].get(role.pop("row_id"), [])
        roles.setdefault(role.pop("person_id"), []).append(role)
    for row in rows:
        row_id = row.pop("row_id")
        row["aliases"] = json_list(row["aliases"])
        row["roles"] = roles.get(row_id, [])
        row["citations"] = citations["person"].get(row_id, [])
    return rows
