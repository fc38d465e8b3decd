"""`milcap draft` measured: on the five seed articles against seeds/data/, and on articles
written for these tests (tests/drafting/articles/) against the facts listed beside them."""

from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from tests.drafting.measure import (
    ARTICLES,
    Score,
    facts_of_data_file,
    facts_of_draft,
    facts_of_expectations,
    run_draft,
    score,
    total,
)

MIN_PRECISION = 0.90
MIN_RECALL = 0.80


def _seed_pairs() -> list[tuple[Path, Path]]:
    import yaml

    pairs = []
    for data in sorted((SEEDS_DIR / "data").glob("*.yaml")):
        source = yaml.safe_load(data.read_text(encoding="utf-8"))["source"]
        pairs.append((SEEDS_DIR / "articles" / source["file"], data))
    return pairs


def _measure_seeds() -> list[Score]:
    scores = []
    for article, data in _seed_pairs():
        text = article.read_text(encoding="utf-8")
        found = facts_of_draft(run_draft(article), text)
        scores.append(score(article.name, facts_of_data_file(data), found))
    return scores


def _measure_own() -> list[Score]:
    scores = []
    for expectations in sorted(ARTICLES.glob("*.facts.yaml")):
        article = expectations.with_name(expectations.name.replace(".facts.yaml", ".txt"))
        expected, published_on = facts_of_expectations(expectations)
        text = article.read_text(encoding="utf-8")
        found = facts_of_draft(run_draft(article, published_on), text)
        scores.append(score(article.name, expected, found))
    return scores


def _report(scores: list[Score], overall: Score) -> str:
    lines = [str(s) for s in [*scores, overall]]
    lines += [f"  missed {fact}" for fact in overall.missed]
    lines += [f"  extra {fact}" for fact in overall.extra]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "measure", [_measure_seeds, _measure_own], ids=["seed articles", "own articles"]
)
def test_drafts_find_the_analysts_facts(
    measure: object, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(measure)
    scores: list[Score] = measure()
    overall = total("overall", scores)
    report = _report(scores, overall)
    with capsys.disabled():
        print("\n" + report)
    assert overall.precision >= MIN_PRECISION, report
    assert overall.recall >= MIN_RECALL, report


def test_every_own_article_has_its_facts_listed() -> None:
    articles = {p.stem for p in ARTICLES.glob("*.txt")}
    listed = {p.name.replace(".facts.yaml", "") for p in ARTICLES.glob("*.facts.yaml")}
    assert articles == listed
    assert len(articles) >= 4
