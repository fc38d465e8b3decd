"""Every request dependency, declared once as an Annotated alias."""

from typing import Annotated

from fastapi import Depends, Request

from app.core.config import Settings
from app.core.dataset import DatasetState
from app.core.reader import Reader


def get_reader(request: Request) -> Reader:
    reader: Reader = request.app.state.reader
    return reader


def get_dataset(request: Request) -> DatasetState:
    dataset: DatasetState = request.app.state.dataset
    return dataset


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


ReaderDep = Annotated[Reader, Depends(get_reader)]
DatasetDep = Annotated[DatasetState, Depends(get_dataset)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
