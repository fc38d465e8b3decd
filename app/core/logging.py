"""Logging: one configuration for the app and uvicorn, as text or JSON, with the request id."""

import logging
import logging.config
from contextvars import ContextVar
from typing import Any

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request being served (or `-`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get() or "-"
        return True


# C0 and C1 control characters and the Unicode line and paragraph separators: whatever a
# terminal or a log viewer may take for the end of a line.
_CONTROL = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029)
}


class EscapingFormatter(logging.Formatter):
    """The text format, with control characters escaped (`\\x0a`) in each line it writes.

    A request for `/countries%0A2026-01-01 INFO forged` is logged with its path decoded; a
    raw newline there would start a line of the client's choosing. A traceback, appended
    after the line, keeps its own line breaks.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        return super().formatMessage(record).translate(_CONTROL)


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    formatter: dict[str, Any]
    if fmt == "json":
        formatter = {
            "()": "pythonjsonlogger.orjson.OrjsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    else:
        formatter = {
            "()": EscapingFormatter,
            "fmt": "%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s",
        }
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "default",
        "filters": ["request_id"],
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level.upper()},
        "loggers": {
            # Requests are logged once, by milcap.access, with their id and duration.
            "uvicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
            "uvicorn.error": {"level": level.upper(), "handlers": [], "propagate": True},
            "uvicorn": {"handlers": [], "propagate": True},
            # Alembic announces each of its plugins at INFO on every start.
            "alembic": {"level": "WARNING"},
        },
    }


def configure_logging(level: str, fmt: str) -> None:
    logging.config.dictConfig(logging_config(level, fmt))
