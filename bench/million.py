"""The dataset at scale, through the real loader: `python -m bench.million [--facts N]`.

Generates a seeds directory holding the project's seeds plus N synthetic inventory facts over
every country (an article per country, a data file per country, each fact with one citation
whose quote is verbatim in its article), then measures on the database `--database-url`
names (default: a SQLite file under bench/work; a PostgreSQL database given is emptied):

- the first load (`milcap seed`): wall time and the peak memory of the loader and its
  workers (their Pss summed, so the pages they share count once);
- a second load with 1% of the facts changed (a figure in the article and in the data):
  wall time, change set included;
- `/export?format=ndjson`: time to the first byte, the server's peak memory while it streams,
  and the p99 latency of other requests made meanwhile;
- `/changes?since=` the first release: the first page's time (the server's first answer), then
  the median and slowest of pages at other offsets, 500 changes a page.

The numbers go to stdout; the README's "Scale" section records them.
"""

import argparse
import concurrent.futures
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import get_args

import httpx
import pycountry
import yaml
from sqlalchemy import text

from app.categories.schemas import CategorySlug
from app.core.config import PROJECT_ROOT
from app.core.db import make_engine
from app.core.migrations import upgrade
from bench.servers import free_port

WORK = PROJECT_ROOT / "bench" / "work" / "million"
BIN = Path(sys.executable).parent
CATEGORIES = get_args(CategorySlug)


def sentence(code: str, index: int, quantity: int) -> str:
    return f"Unit {code}-{index} holds {quantity} vehicles."


def quantity_of(index: int, changed: bool) -> int:
    """A fact's figure; a changed one has as many digits, so its sentence keeps its length
    and every other quote of the article its offsets: 1% of figures changed is 1% of facts."""
    quantity = 10 + (index * 7) % 990
    if not changed:
        return quantity
    return quantity + 1 if len(str(quantity + 1)) == len(str(quantity)) else quantity - 1


def generate(root: Path, facts: int, changed_every: int = 0) -> None:
    """The seeds plus `facts` synthetic facts; with `changed_every`, every such fact's figure
    is another (the 1% second load)."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(PROJECT_ROOT / "seeds", root)
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_2)
    per_country = -(-facts // len(countries))
    made = 0
    for number, country in enumerate(countries):
        code = country.alpha_2
        count = min(per_country, facts - made)
        if count <= 0:
            break
        lines, entries = [f"Bench inventory of {country.name}", "", "By Bench Writer", ""], []
        for index in range(count):
            changed = bool(changed_every) and (made + index) % changed_every == 0
            quantity = quantity_of(index, changed)
            text = sentence(code, index, quantity)
            lines.append(text)
            entries.append(
                {
                    "key": f"bench-{code.lower()}-{index}",
                    "country": code,
                    "category": CATEGORIES[index % len(CATEGORIES)],
                    "equipment": None,
                    "quantity": quantity,
                    "as_of": str(1990 + index % 35),
                    "kind": "holding",
                    "citations": [{"quote": text.removesuffix(".")}],
                }
            )
        made += count
        name = f"{900 + number:03d}_bench-{code.lower()}"
        (root / "articles" / f"{name}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        document = {
            "source": {
                "id": f"bench-{code.lower()}",
                "file": f"{name}.txt",
                "title": f"Bench inventory of {country.name}",
                "author": "Bench Writer",
            },
            "inventory": entries,
        }
        with (root / "data" / f"{name}.yaml").open("w", encoding="utf-8") as file:
            yaml.dump(document, file, Dumper=yaml.CSafeDumper, sort_keys=False, width=200)


def _tree(pid: int) -> list[int]:
    """The process and its descendants (the loader plans large datasets in workers)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        tree.append(current)
        waiting += children.get(current, [])
    return tree


