"""Settings: every one documented in .env.example, and a bad one stops start-up in one line."""

import subprocess
import sys

from app.core.config import Settings
from tests.conftest import PROJECT_ROOT


def test_env_example_lists_every_setting() -> None:
    lines = (PROJECT_ROOT / ".env.example").read_text().splitlines()
    documented = {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}
    assert documented == {name.upper() for name in Settings.model_fields}


def run_milcap(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env={"PATH": "/usr/bin:/bin", **env},
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_an_invalid_setting_stops_start_up_with_one_clear_line() -> None:
    result = run_milcap("serve", PORT="eighty")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "error: invalid settings: PORT: Input should be a valid integer, "
        "unable to parse string as an integer"
    ]
    assert "Traceback" not in result.stderr


def test_an_unknown_database_engine_is_refused_before_anything_starts() -> None:
    result = run_milcap("migrate", DATABASE_URL="mysql://root@localhost/milcap")
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: invalid settings: DATABASE_URL:")
    assert "sqlite:// or postgresql://" in line
