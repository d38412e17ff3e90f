"""The reader's pure parts: safe display text, wrapping with offsets, search, colours."""

from __future__ import annotations

import pytest
from app_story import APOLOGY, STATEMENT, build_analysis, build_story
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.app.palette import PALETTE, contrast_ratio, quote_style, text_colour
from reader.app.quote_index import QuoteIndex, plural, speaker_label
from reader.app.search import find_all
from reader.app.wrapping import display_text, unwrapped, wrap

article = st.text(st.sampled_from(list("abc défg  \n\n—“”[]漢字\x1b\t")), max_size=300)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("[light] stays", "[light] stays"),
        ("\x1b[31mred", "\u241b[31mred"),
        ("tab\there", "tab here"),
        ("bidi\u202eevil", "bidi\ufffdevil"),
        ("line\r\nbreak", "line\u240d\nbreak"),
    ],
)
def test_display_text_replaces_controls_one_for_one(raw: str, shown: str) -> None:
    assert display_text(raw) == shown
    assert len(display_text(raw)) == len(raw)


@given(article, st.integers(min_value=1, max_value=40))
def test_wrapped_lines_cover_the_text_in_order_and_fit(text: str, width: int) -> None:
    text = display_text(text)
    wrapped = wrap(text, width)
    previous_end = 0
    for start, end in wrapped.lines:
        assert previous_end <= start <= end
        assert text[previous_end:start].strip() == ""  # only spaces/newlines between lines
        assert cell_len(text[start:end]) <= width or len(text[start:end]) == 1
        previous_end = end
    assert text[previous_end:].strip() == ""


@given(article, st.integers(min_value=1, max_value=40), st.data())
def test_line_of_finds_the_line_showing_an_offset(text: str, width: int, data) -> None:
    text = display_text(text)
    wrapped = wrap(text, width)
    offset = data.draw(st.integers(min_value=0, max_value=max(0, len(text) - 1)))
    start = wrapped.lines[wrapped.line_of(offset)][0]
    assert start <= offset
    following = wrapped.line_of(offset) + 1
    assert following == len(wrapped) or wrapped.lines[following][0] > offset


def test_wrap_breaks_between_words_and_keeps_paragraphs() -> None:
    wrapped = wrap("one two three\n\nfour", 8)
    text = "one two three\n\nfour"
    assert [text[s:e] for s, e in wrapped.lines] == ["one two", "three", "", "four"]
    assert [text[s:e] for s, e in unwrapped(text).lines] == ["one two three", "", "four"]


def test_search_ignores_case_and_quote_styles() -> None:
    story = build_story()
    hits = find_all(story, "WE SINCERELY apologize")
    assert [hit.source for hit in hits] == ["a", "c"]
    assert all(hit.text == story.source(hit.source).text[hit.start : hit.end] for hit in hits)
    assert find_all(story, "   ") == []
    curly = find_all(story, '"We sincerely')  # straight quote finds the curly one
    assert {hit.source for hit in curly} == {"a", "c"}


def test_quote_index_orders_colours_and_counts() -> None:
    story = build_story()
    index = QuoteIndex(story, build_analysis(story))
    assert [c.text for c in index.shared[:2]] == [STATEMENT, APOLOGY]
    assert [index.colour_of[c.id] for c in index.shared] == [0, 1, 2]
    assert [p.cluster.id for p in index.shared_in("a", None)] == ["q1", "q2"]
    assert [p.cluster.id for p in index.shared_in("a", "Balenciaga")] == ["q2"]
    assert index.sources_with(index.clusters["q3"]) == ["b", "d"]
    assert speaker_label(index.clusters["q3"]) == "Gabriele Galimberti?"
    assert speaker_label(index.clusters["q4"]) == "unknown speaker"
    assert (plural(1, "quote"), plural(2, "quote")) == ("1 quote", "2 quotes")


@pytest.mark.parametrize("background", PALETTE)
def test_every_highlight_colour_is_readable(background: str) -> None:
    assert contrast_ratio(background, text_colour(background)) >= 4.5
    assert len(set(PALETTE)) == len(PALETTE) >= 12


def test_match_kinds_look_different() -> None:
    exact, variant, paraphrase = (quote_style(0, m) for m in ("exact", "variant", "paraphrase"))
    assert exact.bgcolor == variant.bgcolor == paraphrase.bgcolor  # one colour per quote
    assert variant.underline and not exact.underline
    assert paraphrase.italic and not exact.italic
    assert quote_style(0, "exact", current=True).reverse
