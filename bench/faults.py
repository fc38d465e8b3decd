"""The fault benchmark in one command: `python -m bench.faults` (see bench/README.md, "Faults").

Starts milcap on PostgreSQL (one uvicorn worker, uvloop, no access log, as bench/run.py does)
and measures three faults: tables locked for 10 s under load, a flood of cache-busting
requests, and a database that accepts connections and never answers. Writes
bench/results/faults.md and prints it; the exit status is 1 when a goal is not met.
"""

import argparse
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from statistics import median

import httpx
import psycopg
from sqlalchemy.engine import make_url

from app.core.config import PROJECT_ROOT
from bench import wrk
from bench.databases import SEEDS_DIR, postgres_database
from bench.report import MIB_KIB
from bench.run import BIN, LOG_DIR
from bench.scaled import PROBE_COUNTRY, seed_version
from bench.servers import RunningServer, free_port, serve, worker_rss_kib

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/milcap_bench_faults"
RESULTS = PROJECT_ROOT / "bench" / "results" / "faults.md"
CACHE_BUSTING_SCRIPT = Path(__file__).with_name("cache_busting.lua")

# The deadlines milcap runs with here, in seconds (its settings' defaults, set explicitly).
STATEMENT_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 5.0
SETTINGS = {
    "RESPONSE_CACHE": "true",
    "DB_STATEMENT_TIMEOUT": f"{STATEMENT_TIMEOUT:g}",
    "DB_CONNECT_TIMEOUT": f"{CONNECT_TIMEOUT:g}",
    "DB_POOL_TIMEOUT": f"{POOL_TIMEOUT:g}",
}
# Goals: a late answer is one past its deadline by more than this.
MARGIN = 1.0
LATENCY_GOAL_MS = 50.0
RSS_GOAL_MIB = 250

# 1. The lock: held from LOCK_AT to LOCK_AT + LOCK_HOLD of a LOAD_S run; probes sent PROBE_AFTER
# seconds into it.
CACHED_PATH = f"/countries/{PROBE_COUNTRY}/inventory"
LOCKED_TABLES = "inventory_entry_document, inventory_entry, dataset_release"
LOAD_S, LOCK_AT, LOCK_HOLD, PROBE_AFTER = 20.0, 5.0, 10.0, 0.5
HEALTH_CONNECTIONS = 4
# Unique URLs (the response cache is on): each needs the database, and a locked table.
LOCK_PROBES = (
    f"/countries/{PROBE_COUNTRY}/inventory?limit=499",
    f"/countries/{PROBE_COUNTRY}/inventory?limit=498",
    f"/countries/{PROBE_COUNTRY}/inventory?offset=1",
    "/agreements?year=1994",
)
# 2. The flood.
FLOOD_REQUESTS = 300_000
FLOOD_RUN_S = 10.0
FLOOD_MAX_S = 1200.0
RSS_EVERY_S = 0.5
RSS_AFTER_S = 5.0
# 3. The silent database.
SILENT_PROBES = ("/countries", "/agreements", f"/countries/{PROBE_COUNTRY}/inventory")
HEALTH_SAMPLES = 5
REQUEST_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class Answer:
    path: str
    status: int | None  # None: no answer within REQUEST_TIMEOUT_S, or the connection failed
    retry_after: str | None
    seconds: float
    sent_at: float = 0.0  # seconds since the measurement began
    error: str | None = None

    def unavailable_within(self, limit: float) -> bool:
        """A 503 that tells the client when to retry, within `limit` seconds."""
        return self.status == 503 and bool(self.retry_after) and self.seconds <= limit


@dataclass
class Goal:
    name: str
    target: str
    measured: str
    met: bool


@dataclass
class Faults:
    context: list[tuple[str, str]]
    sections: list[list[str]] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)


def get(base_url: str, path: str, started: float = 0.0) -> Answer:
    """GET `path` on a new connection, timed from sending to the whole answer."""
    # The client is made before the clock starts: making one costs tens of milliseconds.
    with httpx.Client(base_url=base_url, timeout=REQUEST_TIMEOUT_S, trust_env=False) as client:
        begun = time.monotonic()
        try:
            response = client.get(path)
        except httpx.HTTPError as error:
            seconds = time.monotonic() - begun
            return Answer(path, None, None, seconds, begun - started, type(error).__name__)
        seconds = time.monotonic() - begun
    return Answer(
        path, response.status_code, response.headers.get("retry-after"), seconds, begun - started
    )


