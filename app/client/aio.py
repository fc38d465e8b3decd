"""`AsyncMilcapClient`: `MilcapClient` for asyncio, method for method (`await`, `async for`)."""

import asyncio
from collections.abc import AsyncIterator, Mapping
from types import TracebackType
from typing import Literal, Self

import httpx

from app.agreements.schemas import AgreementOut
from app.categories.schemas import CategoryOut
from app.client.errors import unreachable
from app.client.transport import (
    DEFAULT_TIMEOUT,
    RETRY_ERRORS,
    RETRY_STATUSES,
    Item,
    Model,
    Params,
    ParamValue,
    RetryPolicy,
    default_headers,
    next_params,
    parse,
    query,
    resolve_base_url,
    retry_after,
    segment,
)
from app.core.schemas import MAX_LIMIT, Page
from app.countries.schemas import CountryDetail, CountryOut
from app.equipment.schemas import EquipmentDetail, EquipmentOut
from app.inventory.schemas import InventoryEntryOut
from app.meta.schemas import Export, Health, Meta
from app.organizations.schemas import OrganizationOut
from app.search.schemas import SearchHit, SearchKind
from app.sources.schemas import SourceDetail, SourceOut
from app.transfers.schemas import TransferOut

Direction = Literal["imports", "exports"]


