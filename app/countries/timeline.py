"""A country's timeline: every dated fact about it, of every kind, oldest first, in one
statement (a UNION of one SELECT per kind of fact), and their citations in one more."""

from collections.abc import Sequence

from app.citations.models import CitationSubject
from app.citations.queries import citations_of_kinds
from app.core.filters import on_or_after, on_or_before
from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Where
from app.countries.schemas import TimelineKind
from app.relations import queries as relations

# The citation subject of each kind of timeline item.
SUBJECTS: dict[TimelineKind, CitationSubject] = {
    "event": "event",
    "agreement": "agreement",
    "ratification": "agreement_ratification",
    "transfer": "transfer",
    "inventory_entry": "inventory_entry",
    "indicator": "country_indicator",
    "relation": "relation",
}


# Each SELECT gives an item's kind, the fact's database id, TimelineItemOut's date, id,
# title and stance, and the period its date stands for (`2021` is all of 2021; a transfer's
# `2019-2021` runs from 2019 to 2021), which orders and filters the items. `:country_id`
# is the country whose timeline it is.
FACTS = f"""
    SELECT 'event' AS kind, event.id AS row_id, event.date AS date, event.key AS id,
           event.title AS title, event.stance AS stance,
           event.date AS period_start, event.date AS period_end
    FROM event
    WHERE event.date IS NOT NULL AND EXISTS (
        SELECT 1 FROM event_participant
        WHERE event_participant.event_id = event.id
          AND event_participant.country_id = :country_id)
    UNION ALL
    SELECT 'agreement', agreement.id, agreement.signed_on, agreement.key, agreement.title,
           agreement.stance, agreement.signed_on, agreement.signed_on
    FROM agreement
    WHERE agreement.signed_on IS NOT NULL AND EXISTS (
        SELECT 1 FROM agreement_party
        WHERE agreement_party.agreement_id = agreement.id
          AND agreement_party.country_id = :country_id)
    UNION ALL
    SELECT 'ratification', step.id, step.date, step.key,
           agreement.title || ' (' || body.name || ': ' || step.outcome || ')',
           CASE WHEN step.outcome = 'pending' THEN 'planned' ELSE 'stated' END,
           step.date, step.date
    FROM agreement_ratification AS step
    JOIN agreement ON agreement.id = step.agreement_id
    JOIN organization AS body ON body.id = step.body_id
    WHERE step.date IS NOT NULL AND EXISTS (
        SELECT 1 FROM agreement_party
        WHERE agreement_party.agreement_id = agreement.id
          AND agreement_party.country_id = :country_id)
    UNION ALL
    SELECT 'transfer', transfer.id, transfer.years, transfer.key,
           COALESCE(equipment.name, transfer.description, category.label, 'transfer')
             || ' (' || COALESCE(supplier.iso2 || ' to ', '') || recipient.iso2 || ', '
             || transfer.status || ')',
           transfer.stance, substr(transfer.years, 1, 4),
           CASE WHEN length(transfer.years) = 9 THEN substr(transfer.years, 6, 4)
                ELSE transfer.years END
    FROM transfer
    LEFT JOIN country AS supplier ON supplier.id = transfer.supplier_country_id
    JOIN country AS recipient ON recipient.id = transfer.recipient_country_id
    LEFT JOIN equipment ON equipment.id = transfer.equipment_id
    LEFT JOIN category ON category.id = transfer.category_id
    WHERE transfer.years IS NOT NULL
      AND (transfer.supplier_country_id = :country_id
           OR transfer.recipient_country_id = :country_id)
    UNION ALL
    SELECT 'inventory_entry', inventory_entry.id, inventory_entry.as_of, inventory_entry.key,
           COALESCE(equipment.name, category.label)
             || CASE WHEN inventory_entry.quantity IS NOT NULL
                     THEN ': ' || COALESCE(inventory_entry.qualifier || ' ', '')
                          || CAST(inventory_entry.quantity AS TEXT)
                     WHEN inventory_entry.kind = 'in_service' THEN ' in service'
                     ELSE '' END,
           inventory_entry.stance, inventory_entry.as_of, inventory_entry.as_of
    FROM inventory_entry
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
    WHERE inventory_entry.as_of IS NOT NULL AND inventory_entry.country_id = :country_id
    UNION ALL
    SELECT 'indicator', country_indicator.id, country_indicator.as_of, country_indicator.key,
           COALESCE(indicator_name.label, country_indicator.name) || ': '
             || COALESCE(country_indicator.qualifier || ' ', '')
             || CAST(country_indicator.value AS TEXT)
             || COALESCE(' ' || NULLIF(country_indicator.unit, 'rank'), '')
             || COALESCE(' (' || country_indicator.scope || ')', ''),
           country_indicator.stance, country_indicator.as_of, country_indicator.as_of
    FROM country_indicator
    LEFT JOIN indicator_name ON indicator_name.name = country_indicator.name
    WHERE country_indicator.as_of IS NOT NULL AND country_indicator.country_id = :country_id
    UNION ALL
    SELECT 'relation', relation.id, relation.since, relation.key,
           relation.type || ' (' || {relations.party_name("subject")} || ', '
             || {relations.party_name("object")} || ')',
           relation.stance, relation.since, relation.since
    FROM relation {relations.party_joins("subject")} {relations.party_joins("object")}
    WHERE relation.since IS NOT NULL
      AND (relation.subject_country_id = :country_id
           OR relation.object_country_id = :country_id)
"""
TIMELINE = ListQuery(
    # TimelineItemOut's fields in its order (`row_id` is dropped once citations are in).
    select=f"SELECT row_id, date, kind, id, title, stance FROM ({FACTS}) AS timeline",
    count=f"SELECT count(*) FROM ({FACTS}) AS timeline",
    order_by="timeline.period_start, timeline.period_end, timeline.kind, timeline.id",
    sortable={"date": "timeline.period_start"},
)
# An item is within `from` when its period ends on or after it, within `to` when its period
# starts on or before it: `2021` is within from=2021-06 and within to=2021-06.
FROM = on_or_after("timeline.period_end", "since")
TO = on_or_before("timeline.period_start", "until")


async def country_timeline(
    reader: Reader,
    window: Window,
    country_id: int,
    *,
    since: str | None = None,
    until: str | None = None,
    kinds: list[TimelineKind] | None = None,
    stances: Sequence[str] | None = None,
) -> Found:
    """A page of the dated facts about a country, oldest first, and the total."""
    where = (
        Where()
        .add(FROM, since=since)
        .add(TO, until=until)
        .add_in("timeline.kind", "kind", kinds)
        .add_in("timeline.stance", "stance", stances)
    )
    # The country is a parameter of every SELECT inside FACTS, not a filter on the union.
    where.params["country_id"] = country_id
    total, rows = await TIMELINE.page(reader, window, where)
    ids: dict[CitationSubject, list[int]] = {subject: [] for subject in SUBJECTS.values()}
    for row in rows:
        ids[SUBJECTS[row["kind"]]].append(row["row_id"])
    citations = await citations_of_kinds(reader, ids)
    for row in rows:
        row["citations"] = citations[SUBJECTS[row["kind"]]].get(row.pop("row_id"), [])
    return total, rows
