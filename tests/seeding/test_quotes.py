"""Quote verification folds whitespace but nothing else, and finds the quote's real offsets."""

import pytest

from app.seeding.quotes import FoldedText, QuoteNotFound, fold_whitespace, locate_quote


def test_quote_spanning_a_line_break_is_found_at_its_original_offsets() -> None:
    text = "Intro.\n\n  Kazakhstan’s army is\n   equipped with 300 tanks.  "
    start, end = locate_quote(FoldedText.of(text), "army is equipped with 300 tanks")
    assert text[start:end] == "army is\n   equipped with 300 tanks"
    assert fold_whitespace(text[start:end]) == "army is equipped with 300 tanks"


def test_a_changed_character_is_not_folded_away() -> None:
    text = "Kazakhstan’s army"
    with pytest.raises(QuoteNotFound):
        locate_quote(FoldedText.of(text), "Kazakhstan's army")  # straight apostrophe


def test_an_empty_quote_is_rejected() -> None:
    with pytest.raises(QuoteNotFound):
        locate_quote(FoldedText.of("text"), "   ")
