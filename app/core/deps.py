"""Every request dependency, declared once as an Annotated alias.

Dependencies are `async def`: FastAPI runs plain `def` ones in its threadpool, and those
hand-offs cost more than the work itself (see the README's performance section)."""

from typing import Annotated

from fastapi import Depends, Request

from app.core.config import Settings
from app.core.dataset import DatasetState
from app.core.reader import Reader


async def get_reader(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


async def get_dataset(request: Request) -> DatasetState:
    dataset: DatasetState = request.app.state.dataset
    return dataset


async def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ReaderDep = Annotated[Reader, Depends(get_reader)]
DatasetDep = Annotated[DatasetState, Depends(get_dataset)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
