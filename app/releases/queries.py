"""Read queries for releases, their changes, and a release's data."""

import orjson

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, iso_moment
from app.releases.exporting import ReleaseRef

RELEASES = ListQuery(
    # ReleaseOut's fields in its order.
    select="""
        SELECT release.id AS row_id, release.version, release.loaded_at,
               parent.version AS parent, release.message, release.counts,
               release.added AS "changes.added", release.changed AS "changes.changed",
               release.removed AS "changes.removed"
        FROM release LEFT JOIN release AS parent ON parent.id = release.parent_id
    """,
    count="SELECT count(*) FROM release",
    order_by="release.id DESC",  # newest first
)
# The facts a change touches, with the version before and the version after it.
CHANGED_FACTS = """
    FROM ({keys}) AS touched
    LEFT JOIN fact_version AS older
      ON older.kind = touched.kind AND older.key = touched.key AND {before}
    LEFT JOIN fact_version AS newer
      ON newer.kind = touched.kind AND newer.key = touched.key AND {after}
"""
CHANGE_COLUMNS = (
    'SELECT touched.kind, touched.key AS id, older.body AS "before", newer.body AS "after"'
)
# One release's changes: what it opened and what it closed.
OF_RELEASE = CHANGED_FACTS.format(
    keys="SELECT kind, key FROM fact_version WHERE since_release_id = :release"
    " UNION SELECT kind, key FROM fact_version WHERE until_release_id = :release",
    before="older.until_release_id = :release",
    after="newer.since_release_id = :release",
)
# Every change after a release: the version valid then against the one open now.
SINCE_RELEASE = CHANGED_FACTS.format(
    keys="SELECT DISTINCT kind, key FROM fact_version"
    " WHERE since_release_id > :release OR until_release_id > :release",
    before="older.since_release_id <= :release"
    " AND (older.until_release_id IS NULL OR older.until_release_id > :release)",
    after="newer.until_release_id IS NULL",
)
# Changed, then changed back: no change at all.
NOT_REVERTED = "(older.digest IS NULL OR newer.digest IS NULL OR older.digest <> newer.digest)"


def _change_query(facts: str) -> ListQuery:
    return ListQuery(
        select=f"{CHANGE_COLUMNS} {facts}",
        count=f"SELECT count(*) {facts}",
        order_by="touched.kind, touched.key",
    )


RELEASE_CHANGES = _change_query(OF_RELEASE)
CHANGES_SINCE = _change_query(SINCE_RELEASE)


def _release(row: Row) -> Row:
    row.pop("row_id")
    row["loaded_at"] = iso_moment(row["loaded_at"])
    row["counts"] = orjson.loads(row["counts"])
    return row


async def list_releases(reader: Reader, window: Window) -> Found:
    total, rows = await RELEASES.page(reader, window, Where())
    return total, [_release(row) for row in rows]


async def release_ref(reader: Reader, version: str | None) -> ReleaseRef | None:
    """A release by version, or the newest one (None: no load has recorded one)."""
    sql = "SELECT id, version, loaded_at FROM release"
    if version is None:
        row = await reader.one(f"{sql} ORDER BY id DESC LIMIT 1")
    else:
        row = await reader.one(f"{sql} WHERE version = :version", {"version": version})
    if row is None:
        return None
    return ReleaseRef(int(row["id"]), row["version"], iso_moment(row["loaded_at"]))


async def release_id(reader: Reader, version: str) -> int | None:
    row = await reader.one("SELECT id FROM release WHERE version = :version", {"version": version})
    return None if row is None else int(row["id"])


async def get_release(reader: Reader, version: str) -> Row | None:
    rows = await RELEASES.rows(reader, Where().add("release.version = :version", version=version))
    return _release(rows[0]) if rows else None


def _changes(rows: list[Row]) -> list[Row]:
    for row in rows:
        before, after = row.pop("before"), row.pop("after")
        row["change"] = "added" if before is None else "removed" if after is None else "changed"
        row["before"] = None if before is None else orjson.loads(bytes(before))
        row["after"] = None if after is None else orjson.loads(bytes(after))
    return rows


async def release_changes(reader: Reader, window: Window, release: int) -> Found:
    where = Where()
    where.params["release"] = release  # a parameter of the joins, not a filter
    total, rows = await RELEASE_CHANGES.page(reader, window, where)
    return total, _changes(rows)


async def changes_since(reader: Reader, window: Window, release: int) -> Found:
    where = Where().add(NOT_REVERTED)
    where.params["release"] = release
    total, rows = await CHANGES_SINCE.page(reader, window, where)
    return total, _changes(rows)
