"""Figures that are no country's military fact never become inventory or indicator
candidates: years, page counts, distances, percentages, GDP, "145 countries", ages,
deployments, casualties, wishes and plans."""

from pathlib import Path

import pytest

from app.drafting.draft import draft_article
from tests.conftest import SEEDS_DIR

SENTENCES = [
    "In 2021 Kazakhstan signed 12 agreements.",
    "The Kazakh report runs to 312 pages.",
    "Kazakhstan lies 3,000 kilometres from the nearest ocean.",
    "About 30 percent of Kazakhstan's tanks are unserviceable.",
    "Kazakhstan's GDP of $220 billion grew by 4%.",
    "Global Firepower ranks 145 countries, Kazakhstan among them.",
    "A 55-year-old Kazakh colonel said so.",
    "Kazakhstan sent 300 active troops to Afghanistan.",
    "In Kazakhstan 45 active soldiers were killed.",
    "Kazakhstan needs 500 more tanks, some generals argue.",
    "Kazakhstan plans to buy 30 helicopters by 2026.",
    "Two Kazakh think tanks disagree.",
    "Kazakhstan has 12 tank battalions.",
    "Russia's 201st military base is in Tajikistan.",
    "The region is home to 80 million people.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_distractor_is_no_fact(sentence: str) -> None:
    draft = draft_article(f"A Title\n\n{sentence}\n", published_on=None, seeds_dir=SEEDS_DIR)
    facts = [c for c in draft.candidates if c.kind in {"inventory", "indicator"}]
    assert facts == []


def test_a_fact_beside_a_distractor_is_kept() -> None:
    text = "A Title\n\nKazakhstan, whose GDP is $220 billion, has 300 tanks.\n"
    draft = draft_article(text, published_on=None, seeds_dir=Path(SEEDS_DIR))
    facts = [(c.kind, c.country) for c in draft.candidates if c.kind in {"inventory", "indicator"}]
    assert facts == [("inventory", "KZ")]
