"""What every candidate of every draft holds to, whatever the article."""

from pathlib import Path

import pytest

from tests.conftest import SEEDS_DIR
from tests.drafting.measure import ARTICLES, run_draft

ALL_ARTICLES = sorted([*ARTICLES.glob("*.txt"), *(SEEDS_DIR / "articles").glob("*.txt")])


@pytest.mark.parametrize("article", ALL_ARTICLES, ids=[a.name for a in ALL_ARTICLES])
def test_every_quote_is_verbatim_at_its_offsets_and_scored(article: Path) -> None:
    text = article.read_text(encoding="utf-8")
    draft = run_draft(article, "2024-05-15")
    scores = [candidate["score"] for candidate in draft["candidates"]]
    assert scores == sorted(scores, reverse=True)  # best first
    for candidate in draft["candidates"]:
        assert text[candidate["start"] : candidate["end"]] == candidate["quote"]
        assert candidate["quote"].strip() == candidate["quote"]
        assert 0 <= candidate["score"] <= 1
        assert candidate["stance"] in {"stated", "hedged", "opinion", "planned"}
        assert (candidate["stance"] == "hedged") <= (candidate["hedge"] is not None)
        assert "attributed_to" in candidate


def test_the_source_is_read_from_the_header() -> None:
    draft = run_draft(SEEDS_DIR / "articles" / "000_e261da40276b49d9.txt")
    assert draft["source"] == {
        "title": "Kazakhstan Pledges Military Aid to Central Asian Allies Amid Threats "
        "Emanating from Afghanistan",
        "author": "Vusala Abbasova",
        "published_on": "2021-11-12",
        "publisher": None,
    }


def test_a_value_the_sentence_does_not_state_stays_null() -> None:
    draft = run_draft(SEEDS_DIR / "articles" / "000_e261da40276b49d9.txt")
    mig = next(
        c for c in draft["candidates"] if c["kind"] == "inventory" and c["equipment"] == "mig-29"
    )
    assert mig["quantity"] is None
    assert mig["qualifier"] is None
    ranks = [c for c in draft["candidates"] if c["kind"] == "indicator" and c["country"] == "UZ"]
    assert ranks == []  # "behind Uzbekistan" states no rank of Uzbekistan's


def test_relative_dates_are_resolved_against_published_on_with_a_note() -> None:
    draft = run_draft(ARTICLES / "budget_news.txt", "2024-05-15")
    dated = [c for c in draft["candidates"] if c["kind"] == "event" and c["date"]]
    assert dated
    assert all("2024-05-15" in (c["note"] or "") for c in dated)
