"""`MilcapClient`: the API over httpx, one method per route, returning the API's own models."""

import time
from collections.abc import Iterator, Mapping
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


class MilcapClient:
    """A synchronous client of the milcap API.

    `base_url` defaults to `MILCAP_URL`, then http://127.0.0.1:8000. List methods return one
    `Page`; their `iter_...` twins walk every page. Errors are `MilcapError`s (`NotFound`,
    `ValidationFailed`, `ServiceUnavailable`, `Unreachable`...); connection failures and
    502/503/504 answers are retried first, as `retry` says. Use it as a context manager, or
    call `close()`.
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

    def _get(self, path: str, model: type[Model], **params: ParamValue) -> Model:
        return parse(self._send(path, query(**params)), model)

    def _walk(
        self, path: str, page_model: type[Page[Item]], page_size: int, **params: ParamValue
    ) -> Iterator[Item]:
        current: Params | None = query(**params, limit=page_size, offset=0)
        while current is not None:
            response = self._send(path, current)
            page = parse(response, page_model)
            yield from page.items
            current = next_params(response, page, current)

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
        self, *, region: str | None = None, limit: int = 50, offset: int = 0
    ) -> Page[CountryOut]:
        """GET /countries: every ISO 3166-1 country, or those of one `region`."""
        return self._get("/countries", Page[CountryOut], region=region, limit=limit, offset=offset)

    def iter_countries(
        self, *, region: str | None = None, page_size: int = MAX_LIMIT
    ) -> Iterator[CountryOut]:
        """Every item of `countries()`, page after page."""
        return self._walk("/countries", Page[CountryOut], page_size, region=region)

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
        limit: int = 50,
        offset: int = 0,
    ) -> Page[InventoryEntryOut]:
        """GET /countries/{code}/inventory: category totals and types in service.

        `as_of="2021"` keeps claims dated within 2021; `latest=True` the newest per
        (category, equipment)."""
        return self._get(
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
    ) -> Iterator[InventoryEntryOut]:
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

    def country_agreements(
        self, code: str, *, limit: int = 50, offset: int = 0
    ) -> Page[AgreementOut]:
        """GET /countries/{code}/agreements: the agreements a country is party to."""
        return self._get(
            f"/countries/{segment(code)}/agreements",
            Page[AgreementOut],
            limit=limit,
            offset=offset,
        )

    def iter_country_agreements(
        self, code: str, *, page_size: int = MAX_LIMIT
    ) -> Iterator[AgreementOut]:
        """Every item of `country_agreements()`, page after page."""
        return self._walk(f"/countries/{segment(code)}/agreements", Page[AgreementOut], page_size)

    def country_transfers(
        self,
        code: str,
        *,
        direction: Direction | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /countries/{code}/transfers: `imports`, `exports`, or both (None)."""
        return self._get(
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
    ) -> Iterator[TransferOut]:
        """Every item of `country_transfers()`, page after page."""
        return self._walk(
            f"/countries/{segment(code)}/transfers",
            Page[TransferOut],
            page_size,
            direction=direction,
            status=status,
        )

    # Equipment, agreements, transfers.

    def equipment(
        self,
        *,
        category: str | None = None,
        origin: str | None = None,
        operator: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[EquipmentOut]:
        """GET /equipment: the models the articles name; `origin` made in, `operator` held by."""
        return self._get(
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
    ) -> Iterator[EquipmentOut]:
        """Every item of `equipment()`, page after page."""
        return self._walk(
            "/equipment",
            Page[EquipmentOut],
            page_size,
            category=category,
            origin=origin,
            operator=operator,
        )

    def equipment_type(self, slug: str) -> EquipmentDetail:
        """GET /equipment/{slug}: one equipment type (`mig-29`), with the countries operating it."""
        return self._get(f"/equipment/{segment(slug)}", EquipmentDetail)

    def agreements(
        self,
        *,
        country: str | None = None,
        type_: str | None = None,
        year: int | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[AgreementOut]:
        """GET /agreements: every agreement, or those of a `country`, `type_` or `year`."""
        return self._get(
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
    ) -> Iterator[AgreementOut]:
        """Every item of `agreements()`, page after page."""
        return self._walk(
            "/agreements", Page[AgreementOut], page_size, country=country, type=type_, year=year
        )

    def agreement(self, agreement_id: str) -> AgreementOut:
        """GET /agreements/{id}: one agreement."""
        return self._get(f"/agreements/{segment(agreement_id)}", AgreementOut)

    def transfers(
        self,
        *,
        supplier: str | None = None,
        recipient: str | None = None,
        status: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[TransferOut]:
        """GET /transfers: delivered, pledged, negotiated or wished for, with citations."""
        return self._get(
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
    ) -> Iterator[TransferOut]:
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

    def sources(self, *, limit: int = 50, offset: int = 0) -> Page[SourceOut]:
        """GET /sources: the articles the dataset cites (without their text)."""
        return self._get("/sources", Page[SourceOut], limit=limit, offset=offset)

    def iter_sources(self, *, page_size: int = MAX_LIMIT) -> Iterator[SourceOut]:
        """Every item of `sources()`, page after page."""
        return self._walk("/sources", Page[SourceOut], page_size)

    def source(self, source_id: str) -> SourceDetail:
        """GET /sources/{id}: one article with its text (citation offsets index into it)."""
        return self._get(f"/sources/{segment(source_id)}", SourceDetail)

    def categories(self, *, limit: int = 50, offset: int = 0) -> Page[CategoryOut]:
        """GET /categories: the controlled vocabulary of equipment categories."""
        return self._get("/categories", Page[CategoryOut], limit=limit, offset=offset)

    def iter_categories(self, *, page_size: int = MAX_LIMIT) -> Iterator[CategoryOut]:
        """Every item of `categories()`, page after page."""
        return self._walk("/categories", Page[CategoryOut], page_size)

    def organizations(self, *, limit: int = 50, offset: int = 0) -> Page[OrganizationOut]:
        """GET /organizations: alliances, ministries, manufacturers, outlets."""
        return self._get("/organizations", Page[OrganizationOut], limit=limit, offset=offset)

    def iter_organizations(self, *, page_size: int = MAX_LIMIT) -> Iterator[OrganizationOut]:
        """Every item of `organizations()`, page after page."""
        return self._walk("/organizations", Page[OrganizationOut], page_size)

    def organization(self, slug: str) -> OrganizationOut:
        """GET /organizations/{slug}: one organization."""
        return self._get(f"/organizations/{segment(slug)}", OrganizationOut)

    def search(
        self, q: str, *, kind: SearchKind | None = None, limit: int = 50, offset: int = 0
    ) -> Page[SearchHit]:
        """GET /search: article passages and names matching every word of `q`, best first."""
        return self._get("/search", Page[SearchHit], q=q, kind=kind, limit=limit, offset=offset)

    def iter_search(
        self, q: str, *, kind: SearchKind | None = None, page_size: int = MAX_LIMIT
    ) -> Iterator[SearchHit]:
        """Every item of `search()`, page after page."""
        return self._walk("/search", Page[SearchHit], page_size, q=q, kind=kind)
