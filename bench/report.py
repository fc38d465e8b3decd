"""The benchmark's report: one markdown document with the measurements, the goals and checks."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from statistics import median

from bench.wrk import WrkResult

MIB_KIB = 1024


@dataclass(frozen=True)
class Goal:
    name: str
    threshold: str
    value: Callable[[dict[str, WrkResult]], float]
    passes: Callable[[float], bool]
    unit: str = ""


# The goals the API is held to, each a ratio of two measurements of the same round.
GOALS = (
    Goal(
        "(b)/(a) req/s: cached milcap vs the framework ceiling",
        ">= 0.80",
        lambda r: r["b"].requests_per_second / r["a"].requests_per_second,
        lambda v: v >= 0.80,
    ),
    Goal(
        "p99 (b) / p99 (a)",
        "<= 1.5",
        lambda r: r["b"].p99_ms / r["a"].p99_ms,
        lambda v: v <= 1.5,
    ),
    Goal(
        "(c)/(d) req/s: uncached milcap vs Datasette",
        ">= 5",
        lambda r: r["c"].requests_per_second / r["d"].requests_per_second,
        lambda v: v >= 5,
    ),
)
RSS_LIMIT_MIB = 150


@dataclass
class Report:
    title: str
    context: list[tuple[str, str]]
    labels: dict[str, str]  # measurement key -> what it measures
    rounds: list[dict[str, WrkResult]] = field(default_factory=list)
    rss_kib: list[list[int]] = field(default_factory=list)  # per round, per worker
    response_bytes: dict[str, int] = field(default_factory=dict)
    checks: list[tuple[bool, str]] = field(default_factory=list)

    def medians(self) -> dict[str, WrkResult]:
        keys = [key for key in self.labels if all(key in r for r in self.rounds)]
        return {key: _median_result([r[key] for r in self.rounds]) for key in keys}


def _median_result(results: Sequence[WrkResult]) -> WrkResult:
    return WrkResult(
        requests_per_second=median(r.requests_per_second for r in results),
        p50_ms=median(r.p50_ms for r in results),
        p75_ms=median(r.p75_ms for r in results),
        p90_ms=median(r.p90_ms for r in results),
        p99_ms=median(r.p99_ms for r in results),
        requests=int(median(r.requests for r in results)),
        non_2xx=sum(r.non_2xx for r in results),
        socket_errors="; ".join(r.socket_errors for r in results if r.socket_errors) or None,
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}"


def _size(size: int | None) -> str:
    if size is None:
        return ""
    return f"{size / 1000:,.1f} kB" if size >= 1000 else f"{size} B"


def _errors(result: WrkResult) -> str:
    parts = []
    if result.non_2xx:
        parts.append(f"{result.non_2xx} non-2xx")
    if result.socket_errors:
        parts.append(f"socket errors: {result.socket_errors}")
    return ", ".join(parts) or "none"


def _measurements_table(report: Report) -> list[str]:
    rounds = range(1, len(report.rounds) + 1)
    header = ["measurement", *(f"req/s r{n}" for n in rounds), "req/s median"]
    header += ["p50 ms", *(f"p99 ms r{n}" for n in rounds), "p99 ms median", "body", "errors"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    medians = report.medians()
    for key, label in report.labels.items():
        if key not in medians:
            continue
        per_round = [r[key] for r in report.rounds]
        middle = medians[key]
        size = report.response_bytes.get(key)
        cells = [f"({key}) {label}", *(_number(r.requests_per_second) for r in per_round)]
        cells += [f"**{_number(middle.requests_per_second)}**", _number(middle.p50_ms)]
        cells += [*(_number(r.p99_ms) for r in per_round), f"**{_number(middle.p99_ms)}**"]
        cells += [_size(size), _errors(middle)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _goals_table(report: Report) -> list[str]:
    rounds = range(1, len(report.rounds) + 1)
    header = ["goal", "target", *(f"round {n}" for n in rounds), "median", "met"]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    medians = report.medians()
    for goal in GOALS:
        try:
            per_round = [goal.value(r) for r in report.rounds]
            middle = goal.value(medians)
        except (KeyError, ZeroDivisionError):
            continue  # a measurement it needs was not taken
        cells = [goal.name, goal.threshold, *(f"{v:.2f}" for v in per_round), f"**{middle:.2f}**"]
        lines.append("| " + " | ".join([*cells, _met(goal.passes(middle))]) + " |")
    if report.rss_kib:
        per_round_mib = [max(workers) / MIB_KIB for workers in report.rss_kib]
        worst = max(per_round_mib)
        cells = ["(e) RSS of a milcap worker after (c), MiB", f"< {RSS_LIMIT_MIB}"]
        cells += [f"{v:.1f}" for v in per_round_mib]
        cells += [f"**{worst:.1f}** (max)", _met(worst < RSS_LIMIT_MIB)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _met(passed: bool) -> str:
    return "yes" if passed else "**NO**"


def render(report: Report) -> str:
    lines = [f"# {report.title}", ""]
    lines += [f"- {name}: {value}" for name, value in report.context]
    lines += ["", "## Measurements", "", *_measurements_table(report)]
    lines += ["", "## Goals (ratios within a round; median = ratio of the medians)", ""]
    lines += _goals_table(report)
    if report.checks:
        lines += ["", "## Checks", ""]
        lines += [f"- {'ok' if ok else 'FAILED'}: {text}" for ok, text in report.checks]
    return "\n".join(lines) + "\n"