class AsyncMilcapClient:
    """An asynchronous client of the milcap API: `MilcapClient`, awaited.

    Same arguments, methods and errors as `MilcapClient`; the `iter_...` methods are walked
    with `async for`. Use it as an async context manager, or await `close()`.
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy = RetryPolicy(),
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = resolve_base_url(base_url)
        self.retry = retry
        self._http = httpx.AsyncClient(
            base_url=self.base_url,
            timeout=timeout,
            headers=default_headers(headers),
            transport=transport,
            follow_redirects=True,
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    # Transport: one GET, resent on connection failures and 502/503/504.

    async def _send(self, path: str, params: Params) -> httpx.Response:
        for attempt in range(self.retry.retries + 1):
            last = attempt == self.retry.retries
            try:
                response = await self._http.get(path, params=params)
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
            await asyncio.sleep(delay)
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def _get(self, path: str, model: type[Model], **params: ParamValue) -> Model:
        return parse(await self._send(path, query(**params)), model)

    async def _walk(
        self, path: str, page_model: type[Page[Item]], page_size: int, **params: ParamValue
    ) -> AsyncIterator[Item]:
        current: Params | None = query(**params, limit=page_size, offset=0)
        while current is not None:
            response = await self._send(path, current)
            page = parse(response, page_model)
            for item in page.items:
                yield item
            current = next_params(response, page, current)

    # The service and the dataset as a whole.

    async def health(self) -> Health:
        """GET /healthz: the server is up."""
        return await self._get("/healthz", Health)

    async def meta(self) -> Meta:
        """GET /meta: the dataset version (cite it), when it was loaded, rows per table."""
        return await self._get("/meta", Meta)

    async def export(self) -> Export:
        """GET /export: the whole dataset in one document, article texts included."""
        return await self._get("/export", Export)

    # Countries and what the articles say about them.

    async def countries(
        self, *, region: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[CountryOut]:
        """GET /countries: every ISO 3166-1 country, or those of one `region`."""
        return await self._get(
            "/countries", Page[CountryOut], region=region, limit=limit, offset=offset
        )

    def iter_countries(
        self, *, region: str | None = None, page_size: int = MAX_LIMIT
    ) -> AsyncIterator[CountryOut]:
        """Every item of `countries()`, page after page."""
        return self._walk("/countries", Page[CountryOut], page_size, region=region)

    async def country(self, code: str) -> CountryDetail:
        """GET /countries/{code}: one country (alpha-2 or alpha-3, any case) and its indicators."""
        return await self._get(f"/countries/{segment(code)}", CountryDetail)

    async def country_inventory(
        self,
        code: str,
        *,
        category: str | None = None,
        equipment: str | None = None,
        as_of: str | None = None,
        latest: bool = False,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[InventoryEntryOut]:
        """GET /countries/{code}/inventory: category totals and types in service.

        `as_of="2021"` keeps claims dated within 2021; `latest=True` the newest per
        (category, equipment)."""
        return await self._get(
            f"/countries/{segment(code)}/inventory",
            Page[InventoryEntryOut],
            category=category,
            equipment=equipment,
            as_of=as_of,
            latest=latest,
            limit=limit,
            offset=offset,
        )

    def iter_country_inventory(
        self,
        code: str,
        *,
        category: str | None = None,
        equipment: str | None = None,
        as_of: str | None = None,
        latest: bool = False,
        page_size: int = MAX_LIMIT,
    ) -> AsyncIterator[InventoryEntryOut]:
        """Every item of `country_inventory()`, page after page."""
        return self._walk(
            f"/countries/{segment(code)}/inventory",
            Page[InventoryEntryOut],
            page_size,
            category=category,
            equipment=equipment,
            as_of=as_of,
            latest=latest,
        )

    async def country_agreements(
        self, code: str, *, limit: int = 50, offset: int = 0
    ) -> Page[AgreementOut]:
        """GET /countries/{code}/agreements: the agreements a country is party to."""
        return await self._get(
            f"/countries/{segment(code)}/agreements",
            Page[AgreementOut],
            limit=limit,
            offset=offset,
        )

    def iter_country_agreements(
        self, code: str, *, page_size: int = MAX_LIMIT
    ) -> AsyncIterator[AgreementOut]:
        """Every item of `country_agreements()`, page after page."""
        return self._walk(f"/countries/{segment(code)}/agreements", Page[AgreementOut], page_size)

    async def country_transfers(
        self,
        code: str,
        *,
        direction: Direction | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /countries/{code}/transfers: `imports`, `exports`, or both (None)."""
        return await self._get(
            f"/countries/{segment(code)}/transfers",
            Page[TransferOut],
            direction=direction,
            status=status,
            limit=limit,
            offset=offset,
        )

    def iter_country_transfers(
        self,
        code: str,
        *,
        direction: Direction | None = None,
        status: str | None = None,
        page_size: int = MAX_LIMIT,
    ) -> AsyncIterator[TransferOut]:
        """Every item of `country_transfers()`, page after page."""
        return self._walk(
            f"/countries/{segment(code)}/transfers",
            Page[TransferOut],
            page_size,
            direction=direction,
            status=status,
        )

    # Equipment, agreements, transfers.

    async def equipment(
        self,
        *,
        category: str | None = None,
        origin: str | None = None,
        operator: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[EquipmentOut]:
        """GET /equipment: the models the articles name; `origin` made in, `operator` held by."""
        return await self._get(
            "/equipment",
            Page[EquipmentOut],
            category=category,
            origin=origin,
            operator=operator,
            limit=limit,
            offset=offset,
        )

    def iter_equipment(
        self,
        *,
        category: str | None = None,
        origin: str | None = None,
        operator: str | None = None,
        page_size: int = MAX_LIMIT,
    ) -> AsyncIterator[EquipmentOut]:
        """Every item of `equipment()`, page after page."""
        return self._walk(
            "/equipment",
            Page[EquipmentOut],
            page_size,
            category=category,
            origin=origin,
            operator=operator,
        )

    async def equipment_type(self, slug: str) -> EquipmentDetail:
        """GET /equipment/{slug}: one equipment type (`mig-29`), with the countries operating it."""
        return await self._get(f"/equipment/{segment(slug)}", EquipmentDetail)

    async def agreements(
        self,
        *,
        country: str | None = None,
        type_: str | None = None,
        year: int | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[AgreementOut]:
        """GET /agreements: every agreement, or those of a `country`, `type_` or `year`."""
        return await self._get(
            "/agreements",
            Page[AgreementOut],
            country=country,
            type=type_,
            year=year,
            limit=limit,
            offset=offset,
        )

    def iter_agreements(
        self,
        *,
        country: str | None = None,
        type_: str | None = None,
        year: int | None = None,
        page_size: int = MAX_LIMIT,
    ) -> AsyncIterator[AgreementOut]:
        """Every item of `agreements()`, page after page."""
        return self._walk(
            "/agreements", Page[AgreementOut], page_size, country=country, type=type_, year=year
        )

    async def agreement(self, agreement_id: str) -> AgreementOut:
        """GET /agreements/{id}: one agreement."""
        return await self._get(f"/agreements/{segment(agreement_id)}", AgreementOut)

    async def transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /transfers: delivered, pledged, negotiated or wished for, with citations."""
        return await self._get(
            "/transfers",
            Page[TransferOut],
            supplier=supplier,
            recipient=recipient,
            status=status,
            limit=limit,
            offset=offset,
        )

    def iter_transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        status: str | None = None,
        page_size: int = MAX_LIMIT,
    ) -> AsyncIterator[TransferOut]:
        """Every item of `transfers()`, page after page."""
        return self._walk(
            "/transfers",
            Page[TransferOut],
            page_size,
            supplier=supplier,
            recipient=recipient,
            status=status,
        )

    # Sources, vocabularies, organizations, search.

    async def sources(self, *, limit: int = 50, offset: int = 0) -> Page[SourceOut]:
        """GET /sources: the articles the dataset cites (without their text)."""
        return await self._get("/sources", Page[SourceOut], limit=limit, offset=offset)

    def iter_sources(self, *, page_size: int = MAX_LIMIT) -> AsyncIterator[SourceOut]:
        """Every item of `sources()`, page after page."""
        return self._walk("/sources", Page[SourceOut], page_size)

    async def source(self, source_id: str) -> SourceDetail:
        """GET /sources/{id}: one article with its text (citation offsets index into it)."""
        return await self._get(f"/sources/{segment(source_id)}", SourceDetail)

    async def categories(self, *, limit: int = 50, offset: int = 0) -> Page[CategoryOut]:
        """GET /categories: the controlled vocabulary of equipment categories."""
        return await self._get("/categories", Page[CategoryOut], limit=limit, offset=offset)

    def iter_categories(self, *, page_size: int = MAX_LIMIT) -> AsyncIterator[CategoryOut]:
        """Every item of `categories()`, page after page."""
        return self._walk("/categories", Page[CategoryOut], page_size)

    async def organizations(self, *, limit: int = 50, offset: int = 0) -> Page[OrganizationOut]:
        """GET /organizations: alliances, ministries, manufacturers, outlets."""
        return await self._get("/organizations", Page[OrganizationOut], limit=limit, offset=offset)

    def iter_organizations(self, *, page_size: int = MAX_LIMIT) -> AsyncIterator[OrganizationOut]:
        """Every item of `organizations()`, page after page."""
        return self._walk("/organizations", Page[OrganizationOut], page_size)

    async def organization(self, slug: str) -> OrganizationOut:
        """GET /organizations/{slug}: one organization."""
        return await self._get(f"/organizations/{segment(slug)}", OrganizationOut)

    async def search(
        self, q: str, *, kind: SearchKind | None = None, limit: int = 50, offset: int = 0
    ) -> Page[SearchHit]:
        """GET /search: article passages and names matching every word of `q`, best first."""
        return await self._get(
            "/search", Page[SearchHit], q=q, kind=kind, limit=limit, offset=offset
        )

    def iter_search(
        self, q: str, *, kind: SearchKind | None = None, page_size: int = MAX_LIMIT
    ) -> AsyncIterator[SearchHit]:
        """Every item of `search()`, page after page."""
        return self._walk("/search", Page[SearchHit], page_size, q=q, kind=kind)
