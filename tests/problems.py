"""One helper that checks the API's error shape (RFC 9457) everywhere."""

from typing import Any

import httpx

from app.core.schemas import Problem


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    Problem.model_validate(body)
    assert body["status"] == status
    assert body["type"].startswith("https://")
    assert "Traceback" not in response.text
    return body
