# Generated from app/client/aio.py by scripts/unasync.py: edit that file, then `make format`.
"""The milcap API over httpx: one method per route, each returning the API's own models.

`aio.py` is the source, for asyncio; `sync.py` is generated from it (scripts/unasync.py)."""

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import Any, ParamSpec, Self, cast

import httpx

from app.agreements.schemas import AgreementOut
from app.categories.schemas import CategoryOut
from app.client.errors import unreachable
from app.client.transport import (
    DEFAULT_TIMEOUT,
    RETRY_ERRORS,
    RETRY_STATUSES,
    Model,
    Params,
    RetryPolicy,
    default_headers,
    parse,
    query,
    resolve_base_url,
    retry_after,
    segment,
)
from app.core.schemas import DEFAULT_LIMIT, MAX_LIMIT, Item, Page
from app.countries.schemas import CountryDetail, CountryOut, TimelineItemOut, TimelineKind
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.events.schemas import EventOut, EventType
from app.indicators.schemas import IndicatorNameKey, IndicatorNameOut, IndicatorWithCountryOut
from app.inventory.schemas import InventoryEntryOut
from app.meta.schemas import Export, Health, Meta
from app.organizations.schemas import OrganizationOut
from app.people.schemas import PersonDetail, PersonOut
from app.places.schemas import PlaceDetail, PlaceOut
from app.relations.schemas import RelationOut, RelationType
from app.search.schemas import SearchHit, SearchKind
from app.sources.schemas import SourceDetail, SourceOut
from app.transfers.schemas import Direction, TransferOut, TransferStatus

Filters = ParamSpec("Filters")


