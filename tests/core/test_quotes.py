"""Quote extraction on small texts: every kind of mark, every kind of quote, and what is not one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import extract_quotes
from reader.model import Quote, Source


def quotes_of(text: str) -> list[Quote]:
    return extract_quotes(Source(id="s", text=text, path=Path("s.txt")))


def texts_of(text: str) -> list[str]:
    return [q.text for q in quotes_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        'Smith said, "We will rebuild the bridge." Then he left.',
        "Smith said, “We will rebuild the bridge.” Then he left.",
        "Smith said, ‘We will rebuild the bridge.’ Then he left.",
        "Smith said, 'We will rebuild the bridge.' Then he left.",
        "Smith said, «We will rebuild the bridge.» Then he left.",
        "Smith said, « We will rebuild the bridge. » Then he left.",
        "Smith said, ‹We will rebuild the bridge.› Then he left.",
        "Smith said, „We will rebuild the bridge.“ Then he left.",
        "Smith said, »We will rebuild the bridge.« Then he left.",
        "Smith said, ”We will rebuild the bridge.” Then he left.",
    ],
)
def test_every_kind_of_mark_gives_the_words_inside(text: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.text == "We will rebuild the bridge."
    assert quote.kind == "marked"
    assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    "text",
    [
        "I haven’t seen the brand’s statement, and the Kardashians’ show is over.",
        "I haven't seen the brand's statement, and the Kardashians' show is over.",
        "Rock 'n' roll was big in the '90s, and 'tis the season.",
        "He is 6'2\" tall and 'em all knew it.",
    ],
)
def test_apostrophes_and_primes_are_not_quotes(text: str) -> None:
    assert quotes_of(text) == []


def test_single_quotes_nested_in_double_ones_stay_inside() -> None:
    text = (
        "“The page came from a ruling, ‘United States v. Williams’ 2008, which we regret,” it said."
    )
    (quote,) = quotes_of(text)
    assert quote.text.startswith("The page came") and quote.text.endswith("we regret,")


def test_double_quotes_nested_in_single_ones_stay_inside() -> None:
    text = "He said: ‘My lawyer told me “never again” and I agreed.’ Then he left."
    assert texts_of(text) == ["My lawyer told me “never again” and I agreed."]


def test_quote_split_by_its_attribution_gives_two_quotes() -> None:
    text = "“I was shaken,” she said. “The safety of children comes first.”"
    assert texts_of(text) == ["I was shaken,", "The safety of children comes first."]


def test_multi_paragraph_quote_is_one_quote_per_paragraph_none_unclosed() -> None:
    text = (
        "“As a mother, I was shaken. The safety of children comes first.\n\n"
        "“I am reevaluating my relationship with the brand,” she said.\n\n"
        "Fans had called her out."
    )
    found = quotes_of(text)
    assert [q.text[:13] for q in found] == ["As a mother, ", "I am reevalua"]
    assert all(q.kind == "marked" for q in found)
    assert not any(mark in q.text for q in found for mark in "“”")


def test_missing_closing_mark_ends_at_the_paragraph_and_spares_the_rest() -> None:
    text = (
        "She wrote on Sunday, “The protection of children must come first — period.\n\n"
        "Similar post:\n\n"
        "“I appreciate the apology.”\n\n"
        "The brand did not answer “repeated requests” for comment."
    )
    found = quotes_of(text)
    assert found[0].kind == "unclosed"
    assert found[0].text.endswith("— period.")
    assert [q.text for q in found[1:]] == ["I appreciate the apology.", "repeated requests"]


def test_an_opening_mark_of_the_same_style_ends_a_quote_left_open() -> None:
    text = 'He said "we tried, and then later "we are done." Nothing more.'
    found = quotes_of(text)
    assert [q.kind for q in found] == ["unclosed", "partial"]
    assert found[0].text == "we tried, and then later"
    assert found[1].text == "we are done."


@pytest.mark.parametrize(
    "text",
    [
        'A stray " mark here.\n\nAnd "a real quote" there.',
        'Closing first" then "opening" and "unclosed at the end',
        "“““ ””” ‘’ «» \" ' ,” ‘",
    ],
)
def test_unbalanced_marks_never_swallow_other_paragraphs(text: str) -> None:
    for quote in quotes_of(text):
        assert "\n\n" not in quote.text
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('They strongly condemn the "abuse of children in any form."', "abuse of children"),
        ("Kardashian is “reevaluating” her relationship.", "reevaluating"),
        ('She called the images "disturbing" and left.', "disturbing"),
        ("He stated he “was not entitled to choose the products.”", "was not entitled"),
        ("She said, “not because I was not outraged.”", "not because"),
    ],
)
def test_quoted_words_inside_a_sentence_are_partial(text: str, quoted: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.kind == "partial"
    assert quote.text.startswith(quoted)


@pytest.mark.parametrize(
    "text",
    [
        "The photos were part of a project called “Toy Stories” by a photographer.",
        "It was the subject of the “Toy Stories” advertising campaign.",
        "Her role was highlighted in “The Kardashians'” season finale on Thursday.",
        "North West made her own version of the famous Balenciaga “caution tape dress” online.",
        'The wrestler Dwayne "The Rock" Johnson was not there.',
        "The show, titled 'Keeping Up', ended.",
        "Critics mocked the so-called “reform” on Monday.",
        "The story ran under the headline “A Brand in Crisis” on page one.",
    ],
)
def test_titles_nicknames_and_scare_quotes_are_not_speech(text: str) -> None:
    assert quotes_of(text) == []


def test_title_case_quote_in_a_headline_is_kept() -> None:
    text = "Kim Kardashian 'Re-Evaluating' Partnership With Balenciaga\n\nShe spoke on Sunday."
    assert texts_of(text) == ["Re-Evaluating"]


@pytest.mark.parametrize(
    "introducer",
    [
        "She said:",
        "The brand issued an apology on Instagram, saying:",
        "He wrote:",
        "She continued:",
        "CBS News reported:",
        "The minister posted:",
        "Balenciaga issued an apology:",
        "The company stated:",
        "Here is the full statement:",
    ],
)
def test_unmarked_paragraph_after_a_speech_colon_is_a_block(introducer: str) -> None:
    text = (
        f"The campaign drew criticism. {introducer}\n\n"
        "We sincerely apologize for any offense. We have removed the campaign.\n\n"
        "Many on Twitter were unsatisfied with the explanation."
    )
    (quote,) = quotes_of(text)
    assert quote.kind == "block"
    assert quote.text == "We sincerely apologize for any offense. We have removed the campaign."


def test_block_goes_on_while_paragraphs_read_as_first_person_speech() -> None:
    text = (
        "She said:\n\nI have been quiet for days.\n\nI wanted to speak to their team first.\n\n"
        "She has not worn the brand since."
    )
    assert texts_of(text) == [
        "I have been quiet for days.",
        "I wanted to speak to their team first.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ingredients:\n\nTwo eggs, a cup of flour and some milk.",
        "Read more:\n\nHow the campaign was shot and who approved it.",
        "She said:\n\nBalenciaga Apologizes For Controversial Ad Campaign\n\nMore text here.",
        "She said:\n\n“I have been quiet,” she wrote.",
    ],
)
def test_no_block_without_a_speech_introducer_or_with_marks(text: str) -> None:
    assert all(q.kind != "block" for q in quotes_of(text))


def test_separately_marked_lines_after_an_introducer_are_marked_quotes() -> None:
    text = 'CBS News reported:\n\n"The ads were part of a campaign."\n"The bears wear gear."\n'
    found = quotes_of(text)
    assert [q.kind for q in found] == ["marked", "marked"]


def test_quotes_come_in_text_order_with_exact_spans() -> None:
    text = (
        "He said:\n\nWe tried our best here.\n\n"
        "“Yes,” she said, calling it “a disgrace.” Later: «Non», they said."
    )
    found = quotes_of(text)
    assert [q.start for q in found] == sorted(q.start for q in found)
    assert all(text[q.start : q.end] == q.text for q in found)
    assert [q.text for q in found] == ["We tried our best here.", "Yes,", "a disgrace.", "Non"]


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = (
        "The mayor, speaking on Tuesday, said the bridge was “in a far worse state than\n"
        "Anyone on the council had been told, and it will stay closed until\n"
        "March.” She left soon after.\n"
        "“Nobody asked us,” a baker said.\n"
    )
    found = quotes_of(text)
    assert [q.kind for q in found] == ["partial", "marked"]
    assert found[0].text.endswith("until\nMarch.")
