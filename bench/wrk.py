"""Running wrk and reading its report: requests per second, latency percentiles, errors."""

import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

THREADS = 2
CONNECTIONS = 32
# Longer than wrk's 2 s default, so a slow tail is measured as latency, not dropped as errors.
TIMEOUT = "10s"
UNIQUE_QUERY_SCRIPT = Path(__file__).with_name("unique_query.lua")

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_PERCENTILE = re.compile(r"^\s*(50|75|90|99)%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
_RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_TOTAL = re.compile(r"^\s*(\d+) requests in ([\d.]+)(us|ms|s|m|h),", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET_ERRORS = re.compile(r"Socket errors: (.+)")


class WrkError(RuntimeError):
    pass


@dataclass(frozen=True)
class WrkResult:
    requests_per_second: float
    p50_ms: float
    p75_ms: float
    p90_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: str | None

    @property
    def clean(self) -> bool:
        """Every request answered 2xx/3xx, none timed out or failed."""
        return self.non_2xx == 0 and self.socket_errors is None


def parse(output: str) -> WrkResult:
    percentiles = {int(p): float(v) * _UNITS_MS[unit] for p, v, unit in _PERCENTILE.findall(output)}
    rate = _RATE.search(output)
    total = _TOTAL.search(output)
    if rate is None or total is None or len(percentiles) != 4:
        raise WrkError(f"cannot read wrk's report (was --latency given?):\n{output}")
    non_2xx = _NON_2XX.search(output)
    socket_errors = _SOCKET_ERRORS.search(output)
    return WrkResult(
        requests_per_second=float(rate.group(1)),
        p50_ms=percentiles[50],
        p75_ms=percentiles[75],
        p90_ms=percentiles[90],
        p99_ms=percentiles[99],
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket_errors.group(1).strip() if socket_errors else None,
    )


def run(
    url: str,
    duration_s: float,
    unique_query: bool = False,
    *,
    threads: int = THREADS,
    connections: int = CONNECTIONS,
    script: Path | None = None,
    script_args: Sequence[str] = (),
) -> WrkResult:
    """`wrk -t2 -c32 -d<duration> --latency`, optionally making every URL unique (or running
    another Lua `script`, given `script_args`)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise WrkError("wrk is not installed (Debian: apt-get install wrk)")
    argv = [wrk, f"-t{threads}", f"-c{connections}", f"-d{duration_s:g}s", "--latency"]
    argv += ["--timeout", TIMEOUT]
    script = UNIQUE_QUERY_SCRIPT if unique_query else script
    if script is not None:
        argv += ["-s", str(script)]
    argv.append(url)
    if script_args:
        argv += ["--", *script_args]
    completed = subprocess.run(
        argv, capture_output=True, text=True, timeout=duration_s + 60, check=False
    )
    if completed.returncode != 0:
        raise WrkError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse(completed.stdout)
