"""Read queries for releases, their changes, and a release's data."""

import orjson

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, expand_list, iso_moment
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
# The versions' ids only: a page's bodies are read once it is known (`_changes`), not the
# bodies of every change sorted to find it.
# The total is a window over the same rows: finding the changes is the costly part (every
# change joined to its versions), so a page does it once, not once more to count them.
CHANGE_COLUMNS = (
    "SELECT touched.kind, touched.key AS id, older.id AS before_id, newer.id AS after_id,"
    " count(*) OVER () AS total_rows"
)
# Every change after a release: the version valid then against the one open now.
SINCE_RELEASE = CHANGED_FACTS.format(
    # Two index ranges (each version written since, each version closed since), merged.
    keys="SELECT kind, key FROM fact_version WHERE since_release_id > :release"
    " UNION SELECT kind, key FROM fact_version WHERE until_release_id > :release",
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


CHANGES_SINCE = _change_query(SINCE_RELEASE)

# A page of one release's changes: the versions it opened, merged in (kind, key) order with
# those it closed and wrote no new version for (its removals). Both come from indexes in that
# order (ix_fact_version_since_release_id, ix_fact_version_current), so a page costs its
# offset and its size, not the release's every change (the first release adds them all), and
# its total is the release's own counts.
RELEASE_PAGE = """
    SELECT page.kind, page.key AS id, older.id AS before_id, newer.id AS after_id
    FROM (
        SELECT kind, key FROM fact_version WHERE since_release_id = :release
        UNION ALL
        SELECT kind, key FROM fact_version AS closed WHERE until_release_id = :release
          AND NOT EXISTS (
            SELECT 1 FROM fact_version AS opened
            WHERE opened.since_release_id = :release
              AND opened.kind = closed.kind AND opened.key = closed.key
          )
        ORDER BY kind, key LIMIT :limit OFFSET :offset
    ) AS page
    LEFT JOIN fact_version AS older ON older.until_release_id = :release
      AND older.kind = page.kind AND older.key = page.key
    LEFT JOIN fact_version AS newer ON newer.since_release_id = :release
      AND newer.kind = page.kind AND newer.key = page.key
    ORDER BY page.kind, page.key
"""


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


async def _changes(reader: Reader, rows: list[Row]) -> list[Row]:
    """Each change with the fact before and after it, as the API served them."""
    ids = [row[column] for row in rows for column in ("before_id", "after_id")]
    placeholders, params = expand_list("version", [i for i in ids if i is not None])
    bodies = (
        {
            version["id"]: orjson.loads(bytes(version["body"]))
            for version in await reader.all(
                f"SELECT id, body FROM fact_version WHERE id IN {placeholders}", params
            )
        }
        if params
        else {}
    )
    for row in rows:
        before, after = row.pop("before_id"), row.pop("after_id")
        row["change"] = "added" if before is None else "removed" if after is None else "changed"
        row["before"] = None if before is None else bodies[before]
        row["after"] = None if after is None else bodies[after]
    return rows


async def _page(query: ListQuery, reader: Reader, window: Window, where: Where) -> Found:
    rows = await reader.all(
        f"{query.select} WHERE {where} ORDER BY {query.ordering(window)}"
        " LIMIT :limit OFFSET :offset",
        where.params | {"limit": window.limit, "offset": window.offset},
    )
    if not rows:  # past the last page: the window saw no row to count
        return int(await reader.scalar(f"{query.count} WHERE {where}", where.params) or 0), []
    total = int(rows[0]["total_rows"])
    for row in rows:
        del row["total_rows"]
    return total, await _changes(reader, rows)


async def release_changes(reader: Reader, window: Window, release: int) -> Found:
    params = {"release": release, "limit": window.limit, "offset": window.offset}
    total = await reader.scalar(
        "SELECT added + changed + removed FROM release WHERE id = :release", params
    )
    rows = await reader.all(RELEASE_PAGE, params)
    return int(total or 0), await _changes(reader, rows)


async def changes_since(reader: Reader, window: Window, release: int) -> Found:
    later = await reader.all(
        "SELECT id FROM release WHERE id > :release ORDER BY id LIMIT 2", {"release": release}
    )
    if not later:  # since the current release: nothing
        return 0, []
    if len(later) == 1:
        # Since the release before the current one (a client that pulls every release): the
        # change from then to now is that one release's, read a page at a time.
        return await release_changes(reader, window, int(later[0]["id"]))
    where = Where().add(NOT_REVERTED)
    where.params["release"] = release
    return await _page(CHANGES_SINCE, reader, window, where)