def get_all(base_url: str, paths: Sequence[str], started: float = 0.0) -> list[Answer]:
    """The paths requested at once, each on its own connection."""
    with ThreadPoolExecutor(len(paths)) as pool:
        return list(pool.map(lambda path: get(base_url, path, started), paths))


@contextmanager
def milcap(name: str, database_url: str) -> Iterator[RunningServer]:
    """milcap with `milcap serve`'s settings (one worker, uvloop), as bench/run.py starts it."""
    port = free_port()
    argv = [str(BIN / "uvicorn"), "app.main:create_app", "--factory", "--host", "127.0.0.1"]
    argv += ["--port", str(port), "--no-access-log", "--loop", "uvloop"]
    env = {"DATABASE_URL": database_url, **SETTINGS}
    with serve(name, argv, env, port, "/healthz", LOG_DIR) as server:
        yield server


def rss_kib(pid: int) -> int:
    return max(worker_rss_kib(pid))


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [_row(header), "|" + " --- |" * len(header), *(_row(row) for row in rows)]


def _status(answer: Answer) -> str:
    if answer.status is None:
        return f"no answer ({answer.error})"
    return str(answer.status) + (
        f", Retry-After {answer.retry_after}" if answer.retry_after else ""
    )


def _duration(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 1 else f"{seconds * 1000:.1f} ms"


def _answer_row(label: str, answer: Answer) -> tuple[str, str, str, str]:
    return (label, f"{answer.sent_at:.1f} s", _status(answer), _duration(answer.seconds))


def _answers(answers: Sequence[Answer]) -> str:
    """`503 x3, 200 x1; slowest 5.01 s`"""
    counts: dict[str, int] = {}
    for answer in answers:
        key = str(answer.status) if answer.status is not None else "none"
        counts[key] = counts.get(key, 0) + 1
    statuses = ", ".join(f"{status} x{count}" for status, count in counts.items())
    return f"{statuses}; slowest {max(a.seconds for a in answers):.2f} s"


def _wrk_row(label: str, result: wrk.WrkResult) -> list[object]:
    errors = [f"{result.non_2xx:,} non-2xx"] if result.non_2xx else []
    errors += [f"socket errors: {result.socket_errors}"] if result.socket_errors else []
    return [
        label,
        f"{result.requests:,}",
        f"{result.requests_per_second:,.0f}",
        f"{result.p50_ms:.2f}",
        f"{result.p90_ms:.2f}",
        f"{result.p99_ms:.2f}",
        ", ".join(errors) or "none",
    ]


WRK_HEADER = ("load", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "errors")
Section = tuple[list[str], list[Goal]]


def hold_lock(
    database_url: str, base_url: str, started: float
) -> tuple[float, float, list[Answer]]:
    """At LOCK_AT, lock the tables for LOCK_HOLD seconds; meanwhile, request LOCK_PROBES."""
    time.sleep(max(0.0, started + LOCK_AT - time.monotonic()))
    with psycopg.connect(database_url) as connection, ThreadPoolExecutor(1) as pool:
        connection.execute(
            "LOCK TABLE inventory_entry_document, inventory_entry, dataset_release"
            " IN ACCESS EXCLUSIVE MODE"
        )
        locked_at = time.monotonic()
        time.sleep(PROBE_AFTER)
        probes = pool.submit(get_all, base_url, LOCK_PROBES, started)
        time.sleep(max(0.0, locked_at + LOCK_HOLD - time.monotonic()))
        connection.rollback()
        released_at = time.monotonic()
        return locked_at - started, released_at - started, probes.result()


def locked_tables(database_url: str) -> Section:
    """1. The inventory's tables locked for LOCK_HOLD seconds, under load."""
    with milcap("faults-lock", database_url) as server:
        warm = [get(server.base_url, CACHED_PATH) for _ in range(2)]
        wrk.run(server.url(CACHED_PATH), 2)
        started = time.monotonic()
        with ThreadPoolExecutor(2) as pool:
            cached_load = pool.submit(wrk.run, server.url(CACHED_PATH), LOAD_S)
            health_load = pool.submit(
                wrk.run, server.url("/healthz"), LOAD_S, connections=HEALTH_CONNECTIONS, threads=1
            )
            locked_at, released_at, probes = hold_lock(database_url, server.base_url, started)
            cached, health = cached_load.result(), health_load.result()
        after = get_all(server.base_url, LOCK_PROBES)
    deadline = STATEMENT_TIMEOUT + MARGIN
    lines = [
        "## 1. Tables locked for 10 s under load",
        "",
        f"`LOCK TABLE {LOCKED_TABLES} IN ACCESS EXCLUSIVE MODE`, from another connection, held "
        f"from {locked_at:.1f} s to {released_at:.1f} s of {LOAD_S:g} s of load. "
        f"The cached route was warmed first ({', '.join(_status(a) for a in warm)}).",
        "",
        *_table(
            WRK_HEADER,
            [
                _wrk_row(f"`{CACHED_PATH}` (cached), wrk -t2 -c32", cached),
                _wrk_row(f"`/healthz`, wrk -t1 -c{HEALTH_CONNECTIONS}", health),
            ],
        ),
        "",
        "Requests sent together during the lock, each URL new to the response cache:",
        "",
        *_table(
            ("request", "sent at", "answer", "answered in", "same URL after the lock"),
            [
                (*_answer_row(f"`{p.path}`", p), f"{_status(a)} in {_duration(a.seconds)}")
                for p, a in zip(probes, after, strict=True)
            ],
        ),
    ]
    goals = [
        Goal(
            "1. p99 of `/healthz` over the run",
            f"< {LATENCY_GOAL_MS:g} ms",
            f"{health.p99_ms:.2f} ms",
            health.p99_ms < LATENCY_GOAL_MS and health.clean,
        ),
        Goal(
            "1. p99 of the cached route over the run",
            f"< {LATENCY_GOAL_MS:g} ms",
            f"{cached.p99_ms:.2f} ms",
            cached.p99_ms < LATENCY_GOAL_MS and cached.clean,
        ),
        Goal(
            "1. requests needing a locked table: 503 with Retry-After",
            f"each within {deadline:g} s",
            _answers(probes),
            all(probe.unavailable_within(deadline) for probe in probes),
        ),
        Goal(
            "1. the same URLs once the lock is released",
            "200",
            _answers(after),
            all(answer.status == 200 for answer in after),
        ),
    ]
    return lines, goals


def _sample_rss(pid: int, samples: list[int], stop: threading.Event) -> None:
    while not stop.wait(RSS_EVERY_S):
        samples.append(rss_kib(pid))


@dataclass(frozen=True)
class Flood:
    runs: list[wrk.WrkResult]
    seconds: float

    @property
    def requests(self) -> int:
        return sum(run.requests for run in self.runs)


def flood(base_url: str, requests: int) -> Flood:
    """wrk runs of FLOOD_RUN_S seconds, until `requests` are answered (or FLOOD_MAX_S pass)."""
    runs: list[wrk.WrkResult] = []
    begun = time.monotonic()
    while (done := sum(run.requests for run in runs)) < requests:
        if time.monotonic() - begun > FLOOD_MAX_S or (runs and runs[-1].requests == 0):
            break
        share = -(-(requests - done) // wrk.THREADS)  # each thread's, rounded up
        number = str(len(runs) + 1)
        runs.append(
            wrk.run(
                base_url + "/",
                FLOOD_RUN_S,
                script=CACHE_BUSTING_SCRIPT,
                script_args=[number, str(share)],
            )
        )
    return Flood(runs, time.monotonic() - begun)


def cache_busting(database_url: str, requests: int) -> Section:
    """2. `requests` requests, each with a URL and an Accept header new to the response cache."""
    with milcap("faults-flood", database_url) as server:
        first = get(server.base_url, CACHED_PATH)
        before = rss_kib(server.pid)
        samples: list[int] = []
        stop = threading.Event()
        sampler = threading.Thread(target=_sample_rss, args=(server.pid, samples, stop))
        sampler.start()
        try:
            done = flood(server.base_url, requests)
        finally:
            stop.set()
            sampler.join()
        time.sleep(RSS_AFTER_S)
        after = rss_kib(server.pid)
        last = get(server.base_url, CACHED_PATH)
    during = max(samples, default=before)
    worst = max(during, after) / MIB_KIB
    non_2xx = sum(run.non_2xx for run in done.runs)
    socket_errors = "; ".join(run.socket_errors for run in done.runs if run.socket_errors)
    lines = [
        f"## 2. {requests:,} cache-busting requests",
        "",
        "`bench/cache_busting.lua`: /countries, /agreements, /countries/KZ/inventory and "
        "/equipment at random, each with a unique page (`offset=`) and a random Accept "
        f"header (one in five unique); wrk -t{wrk.THREADS} -c{wrk.CONNECTIONS} in runs of "
        f"{FLOOD_RUN_S:g} s until all are answered. VmRSS of the worker from /proc, every "
        f"{RSS_EVERY_S:g} s during the load and {RSS_AFTER_S:g} s after it.",
        "",
        *_table(
            ("measured", "value"),
            [
                ("requests answered", f"{done.requests:,} in {len(done.runs)} wrk runs"),
                ("time, rate", f"{done.seconds:.0f} s, {done.requests / done.seconds:,.0f} req/s"),
                ("p50, median of the runs", f"{median(r.p50_ms for r in done.runs):.2f} ms"),
                ("p99, worst of the runs", f"{max(r.p99_ms for r in done.runs):.2f} ms"),
                ("non-2xx; socket errors", f"{non_2xx:,}; {socket_errors or 'none'}"),
                ("worker RSS before (after one request)", f"{before / MIB_KIB:.1f} MiB"),
                (f"worker RSS, max during ({len(samples)} samples)", f"{during / MIB_KIB:.1f} MiB"),
                (f"worker RSS {RSS_AFTER_S:g} s after", f"{after / MIB_KIB:.1f} MiB"),
            ],
        ),
        "",
        f"`{CACHED_PATH}` before the load: {_status(first)}; after it: {_status(last)}.",
    ]
    goals = [
        Goal(
            "2. worker RSS during and after the flood",
            f"< {RSS_GOAL_MIB} MiB",
            f"{worst:.1f} MiB after {done.requests:,} requests",
            worst < RSS_GOAL_MIB and done.requests >= requests,
        )
    ]
    return lines, goals


@contextmanager
def silent_database() -> Iterator[int]:
    """A TCP port that accepts connections and never sends a byte: a database that hangs."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    listener.settimeout(0.2)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        acceptor.join()
        for connection in held:
            connection.close()
        listener.close()


def silent() -> Section:
    """3. milcap against a database that accepts connections and never answers."""
    deadline = max(CONNECT_TIMEOUT, POOL_TIMEOUT) + MARGIN
    title = "## 3. A database that never answers"
    with silent_database() as port:
        begun = time.monotonic()
        try:
            with milcap(
                "faults-silent", f"postgresql://postgres@127.0.0.1:{port}/milcap"
            ) as server:
                startup = time.monotonic() - begun
                started = time.monotonic()
                idle = [get(server.base_url, "/healthz", started) for _ in range(HEALTH_SAMPLES)]
                with ThreadPoolExecutor(1) as pool:
                    pending = pool.submit(get_all, server.base_url, SILENT_PROBES, started)
                    waiting = []
                    for _ in range(HEALTH_SAMPLES):
                        time.sleep(0.5)
                        waiting.append(get(server.base_url, "/healthz", started))
                    first = pending.result()
                later = get(server.base_url, SILENT_PROBES[0], started)
        except RuntimeError as error:
            lines = [title, "", f"milcap did not start: {error}"]
            return lines, [Goal("3. milcap starts without its database", "starts", "no", False)]
    probes = [*first, later]
    health = [*idle, *waiting]
    slowest_health_ms = max(a.seconds for a in health) * 1000
    lines = [
        title,
        "",
        f"A TCP listener on 127.0.0.1:{port} that accepts and never replies is milcap's "
        f"`DATABASE_URL`. milcap started: `/healthz` answered {startup:.1f} s after launch.",
        "",
        *_table(
            ("request", "sent at", "answer", "answered in"),
            [
                *(_answer_row("`/healthz`, idle", answer) for answer in idle),
                *(_answer_row(f"`{answer.path}`", answer) for answer in first),
                *(_answer_row("`/healthz`, while those wait", answer) for answer in waiting),
                _answer_row(f"`{later.path}`, once more", later),
            ],
        ),
    ]
    goals = [
        Goal("3. milcap starts without its database", "starts", f"in {startup:.1f} s", True),
        Goal(
            "3. slowest `/healthz`, idle and while requests wait",
            f"< {LATENCY_GOAL_MS:g} ms",
            f"{slowest_health_ms:.1f} ms",
            slowest_health_ms < LATENCY_GOAL_MS and all(a.status == 200 for a in health),
        ),
        Goal(
            "3. requests needing the database: 503 with Retry-After",
            f"each within {deadline:g} s",
            _answers(probes),
            all(probe.unavailable_within(deadline) for probe in probes),
        ),
    ]
    return lines, goals


def _command_output(argv: Sequence[str]) -> str:
    completed = subprocess.run(
        list(argv), capture_output=True, text=True, cwd=PROJECT_ROOT, check=False
    )
    return completed.stdout.strip()


def _load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def context(database_url: str) -> list[tuple[str, str]]:
    commit = _command_output(["git", "rev-parse", "--short", "HEAD"])
    dirty = _command_output(["git", "status", "--porcelain", "--untracked-files=no"])
    settings = ", ".join(f"{name}={value}" for name, value in SETTINGS.items())
    return [
        ("date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("commit", commit + (" (uncommitted changes)" if dirty else "")),
        ("machine", f"{os.cpu_count()} CPUs (nproc)"),
        ("load average before", _load_average()),
        ("server", "uvicorn `app.main:create_app`, 1 worker, --loop uvloop, --no-access-log"),
        ("database", f"PostgreSQL `{make_url(database_url).database}`, seeds only"),
        ("settings", settings + "; the others at their defaults"),
        ("logs", "bench/work/logs/faults-*.log"),
    ]


def render(faults: Faults) -> str:
    lines = ["# milcap fault benchmark", ""]
    lines += [f"- {name}: {value}" for name, value in faults.context]
    for section in faults.sections:
        lines += ["", *section]
    lines += ["", "## Goals", ""]
    goals = [(g.name, g.target, g.measured, "yes" if g.met else "**NO**") for g in faults.goals]
    lines += _table(("goal", "target", "measured", "met"), goals)
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Options:
    database_url: str
    requests: int
    only: str
    rebuild: bool
    output: Path


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_FAULTS_DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"PostgreSQL database to build from the seeds (default {DEFAULT_DATABASE_URL}; "
        "rebuilt when stale, so its name must contain 'bench'). Env: BENCH_FAULTS_DATABASE_URL",
    )
    parser.add_argument(
        "--requests", type=int, default=FLOOD_REQUESTS, help="fault 2's cache-busting requests"
    )
    parser.add_argument("--only", default="123", help="the faults to measure, e.g. `13`")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the database")
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the report")
    args = parser.parse_args(argv)
    if not args.database_url.startswith("postgresql://"):
        parser.error("--database-url must be a postgresql:// URL")
    return Options(args.database_url, args.requests, args.only, args.rebuild, args.output)


def _exit_on_signal(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    # Unwind on SIGTERM and SIGINT, so every server and listener started so far is stopped.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    signal.signal(signal.SIGINT, _exit_on_signal)
    name = make_url(options.database_url).database or "milcap_bench_faults"
    url = postgres_database(
        options.database_url, name, False, seed_version(SEEDS_DIR), options.rebuild, print
    )
    faults = Faults(context(url))
    measurements: dict[str, Callable[[], Section]] = {
        "1": lambda: locked_tables(url),
        "2": lambda: cache_busting(url, options.requests),
        "3": silent,
    }
    for key, measure in measurements.items():
        if key not in options.only:
            continue
        print(f"fault {key}...", flush=True)
        # A server that does not start or dies, wrk failing, the lock not taken: reported.
        try:
            lines, goals = measure()
        except (RuntimeError, OSError, psycopg.Error) as error:
            lines = [f"## {key}. failed", "", f"`{error}`"]
            goals = [Goal(f"{key}. the measurement runs", "runs", "failed", False)]
        faults.sections.append(lines)
        faults.goals += goals
        for goal in goals:
            print(f"    {goal.name}: {goal.measured} ({'met' if goal.met else 'NOT met'})")
    faults.context.append(("load average after", _load_average()))
    text = render(faults)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(text)
    print()
    print(text)
    print(f"written to {options.output}")
    return 0 if all(goal.met for goal in faults.goals) else 1


if __name__ == "__main__":
    sys.exit(main())
