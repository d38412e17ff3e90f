"""The user's corrections change what the analysis says, and nothing else."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

from reader.annotations import new_annotation, resolve_all
from reader.model import (
    Analysis,
    Annotation,
    AnnotationKind,
    Cluster,
    Event,
    Occurrence,
    Quote,
    Resolved,
    Source,
    Speaker,
    Story,
)
from reader.workspace import apply_corrections

TEXTS = {
    "a": 'Kardashian wrote: "I have been quiet." The brand said "we are sorry" on Monday.',
    "b": 'The star said "I have been quiet," and Balenciaga said "We are sorry."',
    "c": 'Sources say "we are sorry" was its line. "Quiet no more," she added.',
}
STORY = Story(
    id="story",
    path=Path("story"),
    title="Story",
    speakers=(Speaker("Kim Kardashian", aliases=("Kardashian", "Kim")), Speaker("Balenciaga")),
    sources=tuple(Source(i, t, Path(f"{i}.txt")) for i, t in TEXTS.items()),
)


def quote(source: str, passage: str, speaker: str | None = None) -> Quote:
    start = TEXTS[source].index(passage)
    return Quote(source, start, start + len(passage), passage, speaker=speaker)


def occurrence(q: Quote) -> Occurrence:
    return Occurrence(q.source, q.start, q.end, q.text)


QUIET_A = quote("a", "I have been quiet.")
QUIET_B = quote("b", "I have been quiet,")
SORRY_A = quote("a", "we are sorry", "Balenciaga")
SORRY_B = quote("b", "We are sorry.", "Balenciaga")
SORRY_C = quote("c", "we are sorry")
QUIET_C = quote("c", "Quiet no more,")
ANALYSIS = Analysis(
    story="story",
    quotes=(QUIET_A, SORRY_A, QUIET_B, SORRY_B, SORRY_C, QUIET_C),
    clusters=(
        Cluster("q1", QUIET_A.text, None, (occurrence(QUIET_A), occurrence(QUIET_B))),
        Cluster(
            "q2",
            SORRY_A.text,
            "Balenciaga",
            (occurrence(SORRY_A), occurrence(SORRY_B)),
            speaker_confidence=0.8,
        ),
        Cluster("q3", SORRY_C.text, None, (occurrence(SORRY_C),)),
        Cluster("q4", QUIET_C.text, None, (occurrence(QUIET_C),)),
    ),
    events=(Event("2022-11-27", "Kardashian breaks her silence"),),
    speakers=STORY.speakers,
)


def note(
    source: str,
    passage: str,
    kind: AnnotationKind = "note",
    created: str = "2024-01-01T00:00:00Z",
    **fields: str,
) -> Annotation:
    start = TEXTS[source].index(passage)
    made = new_annotation(STORY.source(source), start, start + len(passage), kind=kind, **fields)
    return replace(made, created=created)


def corrected(*annotations: Annotation, analysis: Analysis = ANALYSIS) -> Analysis:
    return apply_corrections(analysis, STORY, resolve_all(annotations, STORY))


def cluster(analysis: Analysis, cluster_id: str) -> Cluster:
    return next(c for c in analysis.clusters if c.id == cluster_id)


def test_no_annotations_change_nothing() -> None:
    assert corrected() == ANALYSIS


def test_a_plain_note_changes_nothing() -> None:
    assert corrected(note("a", "I have been quiet", label="claim", note="check")) == ANALYSIS


def test_setting_the_speaker_of_a_shared_quote_sets_it_on_every_copy() -> None:
    result = corrected(note("a", "have been quiet", "speaker", speaker="kim"))
    assert cluster(result, "q1").speaker == "Kim Kardashian"
    assert cluster(result, "q1").speaker_confidence == 1.0
    quiet = [q for q in result.quotes if q.text.startswith("I have been quiet")]
    assert [(q.source, q.speaker, q.speaker_confidence) for q in quiet] == [
        ("a", "Kim Kardashian", 1.0),
        ("b", "Kim Kardashian", 1.0),
    ]
    assert result.quotes[1] == SORRY_A


def test_a_note_with_a_speaker_on_a_quote_sets_the_speaker_too() -> None:
    result = corrected(note("c", "Quiet no more", speaker="Kim Kardashian"))
    assert cluster(result, "q4").speaker == "Kim Kardashian"


def test_a_new_speaker_joins_the_speaker_list() -> None:
    result = corrected(note("c", "Quiet no more", "speaker", speaker="A spokesperson"))
    assert result.speakers[-1] == Speaker("A spokesperson")
    assert cluster(result, "q4").speaker == "A spokesperson"


def test_a_speaker_on_a_passage_that_is_no_quote_makes_it_one() -> None:
    result = corrected(note("c", "was its line", "speaker", speaker="Balenciaga"))
    added = [q for q in result.quotes if q.text == "was its line"]
    assert len(added) == 1 and added[0].speaker == "Balenciaga"
    assert [q.source for q in result.quotes] == ["a", "a", "b", "b", "c", "c", "c"]
    assert corrected(note("c", "was its line", speaker="Balenciaga")) == ANALYSIS


def test_not_a_quote_removes_the_quote_and_unshares_its_cluster() -> None:
    result = corrected(note("b", "We are sorry", "not-quote"))
    assert SORRY_B not in result.quotes
    assert [o.source for o in cluster(result, "q2").occurrences] == ["a"]
    assert not cluster(result, "q2").shared
    alone = corrected(note("c", "Quiet no more", "not-quote"))
    assert all(c.id != "q4" for c in alone.clusters)


def test_same_quote_merges_two_clusters_one_occurrence_per_source() -> None:
    other = note("c", "we are sorry", created="2024-01-01T00:00:00Z")
    link = note("a", "we are sorry", "same-quote", same_as=other.id)
    result = corrected(other, link)
    merged = cluster(result, "q2")
    assert [o.source for o in merged.occurrences] == ["a", "b", "c"]
    assert all(c.id != "q3" for c in result.clusters)
    assert (merged.speaker, merged.speaker_confidence) == ("Balenciaga", 0.8)


def test_same_quote_from_either_side_gives_the_same_result() -> None:
    first, second = note("c", "we are sorry"), note("b", "We are sorry")
    one = corrected(first, note("b", "We are sorry", "same-quote", same_as=first.id))
    other = corrected(second, note("c", "we are sorry", "same-quote", same_as=second.id))
    assert one.clusters == other.clusters


def test_same_quote_on_two_unquoted_passages_creates_a_shared_cluster() -> None:
    other = note("c", "was its line")
    link = note("a", "on Monday", "same-quote", same_as=other.id)
    result = corrected(other, link)
    new = [c for c in result.clusters if c not in ANALYSIS.clusters]
    assert len(new) == 1 and new[0].shared
    assert [o.text for o in new[0].occurrences] == ["on Monday", "was its line"]


def test_same_quote_replaces_the_other_copy_in_that_source() -> None:
    other = note("c", "Quiet no more")
    link = note("a", "I have been quiet", "same-quote", same_as=other.id)
    merged = cluster(corrected(other, link), "q1")
    assert [o.text for o in merged.occurrences] == [
        "I have been quiet.",
        "I have been quiet,",
        "Quiet no more,",
    ]
    assert merged.occurrences[2].match == "variant"
    assert 0 < merged.occurrences[2].similarity < 1


def test_a_speaker_after_a_merge_reaches_the_merged_copies() -> None:
    other = note("c", "we are sorry")
    link = note("a", "we are sorry", "same-quote", same_as=other.id)
    who = note("b", "We are sorry", "speaker", speaker="A spokesperson")
    result = corrected(other, link, who)
    assert {q.speaker for q in result.quotes if "sorry" in q.text.casefold()} == {"A spokesperson"}


def test_a_dated_annotation_becomes_a_timeline_event() -> None:
    dated = note("a", "on Monday", date="2022-11-28", note="Apology posted\nsecond line")
    result = corrected(dated)
    assert [e.date for e in result.events] == ["2022-11-27", "2022-11-28"]
    event = result.events[1]
    assert (event.label, event.origin) == ("Apology posted", "annotation")
    assert [(s.source, s.text) for s in event.evidence] == [("a", "on Monday")]


def test_orphaned_annotations_change_nothing() -> None:
    made = note("a", "have been quiet", "not-quote")
    orphan = Resolved(made, "orphaned", None)
    assert apply_corrections(ANALYSIS, STORY, [orphan]) == ANALYSIS


def test_the_order_annotations_come_in_does_not_matter() -> None:
    other = note("c", "we are sorry", created="2024-01-02T00:00:00Z")
    annotations = [
        note("a", "have been quiet", "speaker", speaker="Kim"),
        note("b", "We are sorry", "not-quote", created="2024-01-03T00:00:00Z"),
        other,
        note("a", "we are sorry", "same-quote", same_as=other.id),
        note("a", "on Monday", date="2022-11-28"),
    ]
    results = {corrected(*order) for order in itertools.permutations(annotations)}
    assert len(results) == 1
