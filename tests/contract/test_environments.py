"""`make run` serves from an environment of runtime dependencies only; `make test` adds the
development group. Checked on the Makefile's own commands and on the lock file's sets."""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UV = ROOT / ".tools" / "bin" / "uv"
TEST_TOOLS = ("pytest", "mypy", "ruff", "schemathesis", "playwright", "openapi-python-client")


def planned(target: str) -> list[str]:
    """The commands `make TARGET` would run from a clean environment (dry run, nothing built)."""
    result = subprocess.run(
        ["make", "--dry-run", "--always-make", "--no-print-directory", target],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def syncs(commands: list[str]) -> list[str]:
    return [command for command in commands if " sync " in command and "uv" in command]


def test_make_run_syncs_without_the_development_group() -> None:
    commands = planned("run")
    assert syncs(commands), commands
    assert all("--no-dev" in command for command in syncs(commands)), commands
    assert any("milcap serve" in command for command in commands)


def test_make_test_syncs_with_the_development_group() -> None:
    commands = syncs(planned("test"))
    assert commands
    assert not any("--no-dev" in command for command in commands), commands


def test_the_runtime_set_of_the_lock_file_holds_no_test_tool() -> None:
    def packages(*flags: str) -> set[str]:
        exported = subprocess.run(
            [str(UV), "export", "--frozen", "--no-hashes", "--no-emit-project", *flags],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return {
            line.split("==")[0].strip().lower()
            for line in exported.splitlines()
            if "==" in line and not line.startswith("#")
        }

    runtime, development = packages("--no-dev"), packages()
    assert {"fastapi", "uvicorn", "sqlmodel", "alembic"} <= runtime
    assert not runtime & set(TEST_TOOLS)
    assert set(TEST_TOOLS) <= development
