"""Every request dependency, declared once as an Annotated alias.

Dependencies are `async def`: FastAPI runs plain `def` ones in its threadpool, and those
hand-offs cost more than the work itself (see the README's performance section)."""

from typing import Annotated

from fastapi import Depends, Request

from app.core.dataset import DatasetState
from app.core.reader import Reader


async def get_reader(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


async def get_dataset(request: Request) -> DatasetState:
    dataset: DatasetState = request.app.state.dataset
    return dataset


ReaderDep = Annotated[Reader, Depends(get_reader)]
DatasetDep = Annotated[DatasetState, Depends(get_dataset)]
