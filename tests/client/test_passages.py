"""A quote shown inside its sentence, and a quote found again in its article."""

import pytest

from app.client import MilcapClient, find_quote, passage_around
from app.client.passages import MAX_CONTEXT

TEXT = (
    "Staunton, Nov. 17 – The valley is “the Achilles’ heel” of the region. Kazakhstan has "
    "300 tanks, and 22 combat helicopters. It buys from the U.S. Army too.\n\n"
    "A new paragraph starts here."
)


def passage_of(quote: str) -> str:
    start = TEXT.index(quote)
    passage = passage_around(TEXT, start, start + len(quote))
    assert passage.quote == quote
    return f"{passage.before}«{passage.quote}»{passage.after}"


def test_a_quote_is_shown_with_the_rest_of_its_sentence() -> None:
    assert passage_of("300 tanks") == "Kazakhstan has «300 tanks», and 22 combat helicopters."


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert passage_of("The valley") == (
        "Staunton, Nov. 17 – «The valley» is “the Achilles’ heel” of the region."
    )
    assert passage_of("from the") == "It buys «from the» U.S. Army too."


def test_a_quote_that_ends_its_sentence_brings_no_next_sentence() -> None:
    assert (
        passage_of("22 combat helicopters.")
        == "Kazakhstan has 300 tanks, and «22 combat helicopters.»"
    )


def test_a_paragraph_break_ends_a_passage() -> None:
    assert passage_of("A new paragraph") == "«A new paragraph» starts here."


def test_a_sentence_without_end_is_cut_with_an_ellipsis() -> None:
    text = "word " * 500
    passage = passage_around(text, 1000, 1004)
    assert passage.before.startswith("…")
    assert passage.after.endswith("…")
    assert len(passage.text) <= 2 * MAX_CONTEXT + 10


def test_offsets_outside_the_text_are_refused() -> None:
    with pytest.raises(ValueError, match="outside"):
        passage_around("short", 2, 10)


def test_a_quote_is_found_again_with_white_space_and_case_folded() -> None:
    start = TEXT.index("300 tanks")
    assert find_quote(TEXT, "300   tanks,\n and") == (start, start + len("300 tanks, and"))
    assert find_quote(TEXT, "KAZAKHSTAN HAS") == (TEXT.index("Kazakhstan has"), TEXT.index(" 300"))
    assert find_quote(TEXT, "space lasers") is None
    assert find_quote(TEXT, "  ") is None


def test_every_citation_of_the_seeds_sits_inside_its_passage(milcap: MilcapClient) -> None:
    export = milcap.export()
    texts = {source.id: source.text for source in export.sources}
    facts = [*export.indicators, *export.inventory, *export.transfers, *export.agreements]
    facts += [*export.equipment, *export.organizations]
    citations = [citation for fact in facts for citation in fact.citations]
    assert len(citations) > 100
    for citation in citations:
        passage = passage_around(
            texts[citation.source_id], citation.start_offset, citation.end_offset
        )
        assert passage.quote == " ".join(citation.quote.split())
        assert len(passage.text) < 2 * MAX_CONTEXT + len(passage.quote) + 4
