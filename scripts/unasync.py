"""Write the synchronous client from the asynchronous one, as encode/httpcore does.

`app/client/aio.py` is the source: this script rewrites it line by line (`async def` to
`def`, `await` dropped, `AsyncMilcapClient` to `MilcapClient`...), lets ruff fix and format
the result, and writes `app/client/sync.py`. With `--check` it writes nothing and fails when
that file is not what it would write (`make lint` runs it so).
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = Path("app/client/aio.py")
TARGET = Path("app/client/sync.py")
HEADER = f"# Generated from {SOURCE} by scripts/unasync.py: edit that file, then `make format`.\n"
# (pattern, replacement), applied in order to every line; the patterns match whole words.
SUBSTITUTIONS = (
    ("AsyncMilcapClient", "MilcapClient"),
    ("AsyncIterator", "Iterator"),
    (r"Awaitable\[(.+?)\]\]", r"\1]"),
    ("Awaitable, ", ""),
    ("AsyncBaseTransport", "BaseTransport"),
    ("AsyncClient", "Client"),
    ("aclose", "close"),
    ("__aenter__", "__enter__"),
    ("__aexit__", "__exit__"),
    ("import asyncio", "import time"),
    ("asyncio.sleep", "time.sleep"),
    ("async def", "def"),
    ("async with", "with"),
    ("async for", "for"),
    ("await ", ""),
)
COMPILED = [(re.compile(rf"(?<!\w){pattern}"), new) for pattern, new in SUBSTITUTIONS]


def unasync(line: str) -> str:
    for pattern, replacement in COMPILED:
        line = pattern.sub(replacement, line)
    return line


def ruff(*args: str, source: str) -> str:
    """`source` passed through ruff (found beside this Python, else on PATH)."""
    beside = Path(sys.executable).with_name("ruff")
    command = str(beside) if beside.exists() else shutil.which("ruff") or "ruff"
    done = subprocess.run(  # noqa: S603  (a fixed command on our own source)
        [command, *args, "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"ruff {' '.join(args)} failed on the generated client:\n{done.stderr}")
    return done.stdout


def generate() -> str:
    lines = (ROOT / SOURCE).read_text(encoding="utf-8").splitlines(keepends=True)
    code = HEADER + "".join(unasync(line) for line in lines)
    # Dropping `Awaitable` unsorts an import; a sync generator yields `from` its items.
    fixed = ruff("check", "--select", "I,UP028", "--fix", "--unsafe-fixes", "--quiet", source=code)
    return ruff("format", source=fixed)


def main(argv: list[str]) -> int:
    generated, target = generate(), ROOT / TARGET
    if "--check" in argv:
        if not target.exists() or target.read_text(encoding="utf-8") != generated:
            print(f"{TARGET} is stale: run `make format` (scripts/unasync.py)", file=sys.stderr)
            return 1
        return 0
    target.write_text(generated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
