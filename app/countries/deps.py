"""Lookup-or-404 for the `{code}` of every /countries/{code}/... route."""

from typing import Annotated

from fastapi import Depends, Path, Request

from app.core.errors import NotFound
from app.core.reader import Row
from app.countries.directory import CountryDirectory

CodePath = Annotated[
    str,
    Path(
        description="ISO 3166-1 alpha-2 or alpha-3 code, any case: `KZ`, `kaz`",
        examples=["KZ"],
    ),
]


async def country_by_code(code: CodePath, request: Request) -> Row:
    directory: CountryDirectory = request.app.state.countries
    country = directory.find(code) if code.isalpha() and len(code) in (2, 3) else None
    if country is None:
        raise NotFound(f"No country with code {code!r}; use an ISO 3166-1 alpha-2 or alpha-3 code")
    return country


CountryDep = Annotated[Row, Depends(country_by_code)]
