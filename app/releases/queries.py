"""Read queries for releases, their changes, and a release's data."""

import orjson

from app.core.pagination import Found, ListQuery, Window
from app.core.reader import Reader, Row, Where, id_list, iso_moment
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
# Every change after a release, in one pass over two index ranges: the versions valid then
# that a later release closed (`older`), and the versions open now that a later release
# wrote (`newer`). A fact changed has both, one added only the newer, one removed only the
# older; one changed and changed back has both with one digest, and is no change. The `+`
# keeps SQLite on the index of the range (it would guess the other column's is better).
SINCE_RELEASE = """
    WITH older AS (
        SELECT kind, key, id, digest FROM fact_version
        WHERE until_release_id > :release AND +since_release_id <= :release
    ), newer AS (
        SELECT kind, key, id, digest FROM fact_version
        WHERE since_release_id > :release AND +until_release_id IS NULL
    ), touched AS (
        SELECT older.kind, older.key, older.id AS before_id, newer.id AS after_id,
               older.digest AS before_digest, newer.digest AS after_digest
        FROM older LEFT JOIN newer ON newer.kind = older.kind AND newer.key = older.key
        UNION ALL
        SELECT newer.kind, newer.key, NULL, newer.id, NULL, newer.digest
        FROM newer LEFT JOIN older ON older.kind = newer.kind AND older.key = newer.key
        WHERE older.id IS NULL
    )
"""
NOT_REVERTED = (
    "(touched.before_digest IS NULL OR touched.after_digest IS NULL"
    " OR touched.before_digest <> touched.after_digest)"
)
# The versions' ids only: a page's bodies are read once it is known (`_changes`). The total
# is a window over the same rows: finding the changes is the costly part, so a page does it
# once, not once more to count them.
CHANGES_SINCE = ListQuery(
    select=f"""{SINCE_RELEASE}
        SELECT touched.kind, touched.key AS id, touched.before_id, touched.after_id,
               count(*) OVER () AS total_rows
        FROM touched""",
    count=f"{SINCE_RELEASE} SELECT count(*) FROM touched",
    order_by="touched.kind, touched.key",
)

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
    versions = [i for i in ids if i is not None]
    bodies = (
        {
            version["id"]: orjson.loads(bytes(version["body"]))
            for version in await reader.all(
                f"SELECT id, body FROM fact_version WHERE id IN {id_list(versions)}"
            )
        }
        if versions
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
    total = await reader.scalar(
        "SELECT added + changed + removed FROM release WHERE id = :release", {"release": release}
    )
    rows = await reader.all(
        RELEASE_PAGE, {"release": release, "limit": window.limit, "offset": window.offset}
    )
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
