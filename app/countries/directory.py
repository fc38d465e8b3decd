"""Every country by code, read once per dataset release: a country code, in the path of a
/countries/{code}/... route or in a filter such as `?supplier=`, then costs no statement (a
round trip, on PostgreSQL)."""

from app.core.errors import InvalidFilter
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

    async def filter_id(self, name: str, code: str | None) -> int | None:
        """The id of the country a filter names (None when it is not set); an unknown code is
        a 422 naming the parameter."""
        if code is None:
            return None
        country = await self.find(code)
        if country is None:
            raise InvalidFilter(name, f"no country with code {code!r}")
        return int(country["id"])
