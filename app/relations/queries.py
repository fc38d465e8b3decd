"""Read queries for relations: lasting ties between two parties."""

from collections.abc import Sequence

from app.citations.queries import with_citations
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where
from app.relations.schemas import RelationType


def party_name(side: str) -> str:
    """The name of a relation's `subject` or `object`, whichever kind of party it is."""
    return f"COALESCE({side}_country.name, {side}_organization.name, {side}_person.name)"


def party_joins(side: str) -> str:
    """The joins `party_name(side)` and the party's other columns read."""
    return f"""
        LEFT JOIN country AS {side}_country ON {side}_country.id = relation.{side}_country_id
        LEFT JOIN organization AS {side}_organization
            ON {side}_organization.id = relation.{side}_organization_id
        LEFT JOIN person AS {side}_person ON {side}_person.id = relation.{side}_person_id
    """


def _party(side: str) -> str:
    """The columns of a relation's `subject` or `object`, as PartyRefOut serves it."""
    return f"""
        CASE WHEN {side}_country.id IS NOT NULL THEN 'country'
             WHEN {side}_organization.id IS NOT NULL THEN 'organization'
             ELSE 'person' END AS "{side}.kind",
        COALESCE({side}_country.iso2, {side}_organization.slug, {side}_person.slug)
            AS "{side}.code",
        {party_name(side)} AS "{side}.name"
    """


RELATIONS = ListQuery(
    # RelationOut's fields in its order.
    select=f"""
        SELECT relation.id AS row_id, relation.key AS id, relation.type,
               {_party("subject")}, {_party("object")},
               relation.since, relation.value, relation.unit, relation.stance,
               relation.hedge, relation.note
        FROM relation {party_joins("subject")} {party_joins("object")}
    """,
    count="SELECT count(*) FROM relation",
    order_by="relation.key",
    sortable={"since": "relation.since", "type": "relation.type"},
)
PARTY_IN = "(relation.subject_country_id IN {values} OR relation.object_country_id IN {values})"


async def list_relations(
    reader: Reader,
    window: Window,
    *,
    country_ids: list[int] | None = None,
    party_ids: list[int] | None = None,
    types: list[RelationType] | None = None,
    stances: Sequence[str] | None = None,
) -> Found:
    """Relations any of `country_ids` is a side of, all of `party_ids` are sides of."""
    where = (
        Where()
        .add_linked(PARTY_IN, "country", country_ids)
        .add_linked(PARTY_IN, "party", party_ids, every=True)
        .add_in("relation.type", "type", types)
        .add_in("relation.stance", "stance", stances)
    )
    total, rows = await RELATIONS.page(reader, window, where)
    return total, await with_citations(reader, "relation", rows)
