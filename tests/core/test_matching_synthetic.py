"""The synthetic story generator, and the matcher measured against what it planted."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

import pytest

from reader.analysis import match_quotes
from reader.bench import (
    Passage,
    all_pairs_difflib,
    synthetic_quotes,
    synthetic_story,
    synthetic_truth,
)
from reader.model import Occurrence, Story


def test_the_generator_is_deterministic_and_sized() -> None:
    story = synthetic_story(12, words=500, seed=3)
    assert story == synthetic_story(12, words=500, seed=3)
    assert story != synthetic_story(12, words=500, seed=4)
    assert len(story.sources) == 12
    assert len({s.id for s in story.sources}) == 12
    assert all(480 <= s.words <= 700 for s in story.sources)


def test_the_truth_points_at_what_was_planted() -> None:
    story = synthetic_story(8, seed=1)
    truth = synthetic_truth(8, seed=1)
    texts = {s.id: s.text for s in story.sources}
    assert {label[0] for *_, label in truth} == {"p", "f", "u", "c", "w"}
    for source, start, end, label in truth:
        passage = texts[source][start:end]
        assert passage and passage == passage.strip()
        marks = texts[source][start - 1 : start] + texts[source][end : end + 1]
        assert (marks in ('""', "“”")) == (label[0] in "pfu")
    cues = [texts[source][start:end] for source, start, end, label in truth if label == "c"]
    assert all(re.match(r"(he|she|[A-Z][a-z]*\.?)\b", cue.removeprefix("said ")) for cue in cues)
    quotes = synthetic_quotes(8, seed=1)
    assert [(q.source, q.start, q.end) for q in quotes] == [
        (source, start, end) for source, start, end, label in truth if label[0] in "pfu"
    ]
    assert all(q.text == texts[q.source][q.start : q.end] for q in quotes)
    assert all(q.speaker and q.speaker.split()[-1] in story_text(story) for q in quotes)


def story_text(story: Story) -> str:
    return "\n".join(s.text for s in story.sources)


def test_the_stories_read_like_news() -> None:
    text = story_text(synthetic_story(20, seed=0))
    for what in ("Sen. ", "a spokeswoman for", " said.", " told reporters", " percent", " on "):
        assert what in text
    assert re.search(r"\b(Jan|Feb|Aug|Sept|Oct|Nov|Dec)\. \d", text)
    assert re.search(r"[,?!][”\"] (he|she) [a-z]", text)
    assert text.count("“") and text.count('"')


def pair_scores(
    groups: Sequence[Sequence[Occurrence]], truth: list[Passage], kind: str
) -> tuple[float, float]:
    """Pair recall and precision: a pair is two sources' copies of one planted passage. A
    fragment ("f3") linked to its statement ("p3") is right, but not wanted; two outlets'
    alike cues ("c") are neither right nor wrong."""
    where = defaultdict(list)
    for source, start, end, label in truth:
        where[source].append((start, end, label))

    def label(o: Occurrence) -> str | None:
        overlaps = [(min(e, o.end) - max(s, o.start), lab) for s, e, lab in where[o.source]]
        best = max(overlaps, default=(0, None))
        return best[1] if best[0] > 0 else None

    def statement(lab: str | None) -> str | None:
        return "p" + lab[1:] if lab and lab[0] == "f" else lab

    holders = defaultdict(set)
    for source, _, _, lab in truth:
        if lab[0] == kind:
            holders[lab].add(source)
    wanted = {(lab, *pair) for lab, ss in holders.items() for pair in combinations(sorted(ss), 2)}
    found, wrong = set(), 0
    for group in groups:
        for a, b in combinations([(o.source, statement(label(o))) for o in group], 2):
            if a[1] == "c" or b[1] == "c":
                continue
            if a[1] is not None and a[1] == b[1]:
                found.add((a[1], *sorted((a[0], b[0]))))
            else:
                wrong += 1
    return len(found & wanted) / max(1, len(wanted)), len(found) / max(1, len(found) + wrong)


@pytest.mark.parametrize("seed", [0, 1])
def test_the_matcher_finds_the_planted_quotes_and_wire_copy(seed: int) -> None:
    story = synthetic_story(30, seed=seed)
    truth = synthetic_truth(30, seed=seed)
    clusters, reuse = match_quotes(story, synthetic_quotes(30, seed=seed))
    recall, precision = pair_scores([c.occurrences for c in clusters], truth, "p")
    assert recall >= 0.98 and precision >= 0.98
    recall, precision = pair_scores([r.occurrences for r in reuse], truth, "w")
    assert recall >= 0.95 and precision >= 0.95
    assert not any(o.match == "paraphrase" for c in clusters for o in c.occurrences)


def test_the_difflib_yardstick_counts_shared_passages() -> None:
    story = synthetic_story(4, seed=2)
    assert all_pairs_difflib(story) > 0
