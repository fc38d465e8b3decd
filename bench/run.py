"""The whole benchmark in one command: `python -m bench.run` (see bench/README.md).

Builds (or reuses) the databases, then for each round starts each server alone, checks its
answer, warms it up and loads it with wrk; the order of the servers alternates between
rounds because the machine is noisy. Writes bench/results/latest.md and prints it.
"""

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from app.core.config import PROJECT_ROOT
from bench import wrk
from bench.databases import WORK_DIR, BenchDatabases, prepare
from bench.report import Report, render
from bench.scaled import ENTRIES_PER_COUNTRY, PROBE_COUNTRY
from bench.servers import free_port, serve, worker_rss_kib

BIN = Path(sys.executable).parent
RESULTS = PROJECT_ROOT / "bench" / "results" / "latest.md"
LOG_DIR = WORK_DIR / "logs"
METADATA = PROJECT_ROOT / "bench" / "datasette" / "metadata.yaml"
# The largest page, so the probe's 200 entries come in one response.
INVENTORY_PATH = "/countries/{code}/inventory?limit=500"
DATASETTE_PATH = (
    "/scaled/country_inventory.json?code={code}&_shape=array&_json=equipment&_json=citations"
)
# uvloop, as `milcap serve` runs: see bench/README.md ("Event loop") for the measurements.
DEFAULT_LOOP = "uvloop"


@dataclass(frozen=True)
class ServerSpec:
    name: str
    argv: list[str]
    env: dict[str, str]
    ready_path: str


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    path: str
    unique_query: bool = False  # a fresh query parameter per request: no URL cache can answer
    expected_items: int | None = None


@dataclass
class Options:
    database_url: str | None
    workers: int
    loop: str
    rounds: int
    duration: float
    warmup: float
    only: str
    rebuild: bool
    output: Path
    probe: str = PROBE_COUNTRY
    bodies: dict[str, Any] = field(default_factory=dict)


def targets(probe: str) -> list[Target]:
    inventory = INVENTORY_PATH.format(code=probe)
    return [
        Target("a", "constant JSON, `async def` (framework ceiling)", "/"),
        Target("b", f"milcap {inventory}, seeds, response cache on", inventory),
        Target(
            "c",
            f"milcap {inventory}, scaled, uncached",
            inventory,
            unique_query=True,
            expected_items=ENTRIES_PER_COUNTRY,
        ),
        Target(
            "d",
            "Datasette canned query, scaled",
            DATASETTE_PATH.format(code=probe),
            expected_items=ENTRIES_PER_COUNTRY,
        ),
    ]


def _uvicorn(app: str, port: int, options: Options, *extra: str) -> list[str]:
    argv = [str(BIN / "uvicorn"), app, *extra, "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--no-access-log", "--loop", options.loop]
    if options.workers > 1:
        argv += ["--workers", str(options.workers)]
    return argv


def server_for(key: str, port: int, options: Options, databases: BenchDatabases) -> ServerSpec:
    if key == "a":
        return ServerSpec("constant", _uvicorn("bench.constant_app:app", port, options), {}, "/")
    if key in ("b", "c"):
        url = databases.seed_url if key == "b" else databases.scaled_url
        env = {"DATABASE_URL": url, "RESPONSE_CACHE": "true" if key == "b" else "false"}
        argv = _uvicorn("app.main:create_app", port, options, "--factory")
        return ServerSpec(f"milcap-{key}", argv, env, "/healthz")
    argv = [str(BIN / "datasette"), "serve", "-i", str(databases.scaled_sqlite_path)]
    argv += ["-m", str(METADATA), "--host", "127.0.0.1", "--port", str(port)]
    argv += ["--setting", "default_page_size", "500", "--setting", "max_returned_rows", "1000"]
    return ServerSpec("datasette", argv, {}, "/-/versions.json")


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        status: int = response.status
        return status, response.read()


def check_answer(target: Target, url: str, report: Report, options: Options) -> None:
    """The answer wrk will hammer is the right one: a 200 with the expected items."""
    if target.unique_query:
        url = url.replace("limit=500", "limit=321")  # as the script varies it
    status, body = fetch(url)
    report.response_bytes[target.key] = len(body)
    if status != 200:
        report.checks.append((False, f"({target.key}) answered {status}"))
        return
    document = json.loads(body)
    items = document.get("items") if isinstance(document, dict) else document
    if not isinstance(items, list):
        return  # not a list route (the constant app)
    options.bodies[target.key] = items
    total = document.get("total", len(items)) if isinstance(document, dict) else len(items)
    expected = target.expected_items
    ok = len(items) == total and (expected is None or len(items) == expected)
    wanted = f", {expected} expected" if expected is not None else ""
    report.checks.append(
        (ok, f"({target.key}) {len(items)} items of {total} in one response{wanted}")
    )


def compare_peer(report: Report, options: Options) -> None:
    """(c) and (d) must serve the same data, or comparing their speed means nothing."""
    api, peer = options.bodies.get("c"), options.bodies.get("d")
    if api is None or peer is None:
        return
    if api == peer:
        report.checks.append((True, f"(c) and (d) return the same {len(api)} items, same order"))
        return
    same_set = sorted(api, key=lambda i: str(i.get("id"))) == sorted(
        peer, key=lambda i: str(i.get("id"))
    )
    detail = "same items, different order" if same_set else "different items"
    first = next((i for i, (a, d) in enumerate(zip(api, peer, strict=False)) if a != d), None)
    report.checks.append((same_set, f"(c) and (d) differ: {detail} (first at index {first})"))


