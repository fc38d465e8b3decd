"""Building the search index from the loaded tables (called by the loader, in its transaction)."""

from sqlalchemy import Connection, text


def _json_text(column: str) -> str:
    """A JSON list column as plain words (brackets, quotes and commas dropped)."""
    return f"REPLACE(REPLACE(REPLACE(CAST({column} AS TEXT), '[', ''), ']', ''), '\"', '')"


# Words joined across rows: the one phrase the two engines spell differently.
GROUP_WORDS = {"sqlite": "group_concat({}, ' ')", "postgresql": "string_agg({}, ' ')"}


def _party_name(prefix: str) -> str:
    """The name of a relation's subject or object, whichever kind of party it is."""
    return (
        f"COALESCE((SELECT name FROM country WHERE id = relation.{prefix}_country_id),"
        f" (SELECT name FROM organization WHERE id = relation.{prefix}_organization_id),"
        f" (SELECT name FROM person WHERE id = relation.{prefix}_person_id), '')"
    )


# One document per searchable thing but inventory entries: (kind, ref, title, body), in plain
# SQL so one statement fills the SQLite FTS5 table and the PostgreSQL table ({group_words}
# aside).
DOCUMENTS = f"""
    SELECT 'source' AS kind, slug AS ref, COALESCE(title, slug) AS title, text AS body
    FROM source
    UNION ALL
    SELECT 'country', iso2, name,
           iso2 || ' ' || iso3 || ' ' || COALESCE(official_name, '') || ' '
           || COALESCE(region, '') || ' ' || COALESCE(subregion, '') || ' '
           || COALESCE(intermediate_region, '')
    FROM country
    UNION ALL
    SELECT 'equipment', equipment.slug, equipment.name,
           category.label || ' ' || COALESCE(equipment.role, '') || ' '
           || {_json_text("equipment.aliases")}
    FROM equipment JOIN category ON category.id = equipment.category_id
    UNION ALL
    SELECT 'agreement', key, title,
           type || ' ' || COALESCE(status, '') || ' ' || COALESCE(place, '') || ' '
           || {_json_text("terms")} || ' ' || COALESCE(note, '')
    FROM agreement
    UNION ALL
    SELECT 'organization', slug, name, kind FROM organization
    UNION ALL
    SELECT 'person', person.slug, person.name,
           {_json_text("person.aliases")} || ' ' || COALESCE(person.note, '') || ' '
           || COALESCE((SELECT {{group_words}} FROM person_role
                        WHERE person_role.person_id = person.id), '')
    FROM person
    UNION ALL
    SELECT 'event', key, title, type || ' ' || COALESCE(hedge, '') || ' ' || COALESCE(note, '')
    FROM event
    UNION ALL
    SELECT 'place', place.slug, place.name,
           place.kind || ' ' || COALESCE(country.name, '') || ' ' || COALESCE(place.note, '')
    FROM place LEFT JOIN country ON country.id = place.country_id
    UNION ALL
    SELECT 'relation', key, type || ': ' || {_party_name("subject")} || ' – '
           || {_party_name("object")},
           COALESCE(CAST(value AS TEXT), '') || ' ' || COALESCE(unit, '') || ' '
           || COALESCE(note, '')
    FROM relation
    UNION ALL
    SELECT 'category', slug, label,
           COALESCE(un_register_category, '') || ' ' || COALESCE(description, '')
    FROM category
"""
# The inventory's documents, apart: at a million entries, a load re-indexes only those it
# changed ({where} selects them).
INVENTORY_DOCUMENTS = """
    SELECT 'inventory_entry' AS kind, inventory_entry.key AS ref,
           country.name || ': ' || category.label
           || COALESCE(' (' || equipment.name || ')', '') AS title,
           COALESCE(CAST(inventory_entry.quantity AS TEXT), '') || ' '
           || COALESCE(inventory_entry.as_of, '') || ' ' || COALESCE(inventory_entry.note, '')
           AS body
    FROM inventory_entry
    JOIN country ON country.id = inventory_entry.country_id
    JOIN category ON category.id = inventory_entry.category_id
    LEFT JOIN equipment ON equipment.id = inventory_entry.equipment_id
    WHERE {where}
"""
INSERT = "INSERT INTO search_document (kind, ref, title, body) "


def rebuild_search_index(connection: Connection, entries: str | None = None) -> int:
    """Index every document again, or, given `entries` (SQL selecting inventory entry ids),
    every document but the inventory's, whose changed entries only are indexed again and
    removed ones dropped; returns how many documents there are."""
    documents = DOCUMENTS.format(
        group_words=GROUP_WORDS[connection.dialect.name].format("person_role.title")
    )
    if entries is None:
        connection.execute(text("DELETE FROM search_document"))
        connection.execute(text(INSERT + documents))
        connection.execute(text(INSERT + INVENTORY_DOCUMENTS.format(where="1 = 1")))
    else:
        connection.execute(text("DELETE FROM search_document WHERE kind <> 'inventory_entry'"))
        connection.execute(text(INSERT + documents))
        # Two statements, not an OR of subqueries, which PostgreSQL cannot hash.
        connection.execute(
            text(
                "DELETE FROM search_document WHERE kind = 'inventory_entry' AND "
                f"ref IN (SELECT key FROM inventory_entry WHERE id IN ({entries}))"
            )
        )
        connection.execute(
            text(
                "DELETE FROM search_document WHERE kind = 'inventory_entry' AND "
                "NOT EXISTS (SELECT 1 FROM inventory_entry WHERE key = search_document.ref)"
            )
        )
        where = f"inventory_entry.id IN ({entries})"
        connection.execute(text(INSERT + INVENTORY_DOCUMENTS.format(where=where)))
    return int(connection.execute(text("SELECT count(*) FROM search_document")).scalar_one())


def search_index_is_empty(connection: Connection) -> bool:
    return connection.execute(text("SELECT 1 FROM search_document LIMIT 1")).first() is None
