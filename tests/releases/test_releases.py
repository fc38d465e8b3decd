"""Every load that changes a fact is a release, kept: load, change a fact, load again, and the
first release still answers with the old value, on SQLite and PostgreSQL."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core.config import Settings
from app.main import create_app
from app.seeding.loader import load_seeds
from tests.conftest import quiet
from tests.problems import assert_problem

OLD_NOTE = "in the preceding sentence."
NEW_NOTE = "in the sentence before it."
TANKS = "kz-gfp-2021-tanks"


def change_the_tanks_note(seeds: Path) -> None:
    """A new wording of the note the Global Firepower 2021 totals share."""
    data = seeds / "data" / "000_kazakhstan-pledges-military-aid.yaml"
    text = data.read_text("utf-8")
    assert text.count(OLD_NOTE) == 1
    data.write_text(text.replace(OLD_NOTE, NEW_NOTE), "utf-8")


def api(engine: Engine) -> TestClient:
    return TestClient(create_app(Settings(database_url=engine.url.render_as_string(False))))


def test_a_changed_fact_is_a_release_and_the_old_one_keeps_the_old_value(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    load_seeds(empty_engine, seeds_copy, message="the five articles", progress=quiet)
    load_seeds(empty_engine, seeds_copy, progress=quiet)  # nothing changed: no release
    change_the_tanks_note(seeds_copy)
    load_seeds(empty_engine, seeds_copy, message="a note reworded", progress=quiet)
    with api(empty_engine) as client:
        releases = client.get("/releases").json()
        assert releases["total"] == 2
        second, first = releases["items"]  # newest first
        assert (first["parent"], second["parent"]) == (None, first["version"])
        assert first["message"] == "the five articles"
        assert first["changes"]["added"] > 400
        assert first["changes"]["changed"] == first["changes"]["removed"] == 0
        old = client.get(f"/releases/{first['version']}/export")
        assert old.headers["cache-control"] == "public, max-age=31536000, immutable"
        old_tanks = next(e for e in old.json()["inventory"] if e["id"] == TANKS)
        # The note is shared by the Global Firepower 2021 totals: each of them changed.
        sharing = [e["id"] for e in old.json()["inventory"] if (e["note"] or "").endswith(OLD_NOTE)]
        assert TANKS in sharing
        assert second["changes"] == {"added": 0, "changed": len(sharing), "removed": 0}
        assert second["counts"] == first["counts"]
        assert old_tanks["note"].endswith(OLD_NOTE)
        new = client.get(f"/releases/{second['version']}/export").json()
        assert next(e for e in new["inventory"] if e["id"] == TANKS)["note"].endswith(NEW_NOTE)
        served = client.get("/countries/KZ/inventory", params={"category": "tanks"}).json()
        assert served["items"][0] == next(e for e in new["inventory"] if e["id"] == TANKS)

        changes = client.get(f"/releases/{second['version']}/changes").json()
        assert {c["id"] for c in changes["items"]} == set(sharing)
        tanks = next(c for c in changes["items"] if c["id"] == TANKS)
        assert (tanks["kind"], tanks["change"]) == ("inventory", "changed")
        assert tanks["before"] == old_tanks
        assert tanks["after"]["note"].endswith(NEW_NOTE)

        since_first = client.get("/changes", params={"since": first["version"]}).json()
        assert {c["id"] for c in since_first["items"]} == {c["id"] for c in changes["items"]}
        assert client.get("/changes", params={"since": second["version"]}).json()["total"] == 0


def test_a_change_reverted_is_no_change_since_and_unknown_versions_are_404(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    original = seeds_copy / "data" / "000_kazakhstan-pledges-military-aid.yaml"
    text = original.read_text("utf-8")
    change_the_tanks_note(seeds_copy)
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    original.write_text(text, "utf-8")
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    with api(empty_engine) as client:
        third, second, first = client.get("/releases").json()["items"]
        # The seeds went back to the first state: a release of its own, with its own version.
        assert len({first["version"], second["version"], third["version"]}) == 3
        assert third["changes"]["changed"] == second["changes"]["changed"] > 0
        assert client.get("/changes", params={"since": first["version"]}).json()["total"] == 0
        back = client.get("/changes", params={"since": second["version"]}).json()
        assert back["total"] == second["changes"]["changed"]
        unknown = "0" * 64
        for url in (
            f"/releases/{unknown}",
            f"/releases/{unknown}/changes",
            f"/changes?since={unknown}",
        ):
            assert_problem(client.get(url), 404)
        assert_problem(client.get("/releases/not-a-version"), 422)
        assert_problem(client.get("/changes"), 422)


def changes_in_pages(
    client: TestClient, url: str, size: int, since: str | None = None
) -> tuple[int, list[dict]]:
    """Every change a feed holds, page after page, and the total its pages state."""
    items: list[dict] = []
    totals = set()
    while True:
        params = {"limit": size, "offset": len(items)} | ({"since": since} if since else {})
        page = client.get(url, params=params).json()
        totals.add(page["total"])
        items += page["items"]
        if not page["items"]:
            break
    assert len(totals) == 1
    return totals.pop(), items


def test_a_release_pages_through_its_additions_changes_and_removals_and_since_spans_releases(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    data = seeds_copy / "data" / "000_kazakhstan-pledges-military-aid.yaml"
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    original = data.read_text("utf-8")
    # One fact renamed (removed under its old key, added under the new), others reworded.
    renamed = original.replace("key: kz-gfp-2021-rocket-projectors", "key: kz-gfp-2021-mlrs")
    data.write_text(renamed, "utf-8")
    change_the_tanks_note(seeds_copy)
    load_seeds(empty_engine, seeds_copy, prune=True, progress=quiet)
    data.write_text(renamed, "utf-8")  # the wording back as it was; the new key stays
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    with api(empty_engine) as client:
        third, second, first = client.get("/releases").json()["items"]
        total, changes = changes_in_pages(client, f"/releases/{second['version']}/changes", 4)
        assert total == len(changes) == sum(second["changes"].values())
        keys = [(c["kind"], c["id"]) for c in changes]
        assert keys == sorted(set(keys))  # each change once, in (kind, id) order
        by_id = {c["id"]: c for c in changes}
        assert by_id["kz-gfp-2021-mlrs"]["change"] == "added"
        assert by_id["kz-gfp-2021-mlrs"]["before"] is None
        assert by_id["kz-gfp-2021-rocket-projectors"]["change"] == "removed"
        assert by_id["kz-gfp-2021-rocket-projectors"]["after"] is None
        assert by_id[TANKS]["change"] == "changed"
        assert {second["changes"]["added"], second["changes"]["removed"]} == {1}

        # Since the release before the current one: the current release's own changes.
        since_second = changes_in_pages(client, "/changes", 3, second["version"])
        assert since_second == changes_in_pages(client, f"/releases/{third['version']}/changes", 50)
        assert {c["change"] for c in since_second[1]} == {"changed"}
        # Across both releases: the rewording went back, so only the rename is left.
        total, spanned = changes_in_pages(client, "/changes", 1, first["version"])
        assert total == 2
        assert [(c["id"], c["change"]) for c in spanned] == [
            ("kz-gfp-2021-mlrs", "added"),
            ("kz-gfp-2021-rocket-projectors", "removed"),
        ]
        assert spanned[1]["before"] == by_id["kz-gfp-2021-rocket-projectors"]["before"]
