# Generated from app/client/aio.py by scripts/unasync.py: edit that file, then `make format`.
"""The milcap API over httpx: one method per route, each returning the API's own models.

`aio.py` is the source, for asyncio; `sync.py` is generated from it (scripts/unasync.py)."""

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, Self, cast

import httpx

from app.agreements.schemas import AgreementOut, AgreementStatus, AgreementType
from app.categories.schemas import CategoryOut, CategorySlug
from app.citations.schemas import Stance
from app.client.errors import unreachable
from app.client.transport import (
    DEFAULT_TIMEOUT,
    RETRY_ERRORS,
    RETRY_STATUSES,
    Chunks,
    Model,
    Params,
    Progress,
    RetryPolicy,
    announced_size,
    default_headers,
    download_refusal,
    parse,
    partial_file,
    query,
    refused,
    resolve_base_url,
    retry_after,
    segment,
)
from app.core.schemas import DEFAULT_LIMIT, MAX_LIMIT, Item, Page
from app.countries.schemas import (
    CountryDetail,
    CountryOut,
    IntermediateRegion,
    Region,
    Subregion,
    TimelineItemOut,
    TimelineKind,
)
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.events.schemas import EventOut, EventType
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut
from app.inventory.schemas import InventoryEntryOut
from app.meta.schemas import Export, Health, Meta
from app.organizations.schemas import OrganizationOut
from app.people.schemas import PersonDetail, PersonOut
from app.places.schemas import PlaceDetail, PlaceKind, PlaceOut
from app.relations.schemas import RelationOut, RelationType
from app.releases.schemas import ChangeOut, ExportFormat, ReleaseOut
from app.search.schemas import SearchHit, SearchKind
from app.sources.schemas import SourceDetail, SourceOut
from app.transfers.schemas import Direction, TransferOut, TransferStatus

Filters = ParamSpec("Filters")


