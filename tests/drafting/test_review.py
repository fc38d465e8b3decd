"""The review flow: a draft is refused by the loader while an entry is `review: pending`,
naming file, entry and line; reviewed (marks accepted or deleted), it loads."""

import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from app.cli import cli
from app.seeding.files import ArticleFile
from app.seeding.loader import load_seeds
from app.seeding.plan import check_seeds
from app.seeding.reading import SeedError
from tests.conftest import SEEDS_DIR, quiet
from tests.drafting.measure import ARTICLES

ARTICLE = ARTICLES / "budget_news.txt"
DRAFT = "data/005_budget-news.yaml"


def _draft_into(seeds: Path) -> Path:
    (seeds / "articles" / ARTICLE.name).write_text(ARTICLE.read_text(encoding="utf-8"))
    target = seeds / DRAFT
    result = CliRunner().invoke(
        cli, ["draft", str(ARTICLE), "--published-on", "2024-05-15", "--out", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


def test_the_loader_refuses_a_draft_still_pending_naming_file_entry_and_line(
    seeds_copy: Path,
) -> None:
    draft = _draft_into(seeds_copy)
    lines = draft.read_text(encoding="utf-8").splitlines()
    first_pending = next(n for n, line in enumerate(lines, 1) if line.endswith("review: pending"))
    with pytest.raises(SeedError) as refused:
        check_seeds(seeds_copy)
    message = str(refused.value)
    assert "\n" not in message  # one clear line
    assert f"{DRAFT}: line {first_pending}: " in message
    assert re.search(
        r"(people|organizations|equipment|inventory|indicators)\[[a-z0-9-]+\]", message
    )
    assert "review: pending" in message


def test_an_entry_marked_otherwise_is_refused_too(seeds_copy: Path) -> None:
    draft = _draft_into(seeds_copy)
    draft.write_text(draft.read_text().replace("- review: pending", "- review: maybe", 1))
    with pytest.raises(SeedError, match="review: maybe"):
        check_seeds(seeds_copy)


def test_a_reviewed_draft_loads(seeds_copy: Path, empty_engine: Engine) -> None:
    draft = _draft_into(seeds_copy)
    reviewed = draft.read_text(encoding="utf-8").replace("review: pending", "review: accepted")
    # A reviewer may delete the mark instead of accepting: both load.
    reviewed = reviewed.replace("- review: accepted\n    key: kg-active", "- key: kg-active", 1)
    draft.write_text(reviewed, encoding="utf-8")
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    with empty_engine.connect() as connection:
        budgets = connection.execute(
            text("SELECT value FROM country_indicator WHERE key = 'kg-defence-budget-2024-05-15'")
        ).scalar_one()
    assert budgets == 16_500_000_000


def test_curated_files_without_marks_are_untouched(seeds_copy: Path) -> None:
    check_seeds(seeds_copy)  # no mark needed: no SeedError


@pytest.mark.parametrize(
    "article",
    sorted([*ARTICLES.glob("*.txt"), *(SEEDS_DIR / "articles").glob("*.txt")]),
    ids=lambda path: path.name,
)
def test_every_draft_is_a_data_file_once_accepted(article: Path) -> None:
    draft = CliRunner().invoke(cli, ["draft", str(article), "--published-on", "2024-05-15"])
    assert draft.exit_code == 0, draft.output
    document = yaml.safe_load(draft.stdout.replace("review: pending", "review: accepted"))
    ArticleFile.model_validate(_without_review(document))


def _without_review(document: object) -> object:
    if isinstance(document, dict):
        return {k: _without_review(v) for k, v in document.items() if k != "review"}
    if isinstance(document, list):
        return [_without_review(item) for item in document]
    return document
