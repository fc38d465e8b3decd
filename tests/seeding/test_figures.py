"""The figures a text states: every notation read as its number, distractors reported too."""

from decimal import Decimal

import pytest

from app.seeding.figures import format_figures, stated_figures


def figures(text: str) -> list[Decimal]:
    return list(stated_figures(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # digits and thousands separators
        ("equipped with 300 tanks", 300),
        ("1,200 armored fighting vehicles", 1200),
        ("1 200 armoured vehicles", 1200),
        ("1\u00a0200 armoured vehicles", 1200),
        ("1\u202f200 armoured vehicles", 1200),
        ("a population of 1.200.000", 1_200_000),
        ("a 7,500-kilometer border", 7500),
        # decimals and scales
        ("36.5 million people", 36_500_000),
        ("slightly more than 19 million, Kazakhstan", 19_000_000),
        ("1.2 billion", 1_200_000_000),
        ("11.8k troops", 11_800),
        ("2bn", 2_000_000_000),
        ("2 bn", 2_000_000_000),
        ("$1.5 mln", 1_500_000),
        ("250 thousand reservists", 250_000),
        # currency notations
        ("$1.5 billion", 1_500_000_000),
        ("US$1.5bn", 1_500_000_000),
        ("€200m", 200_000_000),
        ("£40 million", 40_000_000),
        ("1.2 trillion tenge", 1_200_000_000_000),
        # number words
        ("four hundred and twenty tanks", 420),
        ("twenty-two combat helicopters", 22),
        ("Twenty-Two combat helicopters", 22),
        ("a dozen fighters", 12),
        ("two dozen fighters", 24),
        ("half a dozen fighters", 6),
        ("a hundred soldiers", 100),
        ("one thousand two hundred vehicles", 1200),
        ("nineteen million people", 19_000_000),
        ("three point five million", 3_500_000),
        ("one and a half million", 1_500_000),
        ("signed seven documents", 7),
        ("one regiment", 1),
        # ordinals
        ("Uzbekistan ranking 48th worldwide", 48),
        ("Kazakhstan 55th", 55),
        ("forty-eighth worldwide", 48),
        ("the second-largest military power", 2),
        ("the second largest", 2),
        ("one hundred and twenty-first", 121),
        ("ranked 3rd", 3),
    ],
)
def test_a_notation_is_read_as_its_number(text: str, value: int) -> None:
    assert Decimal(value) in figures(text)


def test_a_scaled_decimal_is_its_exact_value() -> None:
    assert figures("36.5 million") == [Decimal(36_500_000)]
    assert figures("1.1 billion") == [Decimal(1_100_000_000)]  # exact: no float rounding


def test_a_lone_dot_group_is_a_decimal_not_thousands() -> None:
    assert figures("1.200 km") == [Decimal("1.2")]
    assert figures("36.5 percent") == [Decimal("36.5")]


def test_a_decimal_comma_is_not_read_as_thousands() -> None:
    assert Decimal(15_000) not in figures("1,5 thousand")


def test_numbers_are_reported_in_order_and_once_each() -> None:
    text = "300 tanks, 1,200 armored fighting vehicles, 407 rocket projectors and 300 guns"
    assert figures(text) == [Decimal(300), Decimal(1200), Decimal(407)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # model designations, years and units are figures the text states too
        ("Su-27 and Su-30MK fighters", [27, 30]),
        ("Mi-8/17 helicopters", [8, 17]),
        ("according to Global Firepower’s 2021 rankings", [2021]),
        ("a 30mm cannon", [30]),
        ("the 1990s", [1990]),
        ("the first Central Asia Summit", [1]),
        ("the second-largest military power in the region, behind Uzbekistan", [2]),
        ("no one has repealed the laws", [1]),
        ("the two largest countries", [2]),
        ("six-month missions", [6]),
    ],
)
def test_distractors_are_still_reported_as_numbers(text: str, expected: list[int]) -> None:
    assert figures(text) == [Decimal(value) for value in expected]


def test_an_ambiguous_reading_reports_both() -> None:
    assert set(figures("a 200m runway")) == {Decimal(200), Decimal(200_000_000)}
    assert set(figures("the 15 300-tonne ships")) == {Decimal(15), Decimal(300), Decimal(15300)}


def test_a_year_beside_a_number_is_not_joined_to_it() -> None:
    assert figures("in 2021 300 tanks") == [Decimal(2021), Decimal(300)]


def test_a_text_without_numbers_states_nothing() -> None:
    assert figures("In recent years, Kazakhstan purchased Russian-made") == []
    assert figures("") == []


def test_figures_are_formatted_plainly_for_messages() -> None:
    assert format_figures(stated_figures("36.5 percent of 1,200 and 19 million")) == (
        "36.5, 1200, 19000000"
    )
    assert format_figures(()) == "nothing"
