"""Settings: every knob of the service, read from the environment (and a .env file) once."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'data' / 'milcap.sqlite3'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL: sqlite:///path or postgresql://user@host/db",
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    workers: int = Field(default=1, ge=1, le=64)
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    log_format: Literal["text", "json"] = "text"
    cors_origins: list[str] = Field(default_factory=list)
    seed_on_start: bool = False
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    shutdown_timeout: int = Field(
        default=10, ge=0, description="Seconds in-flight requests get to finish on SIGTERM"
    )
    response_cache: bool = Field(
        default=True,
        description="Keep serialized responses in memory until the dataset changes",
    )
    response_cache_max_bytes: int = Field(
        default=32 << 20,
        ge=0,
        description="Memory the response cache may hold: bodies, headers and keys, in bytes",
    )
    db_connect_timeout: float = Field(
        default=5.0, gt=0, le=600, description="Seconds to open a database connection"
    )
    db_statement_timeout: float = Field(
        default=5.0, gt=0, le=3600, description="Seconds a read statement may run"
    )
    db_pool_size: int = Field(
        default=8, ge=1, le=256, description="Database connections each worker may hold"
    )
    db_pool_timeout: float = Field(
        default=5.0, gt=0, le=600, description="Seconds a request waits for a free connection"
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="When set, /metrics answers only `Authorization: Bearer <token>` (else 401)",
    )
    header_timeout: float = Field(
        default=10.0,
        gt=0,
        le=3600,
        description="Seconds a client has to send a request's headers; later: 408, closed",
    )

    @field_validator("metrics_token", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lowercase_level(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("database_url")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        if not value.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
            raise ValueError("must start with sqlite:// or postgresql://")
        return value


@lru_cache
def get_settings() -> Settings:
    return Settings()