class MilcapClient:
    """A client of the milcap API.

    `base_url` defaults to `MILCAP_URL`, then http://127.0.0.1:8000. List methods return one
    `Page`; `walk(list_method, ...)` goes through every page. Errors are `MilcapError`s
    (`NotFound`, `ValidationFailed`, `ServiceUnavailable`, `Unreachable`...); connection
    failures and 502/503/504 answers are retried first, as `retry` says. Use it as
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

    # Transport: one GET, resent on connection failures and 502/503/504.

    def _send(self, path: str, params: Params) -> httpx.Response:
        for attempt in range(self.retry.retries + 1):
            last = attempt == self.retry.retries
            try:
                response = self._http.get(path, params=params)
            except RETRY_ERRORS as error:
                if last:
                    raise unreachable(self.base_url, error) from None
                delay = self.retry.delay(attempt)
            except httpx.TransportError as error:
                raise unreachable(self.base_url, error) from None
            else:
                if last or response.status_code not in RETRY_STATUSES:
                    return response
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

    # Countries and what the articles say about them.

    def countries(
        self, *, region: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[CountryOut]:
        """GET /countries: every ISO 3166-1 country, or those of one `region`."""
        params = query(region=region, limit=limit, offset=offset)
        return self._get("/countries", Page[CountryOut], params)

    def country(self, code: str) -> CountryDetail:
        """GET /countries/{code}: one country (alpha-2 or alpha-3, any case) and its indicators."""
        return self._get(f"/countries/{segment(code)}", CountryDetail)

    def country_inventory(
        self,
        code: str,
        *,
        category: str | None = None,
        equipment: str | None = None,
        as_of: str | None = None,
        latest: bool = False,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[InventoryEntryOut]:
        """GET /countries/{code}/inventory: category totals and types in service.

        `as_of="2021"` keeps claims dated within 2021; `latest=True` the newest per
        (category, equipment)."""
        params = query(
            category=category,
            equipment=equipment,
            as_of=as_of,
            latest=latest,
            limit=limit,
            offset=offset,
        )
        return self._get(f"/countries/{segment(code)}/inventory", Page[InventoryEntryOut], params)

    def country_agreements(
        self, code: str, *, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[AgreementOut]:
        """GET /countries/{code}/agreements: the agreements a country is party to."""
        params = query(limit=limit, offset=offset)
        return self._get(f"/countries/{segment(code)}/agreements", Page[AgreementOut], params)

    def country_transfers(
        self,
        code: str,
        *,
        direction: Direction | None = None,
        status: TransferStatus | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /countries/{code}/transfers: `imports`, `exports`, or both (None)."""
        params = query(direction=direction, status=status, limit=limit, offset=offset)
        return self._get(f"/countries/{segment(code)}/transfers", Page[TransferOut], params)

    def timeline(
        self,
        code: str,
        *,
        from_: str | None = None,
        to: str | None = None,
        kind: TimelineKind | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TimelineItemOut]:
        """GET /countries/{code}/timeline: every dated fact about a country, oldest first.

        `from_` and `to` are partial dates, inclusive (`from_="2021"`)."""
        params = query(**{"from": from_}, to=to, kind=kind, limit=limit, offset=offset)
        return self._get(f"/countries/{segment(code)}/timeline", Page[TimelineItemOut], params)

    def indicators(
        self,
        *,
        name: IndicatorNameKey | None = None,
        country: str | Iterable[str] | None = None,
        as_of: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[IndicatorWithCountryOut]:
        """GET /indicators: one indicator (`name`) across countries and years, sources side by
        side; `country` is a code or several (`["KZ", "UZ"]`)."""
        codes = country if country is None or isinstance(country, str) else ",".join(country)
        params = query(name=name, country=codes, as_of=as_of, limit=limit, offset=offset)
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
        country: str | None = None,
        organization: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[PersonOut]:
        """GET /people: the people the articles name, with their roles; `organization` is a
        slug the person holds a role in."""
        params = query(country=country, organization=organization, limit=limit, offset=offset)
        return self._get("/people", Page[PersonOut], params)

    def person(self, slug: str) -> PersonDetail:
        """GET /people/{slug}: one person, with roles and the events they take part in."""
        return self._get(f"/people/{segment(slug)}", PersonDetail)

    def events(
        self,
        *,
        country: str | None = None,
        type_: EventType | None = None,
        year: int | None = None,
        person: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[EventOut]:
        """GET /events: orders, votes, signings, visits, statements..., oldest first; `country`
        and `person` (a slug) are who takes part."""
        params = query(
            country=country, type=type_, year=year, person=person, limit=limit, offset=offset
        )
        return self._get("/events", Page[EventOut], params)

    def event(self, event_id: str) -> EventOut:
        """GET /events/{id}: one event."""
        return self._get(f"/events/{segment(event_id)}", EventOut)

    def places(
        self, *, country: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[PlaceOut]:
        """GET /places: cities, regions, stations and valleys the articles name."""
        params = query(country=country, limit=limit, offset=offset)
        return self._get("/places", Page[PlaceOut], params)

    def place(self, slug: str) -> PlaceDetail:
        """GET /places/{slug}: one place, with the events there."""
        return self._get(f"/places/{segment(slug)}", PlaceDetail)

    def relations(
        self,
        *,
        country: str | None = None,
        type_: RelationType | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[RelationOut]:
        """GET /relations: basing, borders, alliances, joint ventures; `country` as subject or
        object."""
        params = query(country=country, type=type_, limit=limit, offset=offset)
        return self._get("/relations", Page[RelationOut], params)

    # Equipment, agreements, transfers.

    def equipment(
        self,
        *,
        category: str | None = None,
        origin: str | None = None,
        operator: str | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[EquipmentOut]:
        """GET /equipment: the models the articles name; `origin` made in, `operator` held by."""
        params = query(
            category=category, origin=origin, operator=operator, limit=limit, offset=offset
        )
        return self._get("/equipment", Page[EquipmentOut], params)

    def equipment_type(self, slug: str) -> EquipmentDetail:
        """GET /equipment/{slug}: one equipment type (`mig-29`), with the countries operating it."""
        return self._get(f"/equipment/{segment(slug)}", EquipmentDetail)

    def agreements(
        self,
        *,
        country: str | None = None,
        type_: str | None = None,
        year: int | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[AgreementOut]:
        """GET /agreements: every agreement, or those of a `country`, `type_` or `year`."""
        params = query(country=country, type=type_, year=year, limit=limit, offset=offset)
        return self._get("/agreements", Page[AgreementOut], params)

    def agreement(self, agreement_id: str) -> AgreementOut:
        """GET /agreements/{id}: one agreement."""
        return self._get(f"/agreements/{segment(agreement_id)}", AgreementOut)

    def transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        status: TransferStatus | None = None,
        limit: int = DEFAULT_LIMIT,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /transfers: delivered, pledged, negotiated or wished for, with citations."""
        params = query(
            supplier=supplier, recipient=recipient, status=status, limit=limit, offset=offset
        )
        return self._get("/transfers", Page[TransferOut], params)

    # Sources, vocabularies, organizations, search.

    def sources(self, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[SourceOut]:
        """GET /sources: the articles the dataset cites (without their text)."""
        return self._get("/sources", Page[SourceOut], query(limit=limit, offset=offset))

    def source(self, source_id: str) -> SourceDetail:
        """GET /sources/{id}: one article with its text (citation offsets index into it)."""
        return self._get(f"/sources/{segment(source_id)}", SourceDetail)

    def categories(self, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> Page[CategoryOut]:
        """GET /categories: the controlled vocabulary of equipment categories."""
        return self._get("/categories", Page[CategoryOut], query(limit=limit, offset=offset))

    def organizations(
        self, *, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[OrganizationOut]:
        """GET /organizations: alliances, ministries, manufacturers, outlets."""
        params = query(limit=limit, offset=offset)
        return self._get("/organizations", Page[OrganizationOut], params)

    def organization(self, slug: str) -> OrganizationOut:
        """GET /organizations/{slug}: one organization."""
        return self._get(f"/organizations/{segment(slug)}", OrganizationOut)

    def search(
        self, q: str, *, kind: SearchKind | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0
    ) -> Page[SearchHit]:
        """GET /search: article passages and names matching every word of `q`, best first."""
        params = query(q=q, kind=kind, limit=limit, offset=offset)
        return self._get("/search", Page[SearchHit], params)
