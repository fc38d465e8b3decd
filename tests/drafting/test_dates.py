"""Printed and relative dates, resolved against the article's date with a note."""

from datetime import date

from app.drafting.dates import find_dates
from app.drafting.header import read_header

FRIDAY = date(2021, 11, 12)


def test_relative_dates_resolve_against_the_article_date_and_say_how() -> None:
    text = "Held on Wednesday, after the takeover this August; last year; Monday, September 4."
    found = {text[d.start : d.end]: d for d in find_dates(text, FRIDAY)}
    assert found["on Wednesday"].iso == "2021-11-10"
    assert found["this August"].iso == "2021-08"
    assert found["last year"].iso == "2020"
    assert found["Monday, September 4"].iso == "2021-09-04"
    assert "2021-11-12, a Friday" in (found["on Wednesday"].note or "")


def test_a_printed_dateline_is_the_byline_date_not_the_page_update() -> None:
    header = read_header(
        "Last update: April 24, 2024 01:08\n\nA Title of Some Length Here\n\n"
        "By Vusala Abbasova November 12, 2021\n\nBody.\n"
    )
    assert header.title == "A Title of Some Length Here"
    assert header.author == "Vusala Abbasova"
    assert header.published_on == FRIDAY
