"""Cue lookups that try a subject after a lead find what the whole joined pattern finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.analysis.cues import CuePatterns
from reader.analysis.mentions import Lexicon
from reader.analysis.passages import masked_text
from reader.analysis.quotes import extract_quotes
from reader.model import Speaker, Story
from reader.store import load_story

STORIES = [Path(__file__).parents[2] / "stories" / "balenciaga-2022"]
STORIES += [Path(__file__).parents[1] / "stories" / "bridge-closure"]


def masked_sources(story: Story) -> list[str]:
    return [masked_text(s.text, extract_quotes(s)) for s in story.sources]


@pytest.mark.parametrize("folder", STORIES, ids=lambda p: p.name)
def test_cues_found_from_leads_are_those_of_the_joined_patterns(folder: Path) -> None:
    story = load_story(folder)
    cues = CuePatterns(Lexicon(story.speakers))
    subject = cues.subject.pattern
    anchored = re.compile(r"[\s,—–-]*" + cues.forward.pattern, re.IGNORECASE)
    according = re.compile(r"\baccording\s+to\s+" + subject, re.IGNORECASE)
    checked = 0
    for masked in masked_sources(story):
        for at in range(0, len(masked), 7):
            joined = anchored.match(masked, at) or cues.inverted.match(masked, at)
            found = cues.after(masked, at, len(masked))
            assert (found.end if found else None) == (joined.end() if joined else None)
            end = min(len(masked), at + 300)
            last = max(
                [*cues.forward.finditer(masked, at, end), *according.finditer(masked, at, end)],
                key=lambda m: m.end(),
                default=None,
            )
            found = cues.last_before(masked, at, end)
            assert (found.end if found else None) == (last.end() if last else None)
            checked += found is not None
    assert checked, "the stories hold cues"


def test_a_name_that_starts_with_a_dash_is_matched_by_the_joined_patterns() -> None:
    plain = CuePatterns(Lexicon([Speaker("Ann Lee")]))
    odd = CuePatterns(Lexicon([Speaker("Ann Lee", ("-Lee",))]))
    text = "The report, according to -Lee, was late. “No,” -Lee said."
    assert odd.last_before(text, 0, 40) is not None
    assert plain.last_before(text, 0, 40) is None
    found = odd.after(text, text.index("”") + 1, len(text))
    assert found is not None and found.subject == "-Lee"
