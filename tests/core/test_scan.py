"""Scans that try a pattern only where a match can begin find what a full scan finds."""

from __future__ import annotations

import re
from collections.abc import Iterable

from reader.analysis import proposals
from reader.analysis.scan import CAPITAL, matches
from reader.analysis.speech import TITLE_WORDS

TEXT = (
    "Senator Jane Roe of Ohio told CNN's Bob Ray on Monday that she would run, "
    "said Mayor Ann Lee. “We will,” added the spokeswoman, according to Acme News. "
    "In Paris, U.S. Ambassador John Doe Jr. said little; Dr. Smith-Jones said more."
)


def spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def test_a_scan_from_capitals_finds_the_runs_a_full_scan_finds() -> None:
    assert spans(matches(proposals._RUN, CAPITAL, TEXT)) == spans(proposals._RUN.finditer(TEXT))


def test_attributions_after_a_verb_are_found_from_the_verbs_alone() -> None:
    every = [
        m for m in proposals._AFTER_VERB.finditer(TEXT) if m.group("verb") in proposals._INVERTING
    ]
    assert spans(matches(proposals._AFTER_VERB, proposals._INVERTING_AT, TEXT)) == spans(every)
    assert every, "the text holds attributions after their verb"


def test_no_title_word_is_a_verb_an_attribution_can_start_with() -> None:
    """What makes the scan from verbs complete: a match never holds another's start."""
    verbs = {v.split()[0] for v in proposals._INVERTING}
    assert not verbs & {w.lower() for w in TITLE_WORDS}


def test_a_scan_skips_places_inside_a_match_as_a_full_scan_does() -> None:
    pattern = re.compile(r"ab+")
    starts = re.compile(r"[ab]")
    assert spans(matches(pattern, starts, "abbb abab")) == spans(pattern.finditer("abbb abab"))