class MilcapClient:
    """A client of the milcap API.

    `base_url` defaults to `MILCAP_URL`, then http://127.0.0.1:8000. List methods return one
    `Page`; `walk(list_method, ...)` goes through every page. A filter taking several values
    takes one or a list (`country=["KZ", "UZ"]`: any of them); `sort` takes keys, `-` for
    descending (`sort="-as_of"`). Errors are `MilcapError`s (`NotFound`, also for an unknown
    code or slug in a filter; `ValidationFailed`, `ServiceUnavailable`, `Unreachable`...);
    connection failures and 502/503/504 answers are retried first, as `retry` says. Use it as
    `with MilcapClient() as milcap:`, or call `close()`.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy = RetryPolicy(),
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = resolve_base_url(base_url)
        self.retry = retry
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=timeout,
            headers=default_headers(headers),
            transport=transport,
            follow_redirects=True,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Transport: one GET, resent on connection failures and 502/503/504. A `stream`ed answer
    # comes back with its body unread: whoever asked for it closes it.

    def _send(self, path: str, params: Params, *, stream: bool = False) -> httpx.Response:
        for attempt in range(self.retry.retries + 1):
            last = attempt == self.retry.retries
            try:
                request = self._http.build_request("GET", path, params=params)
                response = self._http.send(request, stream=stream)
            except RETRY_ERRORS as error:
                if last:
                    raise unreachable(self.base_url, error) from None
                delay = self.retry.delay(attempt)
            except httpx.TransportError as error:
                raise unreachable(self.base_url, error) from None
            else:
                if last or response.status_code not in RETRY_STATUSES:
                    return response
                response.close()
                delay = self.retry.delay(attempt, retry_after(response))
            time.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get(self, path: str, model: type[Model], params: Params | None = None) -> Model:
        return parse(self._send(path, params or {}), model)

    def walk(
        self,
        list_method: Callable[Filters, Page[Item]],
        /,
        *args: Filters.args,
        **kwargs: Filters.kwargs,
    ) -> Iterator[Item]:
        """Every item of a list, page after page: `walk(milcap.countries, region="...")`.

        The arguments are the list method's; `limit` is the page size (by default the largest
        the API allows) and `offset` where to start."""
        fetch = cast(Callable[..., Page[Item]], list_method)
        params: dict[str, Any] = {"limit": MAX_LIMIT} | kwargs
        while True:
            page = fetch(*args, **params)
            yield from page.items
            params["offset"] = page.offset + len(page.items)
            if not page.items or params["offset"] >= page.total:
                return

    # The service and the dataset as a whole.

    def health(self) -> Health:
        """GET /healthz: the server is up."""
        return self._get("/healthz", Health)

    def meta(self) -> Meta:
        """GET /meta: the dataset version (cite it), when it was loaded, rows per table."""
        return self._get("/meta", Meta)

    def export(self) -> Export:
        """GET /export: the whole dataset in one document, article texts included."""
        return self._get("/export", Export)

    def download_export(
        self,
        path: str | os.PathLike[str],
        *,
        release: str | None = None,
        format: ExportFormat = "json",
        progress: Progress | None = None,
    ) -> Path:
        """GET /export (or /releases/{release}/export, a release's), streamed into the file
        `path`, which is returned: `json` (what `export()` parses), `ndjson` (a line per fact),
        `csv` (a zip of a CSV per kind) or `sqlite` (a SQLite file).

        The bytes go to a new file beside `path`, renamed to it once complete: a failed
        download leaves no half-written file. `progress(written, size)` is called after each
        chunk with the bytes written so far and the file's size, None when the server does
        not announce it (it does for `sqlite`; the others stream, gzipped)."""
        target = Path(path)
        route = f"/releases/{segment(release)}/export" if release else "/export"
        response = self._send(route, query(format=format), stream=True)
        try:
            refusal = download_refusal(response, format)
            if refusal is not None:
                body = b"".join([chunk for chunk in Chunks(response)])
                raise refused(response, body, refusal)
            size, written = announced_size(response), 0
            with partial_file(target) as file:
                for chunk in Chunks(response):
                    written += file.write(chunk)
                    if progress is not None:
                        progress(written, size)
        except httpx.TransportError as error:
            raise unreachable(self.base_url, error) from None
        finally:
            response.close()
        return target

    # Countries and what the articles say about them.

    def countries(
        self,
        *,
        region: Region | Iterable[Region] | None = None,
        subregion: Subregion | Iterable[Subregion] | None = None,
        intermediate_region: IntermediateRegion | Iterable[IntermediateRegion] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[CountryOut]:
        """GET /countries: every ISO 3166-1 country, or those of UN M49 regions (`"Europe"`),
        sub-regions (`"Central Asia"`) or intermediate regions (`"South America"`)."""
        params = query(
            region=region,
            subregion=subregion,
            intermediate_region=intermediate_region,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/countries", Page[CountryOut], params)

    def country(self, code: str) -> CountryDetail:
        """GET /countries/{code}: one country (alpha-2 or alpha-3, any case) and its indicators."""
        return self._get(f"/countries/{segment(code)}", CountryDetail)

    def country_inventory(
        self,
        code: str,
        *,
        category: CategorySlug | Iterable[CategorySlug] | None = None,
        equipment: str | Iterable[str] | None = None,
        as_of: str | None = None,
        as_of_from: str | None = None,
        as_of_to: str | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        latest: bool = False,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[InventoryEntryOut]:
        """GET /countries/{code}/inventory: category totals and types in service.

        `as_of="2021"` keeps claims dated within 2021, `as_of_from` and `as_of_to` (partial
        dates, inclusive) a period; `latest=True` the newest per (category, equipment);
        `sort="-quantity"` the largest first."""
        params = query(
            category=category,
            equipment=equipment,
            as_of=as_of,
            as_of_from=as_of_from,
            as_of_to=as_of_to,
            stance=stance,
            latest=latest,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get(f"/countries/{segment(code)}/inventory", Page[InventoryEntryOut], params)

    def country_agreements(
        self,
        code: str,
        *,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[AgreementOut]:
        """GET /countries/{code}/agreements: the agreements a country is party to."""
        params = query(sort=sort, limit=limit, offset=offset)
        return self._get(f"/countries/{segment(code)}/agreements", Page[AgreementOut], params)

    def country_transfers(
        self,
        code: str,
        *,
        direction: Direction | None = None,
        status: TransferStatus | Iterable[TransferStatus] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /countries/{code}/transfers: `imports`, `exports`, or both (None); `year_from`
        and `year_to` are inclusive."""
        params = query(
            direction=direction,
            status=status,
            year_from=year_from,
            year_to=year_to,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get(f"/countries/{segment(code)}/transfers", Page[TransferOut], params)

    def timeline(
        self,
        code: str,
        *,
        from_: str | None = None,
        to: str | None = None,
        kind: TimelineKind | Iterable[TimelineKind] | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TimelineItemOut]:
        """GET /countries/{code}/timeline: every dated fact about a country, oldest first.

        `from_` and `to` are partial dates, inclusive (`from_="2021"`)."""
        params = query(
            **{"from": from_},
            to=to,
            kind=kind,
            stance=stance,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get(f"/countries/{segment(code)}/timeline", Page[TimelineItemOut], params)

    def indicators(
        self,
        *,
        name: IndicatorNameKey | Iterable[IndicatorNameKey] | None = None,
        country: str | Iterable[str] | None = None,
        as_of: str | None = None,
        as_of_from: str | None = None,
        as_of_to: str | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[IndicatorWithCountryOut]:
        """GET /indicators: indicators (`name`) across countries and years, sources side by
        side; `as_of` a period, `as_of_from` and `as_of_to` partial dates, inclusive."""
        params = query(
            name=name,
            country=country,
            as_of=as_of,
            as_of_from=as_of_from,
            as_of_to=as_of_to,
            stance=stance,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/indicators", Page[IndicatorWithCountryOut], params)

    def indicator_names(
        self, *, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[IndicatorNameOut]:
        """GET /indicators/names: the indicator vocabulary, with labels, units and definitions."""
        params = query(limit=limit, offset=offset)
        return self._get("/indicators/names", Page[IndicatorNameOut], params)

    # People, events, places, relations.

    def people(
        self,
        *,
        country: str | Iterable[str] | None = None,
        organization: str | Iterable[str] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[PersonOut]:
        """GET /people: the people the articles name, with their roles; `organization` is a
        slug the person holds a role in."""
        params = query(
            country=country, organization=organization, sort=sort, limit=limit, offset=offset
        )
        return self._get("/people", Page[PersonOut], params)

    def person(self, slug: str) -> PersonDetail:
        """GET /people/{slug}: one person, with roles and the events they take part in."""
        return self._get(f"/people/{segment(slug)}", PersonDetail)

    def events(
        self,
        *,
        country: str | Iterable[str] | None = None,
        parties: str | Iterable[str] | None = None,
        type_: EventType | Iterable[EventType] | None = None,
        year: int | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        person: str | Iterable[str] | None = None,
        place: str | Iterable[str] | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[EventOut]:
        """GET /events: orders, votes, signings, visits, statements..., oldest first.

        `country` takes part (any of several), `parties` all take part; `person` and `place`
        are slugs; `year_from` and `year_to` are inclusive."""
        params = query(
            country=country,
            parties=parties,
            type=type_,
            year=year,
            year_from=year_from,
            year_to=year_to,
            person=person,
            place=place,
            stance=stance,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/events", Page[EventOut], params)

    def event(self, event_id: str) -> EventOut:
        """GET /events/{id}: one event."""
        return self._get(f"/events/{segment(event_id)}", EventOut)

    def places(
        self,
        *,
        country: str | Iterable[str] | None = None,
        kind: PlaceKind | Iterable[PlaceKind] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[PlaceOut]:
        """GET /places: cities, regions, stations and valleys the articles name."""
        params = query(country=country, kind=kind, sort=sort, limit=limit, offset=offset)
        return self._get("/places", Page[PlaceOut], params)

    def place(self, slug: str) -> PlaceDetail:
        """GET /places/{slug}: one place, with the events there."""
        return self._get(f"/places/{segment(slug)}", PlaceDetail)

    def relations(
        self,
        *,
        country: str | Iterable[str] | None = None,
        parties: str | Iterable[str] | None = None,
        type_: RelationType | Iterable[RelationType] | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[RelationOut]:
        """GET /relations: basing, borders, alliances, joint ventures; `country` as subject or
        object (any of several), `parties` all of them."""
        params = query(
            country=country,
            parties=parties,
            type=type_,
            stance=stance,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/relations", Page[RelationOut], params)

    # Releases: every load that changed a fact, and what it changed.

    def releases(self, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[ReleaseOut]:
        """GET /releases: every release, newest first; `version` is what the others take."""
        params = query(limit=limit, offset=offset)
        return self._get("/releases", Page[ReleaseOut], params)

    def release(self, version: str) -> ReleaseOut:
        """GET /releases/{version}: one release, its parent and how many facts it changed."""
        return self._get(f"/releases/{segment(version)}", ReleaseOut)

    def release_changes(
        self, version: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[ChangeOut]:
        """GET /releases/{version}/changes: the facts a release added, changed and removed,
        each as served before and after."""
        params = query(limit=limit, offset=offset)
        return self._get(f"/releases/{segment(version)}/changes", Page[ChangeOut], params)

    def changes(
        self, since: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[ChangeOut]:
        """GET /changes: every fact that differs now from what it was at release `since`,
        removals included (none since the current release): what a copy synced at `since`
        needs to be current."""
        params = query(since=since, limit=limit, offset=offset)
        return self._get("/changes", Page[ChangeOut], params)

    # Equipment, agreements, transfers.

    def equipment(
        self,
        *,
        category: CategorySlug | Iterable[CategorySlug] | None = None,
        origin: str | Iterable[str] | None = None,
        operator: str | Iterable[str] | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[EquipmentOut]:
        """GET /equipment: the models the articles name; `origin` made in, `operator` held by."""
        params = query(
            category=category,
            origin=origin,
            operator=operator,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/equipment", Page[EquipmentOut], params)

    def equipment_type(self, slug: str) -> EquipmentDetail:
        """GET /equipment/{slug}: one equipment type (`mig-29`), with the countries operating it."""
        return self._get(f"/equipment/{segment(slug)}", EquipmentDetail)

    def agreements(
        self,
        *,
        country: str | Iterable[str] | None = None,
        parties: str | Iterable[str] | None = None,
        type_: AgreementType | Iterable[AgreementType] | None = None,
        status: AgreementStatus | Iterable[AgreementStatus] | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        year: int | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[AgreementOut]:
        """GET /agreements: every agreement, or those a `country` is party to (any of several),
        all `parties` are party to, or of a `type_`, `status` or `year` (`year_from` and
        `year_to` inclusive)."""
        params = query(
            country=country,
            parties=parties,
            type=type_,
            status=status,
            stance=stance,
            year=year,
            year_from=year_from,
            year_to=year_to,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/agreements", Page[AgreementOut], params)

    def agreement(self, agreement_id: str) -> AgreementOut:
        """GET /agreements/{id}: one agreement."""
        return self._get(f"/agreements/{segment(agreement_id)}", AgreementOut)

    def transfers(
        self,
        *,
        supplier: str | Iterable[str] | None = None,
        recipient: str | Iterable[str] | None = None,
        status: TransferStatus | Iterable[TransferStatus] | None = None,
        category: CategorySlug | Iterable[CategorySlug] | None = None,
        stance: Stance | Iterable[Stance] | None = None,
        year_from: int | None = None,
        year_to: int | None = None,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /transfers: delivered, pledged, negotiated or wished for, with citations;
        `year_from` and `year_to` are inclusive."""
        params = query(
            supplier=supplier,
            recipient=recipient,
            status=status,
            category=category,
            stance=stance,
            year_from=year_from,
            year_to=year_to,
            sort=sort,
            limit=limit,
            offset=offset,
        )
        return self._get("/transfers", Page[TransferOut], params)

    # Sources, vocabularies, organizations, search.

    def sources(
        self,
        *,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[SourceOut]:
        """GET /sources: the articles the dataset cites (without their text)."""
        params = query(sort=sort, limit=limit, offset=offset)
        return self._get("/sources", Page[SourceOut], params)

    def source(self, source_id: str) -> SourceDetail:
        """GET /sources/{id}: one article with its text (citation offsets index into it)."""
        return self._get(f"/sources/{segment(source_id)}", SourceDetail)

    def categories(self, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[CategoryOut]:
        """GET /categories: the controlled vocabulary of equipment categories."""
        return self._get("/categories", Page[CategoryOut], query(limit=limit, offset=offset))

    def organizations(
        self,
        *,
        sort: str | Iterable[str] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[OrganizationOut]:
        """GET /organizations: alliances, ministries, manufacturers, outlets."""
        params = query(sort=sort, limit=limit, offset=offset)
        return self._get("/organizations", Page[OrganizationOut], params)

    def organization(self, slug: str) -> OrganizationOut:
        """GET /organizations/{slug}: one organization."""
        return self._get(f"/organizations/{segment(slug)}", OrganizationOut)

    def search(
        self,
        q: str,
        *,
        kind: SearchKind | Iterable[SearchKind] | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[SearchHit]:
        """GET /search: article passages and names matching every word of `q`, best first."""
        params = query(q=q, kind=kind, limit=limit, offset=offset)
        return self._get("/search", Page[SearchHit], params)
