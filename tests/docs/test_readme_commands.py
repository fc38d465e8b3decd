"""The README's shell commands run as written, in bash and in zsh: every URL with a query string
is quoted (zsh stops at an unmatched `?`, both shells fork at `&`), and every recipe answers."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.live_server import LiveServer

README = Path(__file__).resolve().parents[2] / "README.md"
DOCUMENTED_URL = "http://127.0.0.1:8000"
FENCE = re.compile(r"```(?:sh|bash|console)\n(.*?)```", re.DOTALL)
URL = re.compile(r"(.)(https?://[^\s'\"]+)")
SHELLS = ("bash", "zsh")


def shell_lines() -> list[str]:
    lines = []
    for block in FENCE.findall(README.read_text("utf-8")):
        for line in block.splitlines():
            command = line.strip()
            if command and not command.startswith("#"):
                lines.append(command)
    return lines


def recipes() -> list[str]:
    section = README.read_text("utf-8").split("### Recipes", 1)[1].split("\n## ", 1)[0]
    return [
        line.split("#")[0].strip()
        for block in FENCE.findall(section)
        for line in block.splitlines()
        if line.startswith("curl ")
    ]


def test_every_url_with_a_query_string_is_quoted() -> None:
    unquoted = [
        line
        for line in shell_lines()
        for before, url in URL.findall(line)
        if ("?" in url or "&" in url) and before not in "'\""
    ]
    assert not unquoted, unquoted


def test_the_recipes_cover_what_users_ask() -> None:
    joined = "\n".join(recipes())
    assert "category=tanks" in joined  # a country's tanks over time
    assert "parties=KZ,UZ" in joined  # agreements between two countries
    assert "supplier=RU" in joined  # everything Russia supplied
    assert "format=csv" in joined  # data as CSV


@pytest.mark.parametrize("shell", SHELLS)
def test_each_recipe_runs_as_written(shell: str, live_server: LiveServer, tmp_path: Path) -> None:
    executable = shutil.which(shell)
    assert executable, f"{shell} is not installed (.ci/run installs it)"
    assert recipes()
    for recipe in recipes():
        # As written, against the test server, failing on an HTTP error status.
        command = recipe.replace(DOCUMENTED_URL, live_server.url).replace("curl -s", "curl -sf", 1)
        result = subprocess.run(
            [executable, "-c", command],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, (shell, recipe, result.stderr)
        written = result.stdout or "".join(p.read_text("utf-8") for p in tmp_path.iterdir())
        assert written.strip(), (shell, recipe)
