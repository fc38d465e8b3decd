"""The client's releases, changes and export downloads, against the live app on the seed data
(one release), and on answers scripted with httpx.MockTransport where the live app cannot fail
as a test needs."""

import asyncio
import csv
import io
import json
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import get_args

import httpx
import pytest

from app.client import (
    AsyncMilcapClient,
    MilcapClient,
    NotFound,
    RetryPolicy,
    UnexpectedResponse,
    Unreachable,
    ValidationFailed,
)
from app.client.transport import NO_RETRIES
from app.core.schemas import Page
from app.meta.schemas import Export
from app.releases.schemas import ChangeOut, ExportFormat, FactKind, ReleaseOut
from tests.live_server import LiveServer

UNKNOWN_VERSION = "0" * 64


@pytest.fixture(scope="module")
def current(live_server: LiveServer) -> ReleaseOut:
    """The seed data's release, the only one."""
    with MilcapClient(live_server.url) as milcap:
        (release,) = milcap.releases().items
    return release


def test_the_seed_data_is_one_release_that_added_every_fact(
    milcap: MilcapClient, current: ReleaseOut
) -> None:
    page = milcap.releases()
    assert type(page) is Page[ReleaseOut]
    assert (page.total, len(page.items)) == (1, 1)
    assert len(current.version) == 64
    assert current.parent is None
    assert current.changes.added > 400
    assert (current.changes.changed, current.changes.removed) == (0, 0)
    assert current.version == milcap.meta().dataset_version
    assert [r.version for r in milcap.walk(milcap.releases)] == [current.version]


def test_a_release_round_trips_by_its_version(milcap: MilcapClient, current: ReleaseOut) -> None:
    assert milcap.release(current.version) == current


def test_a_release_changes_list_every_fact_it_added(
    milcap: MilcapClient, current: ReleaseOut
) -> None:
    first = milcap.release_changes(current.version, limit=5)
    assert type(first) is Page[ChangeOut]
    assert first.total == current.changes.added
    changes = list(milcap.walk(milcap.release_changes, current.version, limit=200))
    assert len(changes) == len({(c.kind, c.id) for c in changes}) == current.changes.added
    assert {c.change for c in changes} == {"added"}
    assert all(c.before is None and c.after for c in changes)
    tanks = next(c for c in changes if c.id == "kz-gfp-2021-tanks")
    assert tanks.kind == "inventory"
    assert tanks.after is not None
    assert tanks.after["quantity"] == 300


def test_nothing_changed_since_the_current_release(
    milcap: MilcapClient, current: ReleaseOut
) -> None:
    page = milcap.changes(current.version)
    assert (page.total, page.items) == (0, [])
    assert list(milcap.walk(milcap.changes, since=current.version)) == []


@pytest.mark.parametrize("method", ["release", "release_changes", "changes"])
def test_an_unknown_version_is_not_found(milcap: MilcapClient, method: str) -> None:
    with pytest.raises(NotFound, match=UNKNOWN_VERSION) as caught:
        getattr(milcap, method)(UNKNOWN_VERSION)
    assert caught.value.status == 404


def test_a_malformed_version_is_validation_failed(milcap: MilcapClient) -> None:
    with pytest.raises(ValidationFailed) as caught:
        milcap.changes("not-a-version")
    assert caught.value.field == "since"


def test_download_export_writes_the_json_document(
    milcap: MilcapClient, current: ReleaseOut, tmp_path: Path
) -> None:
    seen: list[tuple[int, int | None]] = []
    target = tmp_path / "milcap.json"
    written = milcap.download_export(target, progress=lambda done, size: seen.append((done, size)))
    assert written == target
    document = Export.model_validate_json(target.read_bytes())
    assert document.dataset_version == current.version
    sources = [source.id for source in milcap.walk(milcap.sources)]
    assert sorted(source.id for source in document.sources) == sorted(sources)
    assert all(source.text for source in document.sources)
    assert seen
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == target.stat().st_size
    assert list(tmp_path.iterdir()) == [target]


def test_download_export_of_a_release_is_that_release(
    milcap: MilcapClient, current: ReleaseOut, tmp_path: Path
) -> None:
    target = milcap.download_export(tmp_path / "release.json", release=current.version)
    document = json.loads(target.read_bytes())
    assert document["dataset_version"] == current.version
    assert len(document["inventory"]) == 14


def test_download_export_of_an_unknown_release_is_not_found_and_writes_nothing(
    milcap: MilcapClient, tmp_path: Path
) -> None:
    with pytest.raises(NotFound, match=UNKNOWN_VERSION):
        milcap.download_export(tmp_path / "x.json", release=UNKNOWN_VERSION)
    assert list(tmp_path.iterdir()) == []


def test_download_export_in_an_unknown_format_is_validation_failed(
    milcap: MilcapClient, tmp_path: Path
) -> None:
    with pytest.raises(ValidationFailed) as caught:
        milcap.download_export(tmp_path / "x.xml", format="xml")  # type: ignore[arg-type]
    assert caught.value.field == "format"
    assert list(tmp_path.iterdir()) == []


