"""Every country by code, read once per dataset release: the `{code}` lookup of every
/countries/{code}/... route then costs no statement (a round trip, on PostgreSQL)."""

from app.core.dataset import DatasetState
from app.core.reader import Reader, Row
from app.countries.queries import all_countries


class CountryDirectory:
    def __init__(self, reader: Reader, dataset: DatasetState) -> None:
        self.reader = reader
        self.dataset = dataset
        self._version: str | None = None
        self._by_code: dict[str, Row] = {}

    def find(self, code: str) -> Row | None:
        """A country by ISO alpha-2 or alpha-3 code, any case."""
        version = self.dataset.version
        if version != self._version:
            by_code: dict[str, Row] = {}
            for country in all_countries(self.reader):
                by_code[country["iso2"]] = by_code[country["iso3"]] = country
            self._by_code, self._version = by_code, version
        return self._by_code.get(code.upper())
