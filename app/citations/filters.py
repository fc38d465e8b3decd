"""The stance filter of every list of facts: how strongly the article states them."""

from typing import Annotated

from fastapi import Query

from app.citations.schemas import Stance
from app.core.filters import COMMA_SEPARATED

StancesQuery = Annotated[
    list[Stance] | None,
    Query(
        min_length=1,
        description="Only facts stated with this strength, comma-separated: `stance=stated`",
    ),
    COMMA_SEPARATED,
]
