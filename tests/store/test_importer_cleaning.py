"""Web-junk removal on small cases: page furniture goes, article content and quotes stay."""

from __future__ import annotations

import datetime as dt

import pytest

from reader.ingest import clean_article


@pytest.mark.parametrize(
    ("raw", "body"),
    [
        ("Head\n\nBody. For more information, we asked X.\n", "Body.\n"),
        (
            'Head\n\nShe said, "For more information, call me.\n',
            'She said, "For more information, call me.\n',
        ),
        ("Head\n\nOops! Something went wrong. Please try again later.\nBody.\n", "Body.\n"),
        ("Head\n\n\n\n\nOne.\n\n\n\nTwo.\n", "One.\n\nTwo.\n"),
        ("Head\n\n   Indented.   \n", "Indented.\n"),
        ('Head\n\n"Most Read"\n', '"Most Read"\n'),
        ("Head\n\nRead more:\nBody.\n", "Body.\n"),
        ("Head\n\nAn intro line here.\n\nNews\n", "An intro line here.\n\nNews\n"),
        ("Head\n\nJane Doe\nJohn Smith/Getty Images\n\nBody.\n", "Body.\n"),
        (
            "Head\n\nThe photo agency Getty Images said it would sue.\n",
            "The photo agency Getty Images said it would sue.\n",
        ),
    ],
)
def test_cleaning_cases(raw: str, body: str) -> None:
    assert clean_article(raw).text == body


@pytest.mark.parametrize(
    "junk",
    [
        "Image copyright Getty Images Image caption The mayor at the bridge on Monday",
        "Image caption The bridge was built in 1890",
        "Media playback is unsupported on your device Media caption The mayor speaks",
        "WATCH: The bridge from the air",
        "PHOTOS: The bridge through the years",
        "Related: Council votes to close the bridge",
        "ALSO:",
        "SEE ALSO: Ten bridges to visit this winter",
        "Advertisement Continue reading the main story",
        "Click to share on Twitter (Opens in new window)",
    ],
)
def test_scraped_text_furniture_goes(junk: str) -> None:
    raw = f"Head\n\nThe council voted.\n{junk}\nThe mayor spoke.\n"
    assert clean_article(raw).text == "The council voted.\nThe mayor spoke.\n"


@pytest.mark.parametrize(
    "kept",
    [
        'Related: "We waited long enough," the mayor said',
        "Image caption “Finally,” says the mayor",
        "Also as part of the deal, the council will pay for a ferry.",
        "Watch the full clip below.",
        "Related: " + "a very long line that goes on " * 10 + "and is a paragraph.",
    ],
)
def test_article_lines_that_look_like_furniture_stay(kept: str) -> None:
    raw = f"Head\n\nThe council voted.\n{kept}\n"
    assert clean_article(raw).text == f"The council voted.\n{kept}\n"


def test_section_labels_only_before_the_headline() -> None:
    cleaned = clean_article("Most Read\n\nNews\n\nA Headline Here\n\nBody text.\n")
    assert cleaned.title == "A Headline Here"
    assert cleaned.text == "Body text.\n"


def test_header_date_and_glued_title() -> None:
    cleaned = clean_article(" date 2022-11-28 A Short Headline\nThe body starts here.\n")
    assert cleaned.date == dt.date(2022, 11, 28)
    assert cleaned.title == "A Short Headline"
    assert cleaned.text == "The body starts here.\n"


def test_a_long_first_line_is_body_not_title() -> None:
    first = "This first line is a whole paragraph of the article, " * 3 + "ending here."
    cleaned = clean_article(f" date 2022-11-28 {first}\n\nMore.\n")
    assert cleaned.title is None
    assert cleaned.text.startswith(first)


def test_title_printed_twice_is_kept_once_as_the_title() -> None:
    cleaned = clean_article("Same Headline\n\nSame Headline\n\nBody.\n")
    assert (cleaned.title, cleaned.text) == ("Same Headline", "Body.\n")


@pytest.mark.parametrize(
    ("raw", "outlet"),
    [
        ("Head\n\nBody.\n\nMore from WWD\n\nMore.\n", "WWD"),
        ("Head\n\nAs OK! previously reported, she spoke.\n", "OK!"),
        ("Head\n\nAs The Daily Mail first reported, she spoke.\n", "The Daily Mail"),
        ('Head\n\nCBS News reported:\n\n"Quote."\n', None),
        ("Head\n\nThe brand pulled it, as reported.\n", None),
    ],
)
def test_outlet_guess(raw: str, outlet: str | None) -> None:
    cleaned = clean_article(raw)
    assert cleaned.outlet == outlet
    assert "CBS News reported:" in cleaned.text or "CBS" not in raw
