"""The figures a sentence states, with their offsets."""

from decimal import Decimal

import pytest

from app.drafting.numbers import find_figures


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("fields 1,200 vehicles", "1,200", 1200),
        ("a budget of 36.5 million", "36.5 million", 36_500_000),
        ("some 11.8k troops", "11.8k", 11_800),
        ("$1.2bn", "1.2bn", 1_200_000_000),
        ("1.200.000 people", "1.200.000", 1_200_000),
        ("four hundred and twenty tanks", "four hundred and twenty", 420),
        ("two dozen jets", "two dozen", 24),
        ("half a dozen boats", "half a dozen", 6),
        ("about six point one million", "six point one million", 6_100_000),
        ("thirty-six thousand troops", "thirty-six thousand", 36_000),
    ],
)
def test_quantities_in_digits_and_words(text: str, figure: str, value: int) -> None:
    (found,) = find_figures(text)
    assert text[found.start : found.end] == figure
    assert found.value == Decimal(value)
    assert not found.ordinal


@pytest.mark.parametrize(
    ("text", "value"),
    [("ranking 48th worldwide", 48), ("forty-eighth", 48), ("the second-largest", 2)],
)
def test_ordinals(text: str, value: int) -> None:
    (found,) = find_figures(text)
    assert found.ordinal
    assert found.value == value


def test_designations_hold_no_figures() -> None:
    assert find_figures("Mi-8/17 and MiG-29 helicopters") == []


def test_a_year_looks_like_one_and_a_grouped_number_does_not() -> None:
    year, grouped = find_figures("In 2021 it had 2,021 trucks")
    assert year.looks_like_year
    assert not grouped.looks_like_year
