"""Every country by code, read once per dataset release: a country code, in the path of a
/countries/{code}/... route or in a filter such as `?supplier=`, then costs no statement (a
round trip, on PostgreSQL)."""

from app.core.errors import NotFound
from app.core.reader import Reader, Row
from app.countries.queries import all_countries


class CountryDirectory:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self._version: str | None = None
        self._by_code: dict[str, Row] = {}

    async def find(self, code: str) -> Row | None:
        """A country by ISO alpha-2 or alpha-3 code, any case, in the release the request
        reads."""
        release = await self.reader.release()
        version = release.version if release else None
        if version != self._version or version is None:
            by_code: dict[str, Row] = {}
            for country in await all_countries(self.reader):
                by_code[country["iso2"]] = by_code[country["iso3"]] = country
            self._by_code, self._version = by_code, version
        return self._by_code.get(code.upper())

    async def ids(self, name: str, codes: list[str] | None) -> list[int] | None:
        """The ids of the countries a filter names (None when it is not set). A code that
        names no country is a 404 naming it, as it is in a /countries/{code} path."""
        if codes is None:
            return None
        found = [await self.find(code) for code in codes]
        unknown = [code for code, country in zip(codes, found, strict=True) if country is None]
        if unknown:
            raise NotFound(
                f"{name}: no country with code {', '.join(map(repr, unknown))}; "
                "use ISO 3166-1 alpha-2 or alpha-3 codes (see /countries)"
            )
        return [int(country["id"]) for country in found if country is not None]
