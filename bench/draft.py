"""How long `milcap draft` takes on a ~1,000-word article once started: `python -m bench.draft`.

The article is seeds/articles/000 and 003 joined (about 1,000 words), so the run needs no
data of its own. Start-up (imports, the lexicons, the equipment catalogue) is timed apart,
then the drafting of the article and the rendering of its YAML and JSON, several times;
the median is the number to compare with the target (under 2 s). The whole command, start-up
included, is timed once as a subprocess.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.core.config import PROJECT_ROOT

SEEDS = PROJECT_ROOT / "seeds"
ARTICLES = ("000_e261da40276b49d9.txt", "003_a0b07c0a3bc0e0ce.txt")
TARGET_SECONDS = 2.0


def article_text() -> str:
    return "\n\n".join((SEEDS / "articles" / name).read_text(encoding="utf-8") for name in ARTICLES)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="drafts to time (default 10)")
    rounds = parser.parse_args().rounds
    text = article_text()

    started = time.perf_counter()
    from app.drafting.data_file import render_data_file
    from app.drafting.draft import draft_article

    draft_article("Warm-up\n\nKazakhstan fields 300 tanks.\n", published_on=None, seeds_dir=SEEDS)
    start_up = time.perf_counter() - started

    timings = []
    candidates = 0
    for _ in range(rounds):
        began = time.perf_counter()
        draft = draft_article(text, published_on=None, seeds_dir=SEEDS)
        render_data_file(draft, article_file="article.txt", source=None, seeds_dir=SEEDS)
        draft.model_dump_json()
        timings.append(time.perf_counter() - began)
        candidates = len(draft.candidates)

    with tempfile.TemporaryDirectory() as directory:
        article = Path(directory) / "article.txt"
        article.write_text(text, encoding="utf-8")
        began = time.perf_counter()
        subprocess.run(
            [
                str(Path(sys.executable).parent / "milcap"),
                "draft",
                str(article),
                "--format",
                "json",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        whole_command = time.perf_counter() - began

    median = statistics.median(timings)
    verdict = "meets" if median < TARGET_SECONDS else "misses"
    print(f"article: {len(text.split()):,} words, {candidates} candidates")
    print(f"start-up (imports, lexicons, catalogue): {start_up:.3f} s")
    print(
        f"drafting after start-up, {rounds} rounds: median {median:.3f} s, "
        f"min {min(timings):.3f} s, max {max(timings):.3f} s "
        f"({verdict} the {TARGET_SECONDS:.0f} s target)"
    )
    print(f"`milcap draft --format json`, the whole command: {whole_command:.3f} s")


if __name__ == "__main__":
    main()
