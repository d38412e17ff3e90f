"""Date expressions resolved against a fixed publication date (Monday 2022-11-28)."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.analysis import find_dates
from reader.model import precision

MONDAY = dt.date(2022, 11, 28)


def resolve(text: str, reference: dt.date | None = MONDAY) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.date, m.note) for m in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "expression", "date"),
    [
        ("She posted late Sunday.", "late Sunday", "2022-11-27"),
        ("Balenciaga on Monday issued a statement.", "on Monday", "2022-11-28"),
        ("In a statement on Wednesday, he said.", "on Wednesday", "2022-11-23"),
        ("The finale aired Thursday night.", "Thursday night", "2022-11-24"),
        ("They meet next Monday.", "next Monday", "2022-12-05"),
        ("They met last Monday.", "last Monday", "2022-11-21"),
        ("It happened yesterday.", "yesterday", "2022-11-27"),
        ("It happens today.", "today", "2022-11-28"),
        ("Balenciaga cut ties with him last month.", "last month", "2022-10"),
        ("It was agreed earlier this year.", "earlier this year", "2022"),
        ("He left last year.", "last year", "2021"),
        ("during this year’s Paris Fashion Week", "this year’s", "2022"),
        ("The show took place in July.", "in July", "2022-07"),
        ("It closes in December.", "in December", "2022-12"),
        ("It opened in February.", "in February", "2022-02"),
        ("It was in 2021.", "2021", "2021"),
        ("the Met Gala 2021 attire", "2021", "2021"),
        ("She spoke on November 27.", "November 27", "2022-11-27"),
        ("Monday, November 28", "Monday, November 28", "2022-11-28"),
        ("It was Nov. 27, 2022.", "Nov. 27, 2022", "2022-11-27"),
        ("On 27 November 2022 she", "27 November 2022", "2022-11-27"),
        ("published 2022-11-28 at noon", "2022-11-28", "2022-11-28"),
        ("It was in May 2021.", "May 2021", "2021-05"),
        ("They launch in spring 2023.", "spring 2023", "2023"),
        ("It opened two days ago.", "two days ago", "2022-11-26"),
        ("comes days after the brand pulled it", "days after", "2022-11"),
    ],
)
def test_expression_resolves_against_the_publication_date(
    text: str, expression: str, date: str
) -> None:
    assert (expression, date) in [(e, d) for e, d, _ in resolve(text)]


@pytest.mark.parametrize(
    ("text", "date"),
    [("pulled it last week", "2022-11-21"), ("announced it this week", "2022-11-28")],
)
def test_a_week_is_its_monday_and_says_so(text: str, date: str) -> None:
    [(_, resolved, note)] = resolve(text)
    assert (resolved, note) == (date, "week of")


def test_a_count_after_a_date_counts_back_from_it() -> None:
    text = "She spoke on Monday, November 28 — one day after Kim broke her silence."
    mentions = find_dates(text, MONDAY)
    assert [m.date for m in mentions] == ["2022-11-28", "2022-11-27"]
    assert mentions[1].forward


@pytest.mark.parametrize(
    "text",
    [
        "The reality star, 42, took to social media.",
        "her 74.2 million Twitter followers",
        "generated $935,000 in media impact value and 2.5 million likes",
        "a 10-year project called Toy Stories",
        "the brand’s spring 2023 show during Paris Fashion Week",
        "The second campaign for Spring 2023, which was meant",
        "Balenciaga’s fall 2022 ad campaign",
        "You may go now.",
        "for the past few days",
    ],
)
def test_numbers_and_collections_are_not_dates(text: str) -> None:
    assert resolve(text) == []


def test_relative_dates_need_a_reference_but_full_dates_do_not() -> None:
    assert resolve("late Sunday, and on November 27, 2022", None) == [
        ("November 27, 2022", "2022-11-27", "")
    ]


@pytest.mark.parametrize(
    ("date", "expected"), [("2021", "year"), ("2022-07", "month"), ("2022-11-27", "day")]
)
def test_precision_follows_the_date_string(date: str, expected: str) -> None:
    assert precision(date) == expected


def test_a_month_well_after_the_reference_is_last_years() -> None:
    assert resolve("It closed in October.", dt.date(2022, 3, 1)) == [("in October", "2021-10", "")]