def _pss_mib(pids: list[int]) -> float:
    """Memory of the processes, pages they share counted once (Pss, not RSS, summed)."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def load(url: str, root: Path, message: str, log: Path) -> tuple[float, float]:
    """`milcap seed`'s wall time (s) and the peak memory (MiB) of it and its workers; what it
    prints goes to `log`, each line with the seconds since it started."""
    started = time.monotonic()
    loading = subprocess.Popen(
        [str(BIN / "milcap"), "seed", "--seeds-dir", str(root), "--message", message],
        # Unbuffered: each line is timed as it is printed, not when a buffer fills.
        env=os.environ | {"DATABASE_URL": url, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        text=True,
    )

    def record() -> None:
        assert loading.stdout is not None
        with log.open("w", encoding="utf-8") as file:
            for line in iter(loading.stdout.readline, ""):
                file.write(f"{time.monotonic() - started:7.1f} s  {line}")

    recorder = threading.Thread(target=record)
    recorder.start()
    peak = 0.0
    while loading.poll() is None:
        peak = max(peak, _pss_mib(_tree(loading.pid)))
        time.sleep(0.25)
    elapsed = time.monotonic() - started
    recorder.join()
    if loading.returncode:
        raise SystemExit(f"milcap seed failed ({loading.returncode}); see {log}")
    return elapsed, peak


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _timed_changes(client: httpx.Client, since: str, offset: int) -> tuple[float, httpx.Response]:
    """A page of 500 changes since a release, and the seconds it took."""
    started = time.monotonic()
    page = client.get("/changes", params={"since": since, "limit": 500, "offset": offset})
    elapsed = time.monotonic() - started
    assert page.status_code == 200, page.text
    return elapsed, page


def serve_and_measure(url: str) -> dict[str, float]:
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "milcap"), "serve", "--port", str(port)],
        env=os.environ | {"DATABASE_URL": url, "LOG_LEVEL": "warning"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{base}/readyz").status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        releases = httpx.get(f"{base}/releases").json()["items"]
        first = releases[-1]["version"]
        # One client, as one paging through the feed keeps its connection (a new httpx
        # client per request would add its own set-up, 15 ms, to every page).
        with httpx.Client(base_url=base) as client:
            changes_first, changes = _timed_changes(client, first, 0)
            total = changes.json()["total"]
            # Then pages the response cache has not seen (each at another offset), once the
            # server has answered a first request: what a client paging the feed waits.
            pages = [_timed_changes(client, first, at)[0] for at in range(500, total, 1000)]
        latencies: list[float] = []
        streaming = True

        def others() -> None:
            with httpx.Client() as client:
                while streaming:
                    began = time.monotonic()
                    client.get(f"{base}/countries/KZ")
                    latencies.append(time.monotonic() - began)

        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            with httpx.stream("GET", f"{base}/export", params={"format": "ndjson"}) as stream:
                started = time.monotonic()
                chunks = stream.iter_raw()
                next(chunks)
                first_byte = time.monotonic() - started
                pending = pool.submit(others)
                size = sum(len(chunk) for chunk in chunks)
            whole = time.monotonic() - started
            streaming = False
            pending.result()
        return {
            "changes_first_page_s": changes_first,
            "changes_page_median_s": statistics.median(pages) if pages else float("nan"),
            "changes_page_max_s": max(pages, default=float("nan")),
            "changes_total": float(total),
            "export_first_byte_s": first_byte,
            "export_s": whole,
            "export_mib": size / 2**20,
            "server_peak_rss_mib": peak_rss_mib(server.pid),
            "others_p99_ms": 1000 * statistics.quantiles(latencies, n=100)[98]
            if len(latencies) >= 2
            else float("nan"),
            "others_requests": float(len(latencies)),
        }
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=f"sqlite:///{WORK / 'million.sqlite3'}")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    url = args.database_url
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:  # the benchmark's own database, emptied: every run starts from no data
        with make_engine(url).begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    upgrade(url)
    root = WORK / "seeds"
    started = time.monotonic()
    generate(root, args.facts)
    print(f"generated {args.facts:,} facts in {time.monotonic() - started:.0f} s")
    first = load(url, root, "bench: first load", WORK / "first-load.log")
    print(f"first load: {first[0]:.0f} s, peak {first[1]:.0f} MiB")
    generate(root, args.facts, changed_every=100)
    second = load(url, root, "bench: 1% changed", WORK / "second-load.log")
    print(f"second load (1% changed): {second[0]:.0f} s, peak {second[1]:.0f} MiB")
    for name, value in serve_and_measure(url).items():
        print(f"{name}: {value:.3f}")


if __name__ == "__main__":
    main()
