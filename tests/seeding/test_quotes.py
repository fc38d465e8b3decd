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


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "word",
        "  leading and trailing  ",
        "a\u00a0non-breaking\u2003em\x1cseparator\tand\r\nlines",
        "many     spaces\n\n\nand é accents at the end\n",
    ],
)
def test_every_folded_character_maps_back_to_the_character_it_came_from(text: str) -> None:
    folded = FoldedText.of(text)
    assert folded.folded.strip() == fold_whitespace(text)
    assert len(folded.origin) == len(folded.folded)
    for character, origin in zip(folded.folded, folded.origin, strict=True):
        assert character == (" " if text[origin].isspace() else text[origin])
    # A run of whitespace folds to one space, at the run's first character.
    runs = [i for i, c in enumerate(folded.folded) if c == " "]
    assert all(not text[folded.origin[i] - 1].isspace() for i in runs if folded.origin[i] > 0)
