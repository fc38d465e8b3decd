"""Building the search index from the loaded tables (called by the loader, in its transaction)."""

from sqlalchemy import Connection, text


def _json_text(column: str) -> str:
    """A JSON list column as plain words (brackets, quotes and commas dropped)."""
    return f"REPLACE(REPLACE(REPLACE(CAST({column} AS TEXT), '[', ''), ']', ''), '\"', '')"


# One document per searchable thing: (kind, ref, title, body), all in plain SQL so the same
# statement fills the SQLite FTS5 table and the PostgreSQL table.
DOCUMENTS = f"""
    SELECT 'source' AS kind, slug AS ref, COALESCE(title, slug) AS title, text AS body
    FROM source
    UNION ALL
    SELECT 'country', iso2, name,
           iso2 || ' ' || iso3 || ' ' || COALESCE(official_name, '') || ' ' || COALESCE(region, '')
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
"""


def rebuild_search_index(connection: Connection) -> int:
    """Replace every search document; returns how many there are."""
    connection.execute(text("DELETE FROM search_document"))
    connection.execute(text(f"INSERT INTO search_document (kind, ref, title, body) {DOCUMENTS}"))
    return int(connection.execute(text("SELECT count(*) FROM search_document")).scalar_one())


def search_index_is_empty(connection: Connection) -> bool:
    return connection.execute(text("SELECT 1 FROM search_document LIMIT 1")).first() is None