def test_download_export_as_ndjson_is_a_fact_a_line(milcap: MilcapClient, tmp_path: Path) -> None:
    target = milcap.download_export(tmp_path / "milcap.ndjson", format="ndjson")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {tuple(line) for line in lines} == {("kind", "id", "fact")}
    kinds = {line["kind"] for line in lines}
    assert kinds <= set(get_args(FactKind))
    sources = {line["id"] for line in lines if line["kind"] == "sources"}
    assert sources == {source.id for source in milcap.walk(milcap.sources)}
    tanks = next(line for line in lines if line["id"] == "kz-gfp-2021-tanks")
    assert tanks["fact"]["quantity"] == 300


def test_download_export_as_csv_is_a_zip_of_a_csv_per_kind(
    milcap: MilcapClient, tmp_path: Path
) -> None:
    target = milcap.download_export(tmp_path / "milcap.csv.zip", format="csv")
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        inventory = archive.read("inventory.csv").decode("utf-8")
        sources = archive.read("sources.csv").decode("utf-8")
    assert {"sources.csv", "inventory.csv", "countries.csv"} <= names
    assert len(list(csv.DictReader(io.StringIO(inventory)))) == 14
    ids = {row["id"] for row in csv.DictReader(io.StringIO(sources))}
    assert ids == {source.id for source in milcap.walk(milcap.sources)}


def test_download_export_as_sqlite_announces_its_size(milcap: MilcapClient, tmp_path: Path) -> None:
    seen: list[tuple[int, int | None]] = []
    target = milcap.download_export(
        tmp_path / "milcap.sqlite",
        format="sqlite",
        progress=lambda done, size: seen.append((done, size)),
    )
    size = target.stat().st_size
    assert seen
    assert {total for _, total in seen} == {size}
    assert seen[-1][0] == size
    with sqlite3.connect(target) as database:
        sources = {row[0] for row in database.execute("SELECT _id FROM sources")}
        (inventory,) = database.execute("SELECT count(*) FROM inventory").fetchone()
    assert sources == {source.id for source in milcap.walk(milcap.sources)}
    assert inventory == 14


def test_async_client_downloads_as_the_sync_client(
    live_server: LiveServer, milcap: MilcapClient, tmp_path: Path
) -> None:
    async def download(format_: ExportFormat) -> Path:
        async with AsyncMilcapClient(live_server.url) as client:
            return await client.download_export(tmp_path / f"async.{format_}", format=format_)

    for format_ in ("json", "ndjson"):
        expected = milcap.download_export(tmp_path / f"sync.{format_}", format=format_)
        assert asyncio.run(download(format_)).read_bytes() == expected.read_bytes()


# Failures the live app does not produce on demand.


def scripted(handler: httpx.MockTransport) -> MilcapClient:
    return MilcapClient("http://milcap.test", retry=NO_RETRIES, transport=handler)


class Broken(httpx.SyncByteStream):
    """A body that breaks off after its first chunk, as a dropped connection does."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"dataset_version": "'
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def test_a_download_that_breaks_off_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "milcap.json"
    target.write_text("the previous download\n")
    answer = httpx.Response(200, headers={"content-type": "application/json"}, stream=Broken())
    with (
        scripted(httpx.MockTransport(lambda _: answer)) as milcap,
        pytest.raises(Unreachable, match="peer closed connection"),
    ):
        milcap.download_export(target)
    assert list(tmp_path.iterdir()) == [target]
    assert target.read_text() == "the previous download\n"


def test_a_download_that_is_not_the_export_is_an_unexpected_response(tmp_path: Path) -> None:
    page = httpx.Response(200, headers={"content-type": "text/html"}, text="<h1>Sign in</h1>")
    with (
        scripted(httpx.MockTransport(lambda _: page)) as milcap,
        pytest.raises(UnexpectedResponse, match="Sign in"),
    ):
        milcap.download_export(tmp_path / "milcap.sqlite", format="sqlite")
    assert list(tmp_path.iterdir()) == []


def test_a_download_is_retried_like_any_get(tmp_path: Path) -> None:
    answers = [
        httpx.Response(503, text="restarting"),
        httpx.Response(200, headers={"content-type": "application/x-ndjson"}, content=b"{}\n"),
    ]
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return answers.pop(0)

    transport = httpx.MockTransport(answer)
    retry = RetryPolicy(retries=1, backoff=0.0)
    with MilcapClient("http://milcap.test", retry=retry, transport=transport) as milcap:
        target = milcap.download_export(tmp_path / "x.ndjson", release="a" * 64, format="ndjson")
    assert target.read_bytes() == b"{}\n"
    assert [str(r.url) for r in requests] == 2 * [
        f"http://milcap.test/releases/{'a' * 64}/export?format=ndjson"
    ]
