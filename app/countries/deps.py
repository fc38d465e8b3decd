"""The country codes of the API: lookup-or-404 for the `{code}` of every /countries/{code}/...
route, and the code filters (`?supplier=KZ`), both resolved by the country directory."""

from typing import Annotated

from fastapi import Depends, Path, Query, Request

from app.core.errors import NotFound
from app.core.filters import COMMA_SEPARATED, CountryCode
from app.core.reader import Row
from app.countries.directory import CountryDirectory

CodePath = Annotated[
    str,
    Path(
        description="ISO 3166-1 alpha-2 or alpha-3 code, any case: `KZ`, `kaz`",
        examples=["KZ"],
    ),
]
CountryCodesQuery = Annotated[
    list[CountryCode] | None,
    Query(
        min_length=1,
        description="Only these countries: ISO 3166-1 alpha-2 or alpha-3 codes, any case, "
        "comma-separated (`KZ,UZ`: either); an unknown code is a 404",
        examples=[["KZ"]],
    ),
    COMMA_SEPARATED,
]
PartiesQuery = Annotated[
    list[CountryCode] | None,
    Query(
        min_length=1,
        description="Only facts every one of these countries is party to, comma-separated "
        "(`KZ,UZ`: between both); an unknown code is a 404",
        examples=[["KZ", "UZ"]],
    ),
    COMMA_SEPARATED,
]


async def country_directory(request: Request) -> CountryDirectory:
    directory: CountryDirectory = request.app.state.countries
    return directory


CountriesDep = Annotated[CountryDirectory, Depends(country_directory)]


async def country_by_code(code: CodePath, countries: CountriesDep) -> Row:
    country = await countries.find(code) if code.isalpha() and len(code) in (2, 3) else None
    if country is None:
        raise NotFound(f"No country with code {code!r}; use an ISO 3166-1 alpha-2 or alpha-3 code")
    return country


CountryDep = Annotated[Row, Depends(country_by_code)]