def measure(
    target: Target, options: Options, databases: BenchDatabases, report: Report, round_: int
) -> None:
    port = free_port()
    spec = server_for(target.key, port, options, databases)
    print(f"round {round_ + 1}: ({target.key}) {target.label}", flush=True)
    with serve(spec.name, spec.argv, spec.env, port, spec.ready_path, LOG_DIR) as server:
        url = server.url(target.path)
        if round_ == 0:
            check_answer(target, url, report, options)
        wrk.run(url, options.warmup, target.unique_query)
        result = wrk.run(url, options.duration, target.unique_query)
        if target.key == "c":
            report.rss_kib.append(worker_rss_kib(server.pid))
    report.rounds[round_][target.key] = result
    print(
        f"    {result.requests_per_second:,.0f} req/s, p50 {result.p50_ms:.2f} ms, "
        f"p99 {result.p99_ms:.2f} ms" + ("" if result.clean else " (errors)"),
        flush=True,
    )


def _command_output(argv: Sequence[str]) -> str:
    completed = subprocess.run(
        list(argv), capture_output=True, text=True, cwd=PROJECT_ROOT, check=False
    )
    return completed.stdout.strip()


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _load_average() -> str:
    """1, 5 and 15 minute load: above the CPU count, something else competed for the CPUs."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def context(options: Options, databases: BenchDatabases) -> list[tuple[str, str]]:
    commit = _command_output(["git", "rev-parse", "--short", "HEAD"])
    dirty = _command_output(["git", "status", "--porcelain", "--untracked-files=no"])
    backend = "PostgreSQL" if databases.scaled_url.startswith("postgresql") else "SQLite"
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("commit", commit + (" (uncommitted changes)" if dirty else "")),
        ("machine", f"{os.cpu_count()} CPUs (nproc), {_cpu_model()}"),
        ("load average before", _load_average()),
        ("python", platform.python_version()),
        ("versions", f"uvicorn {version('uvicorn')}, datasette {version('datasette')}"),
        (
            "servers",
            f"uvicorn, {options.workers} worker(s), --loop {options.loop}, --no-access-log; "
            "Datasette: `datasette serve -i` (one process, its own uvicorn defaults)",
        ),
        ("milcap database", f"{backend} (Datasette always reads the SQLite scaled file)"),
        (
            "scaled data",
            f"249 countries x {ENTRIES_PER_COUNTRY} inventory entries, 2,000 equipment models, "
            f"5,000 sources, one citation per synthetic entry; probe country {options.probe}",
        ),
        (
            "load",
            f"wrk -t{wrk.THREADS} -c{wrk.CONNECTIONS} -d{options.duration:g}s --latency "
            f"--timeout {wrk.TIMEOUT}, after a {options.warmup:g} s warm-up; "
            f"{options.rounds} rounds, order alternating",
        ),
    ]


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="PostgreSQL URL for milcap's (b), (c), (e), e.g. "
        "postgresql://postgres@127.0.0.1:5432/milcap_bench (dropped and recreated; the name "
        "must contain 'bench'). Default: SQLite files in bench/work/. Env: BENCH_DATABASE_URL",
    )
    parser.add_argument("--workers", type=int, default=1, help="uvicorn workers (default 1)")
    parser.add_argument(
        "--loop", choices=("auto", "asyncio", "uvloop"), default=DEFAULT_LOOP, help="uvicorn loop"
    )
    parser.add_argument("--rounds", type=int, default=2, help="rounds, order alternating")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per run")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up load")
    parser.add_argument("--only", default="abcd", help="measurements to take, e.g. `bc`")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the databases")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the report")
    args = parser.parse_args(argv)
    if args.database_url and not args.database_url.startswith("postgresql"):
        parser.error("--database-url must be a postgresql:// URL (SQLite is the default)")
    return Options(
        database_url=args.database_url,
        workers=args.workers,
        loop=args.loop,
        rounds=args.rounds,
        duration=args.duration,
        warmup=args.warmup,
        only=args.only,
        rebuild=args.rebuild,
        output=args.output,
    )


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    # Unwind on SIGTERM and SIGINT (even when started in the background, where SIGINT is
    # ignored), so every server started so far is stopped by its context manager.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGINT, _exit_on_signal)
    for tool in ("uvicorn", "datasette"):
        if not (BIN / tool).exists():
            print(f"{BIN / tool} is missing: run `make bench` (it installs the bench group)")
            return 2
    started = time.monotonic()
    databases = prepare(options.database_url, options.rebuild, print)
    print(f"databases ready in {time.monotonic() - started:.1f} s", flush=True)
    chosen = [target for target in targets(options.probe) if target.key in options.only]
    report = Report(
        title="milcap read-path benchmark",
        context=context(options, databases),
        labels={target.key: target.label for target in chosen},
    )
    for round_ in range(options.rounds):
        report.rounds.append({})
        order = chosen if round_ % 2 == 0 else list(reversed(chosen))
        for target in order:
            measure(target, options, databases, report, round_)
    compare_peer(report, options)
    report.context.append(("load average after", _load_average()))
    text = render(report)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(text)
    print()
    print(text)
    print(f"written to {options.output}")
    return 0 if all(ok for ok, _ in report.checks) else 1


if __name__ == "__main__":
    sys.exit(main())
