"""The layout every table of the CLI shares, on Rich consoles of a fixed width: a table where
the whole columns fit, one block of labelled lines per row where they do not."""

import io
import sys

import pytest
from rich.cells import cell_len
from rich.console import Console

from app.cli.output import ID, PIPE_WIDTH, Column, Fields, Listing, console

TITLE = "Agreement in the form of an exchange of notes between Kazakhstan and NATO"
LONG_ID = "kz-nato-2011-isaf-exchange-of-notes-agreement"


def drawn(renderable: Listing | Fields, width: int) -> list[str]:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None, highlight=False).print(renderable)
    lines = out.getvalue().splitlines()
    assert max(map(cell_len, lines)) <= width
    return [line.rstrip() for line in lines]


def agreements(*ids: str) -> Listing:
    listing = Listing(Column("Title"), Column("Signed", whole=True), ID, title="Agreements")
    for claim_id in ids:
        listing.add_row(TITLE, "2011-05-18", claim_id)
    return listing


def test_prose_wraps_beside_whole_columns_that_fit() -> None:
    lines = drawn(agreements("kz-nato-2011-isaf-notes"), 60)
    assert lines[0] == "Agreements"
    header = next(line for line in lines if "Title" in line)
    assert header.split() == ["Title", "Signed", "ID"]
    first = next(line for line in lines if line.startswith(" Agreement in"))
    assert first.split()[-2:] == ["2011-05-18", "kz-nato-2011-isaf-notes"]
    assert "NATO" not in first  # the title goes on under itself
    assert any(line.strip().endswith("NATO") for line in lines)


def test_rows_become_blocks_of_labelled_lines_when_whole_columns_cannot_fit() -> None:
    lines = drawn(agreements(LONG_ID, "kz-nato-2011"), 60)
    assert lines[:2] == ["Agreements", ""]
    assert "Signed  2011-05-18" in lines
    assert f"ID      {LONG_ID}" in lines
    assert "ID      kz-nato-2011" in lines
    # The title wraps under itself, beside its label; a blank line ends each block.
    assert lines[2].startswith("Title   Agreement in the form")
    assert lines[3].startswith("        ")
    assert lines.count("") == 3


def test_a_label_goes_above_a_whole_value_too_wide_to_sit_beside_it() -> None:
    facts = Fields()
    facts.add("Dataset version", "a5abc813df5ad24f46b57a8bc961622bb43d", whole=True)
    facts.add("Licence", "CC BY 4.0")
    assert drawn(facts, 80) == [
        "Dataset version  a5abc813df5ad24f46b57a8bc961622bb43d",
        "Licence          CC BY 4.0",
    ]
    assert drawn(facts, 40) == [
        "Dataset version",
        "  a5abc813df5ad24f46b57a8bc961622bb43d",
        "Licence",
        "  CC BY 4.0",
    ]


def test_a_title_longer_than_its_table_is_not_wrapped_to_it() -> None:
    listing = Listing(Column("Code", whole=True), title="Every ISO 3166-1 country, by code")
    listing.add_row("KZ")
    assert drawn(listing, 200)[0] == "Every ISO 3166-1 country, by code"


def test_a_pipe_is_unbounded_unless_columns_says_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "stdout", io.StringIO())  # not a terminal
    monkeypatch.delenv("COLUMNS", raising=False)
    assert console().width == PIPE_WIDTH
    monkeypatch.setenv("COLUMNS", "100")
    assert console().width == 100
