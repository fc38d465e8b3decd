"""The category filter of the lists that have one (inventories, equipment, transfers)."""

from typing import Annotated

from fastapi import Query

from app.categories.schemas import CategorySlug
from app.core.filters import COMMA_SEPARATED

CategoriesQuery = Annotated[
    list[CategorySlug] | None,
    Query(min_length=1, description="Only these categories, comma-separated (see /categories)"),
    COMMA_SEPARATED,
]
