"""Re-anchoring under random edits: the passage is never lost, never misplaced."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.annotations import (
    MIN_PASSAGE_SIMILARITY,
    make_anchor,
    normalize,
    passage_similarity,
    resolve,
)
from reader.model import Annotation, Source

ARTICLE = (
    "Balenciaga spoke out on Monday, November 28 — one day after Kim Kardashian broke her "
    "silence on the brand's recent ad campaigns.\n"
    "\u201cWe strongly condemn child abuse; it was never our intent to include it in our "
    "narrative,\u201d the statement began. \u201cThe responsibility for this lies with "
    "Balenciaga alone.\u201d\n"
    "Kardashian wrote that she was \u201cre-evaluating\u201d her relationship with the brand, "
    "basing it on their willingness to accept accountability for something that should have "
    "never happened to begin with.\n"
    "The brand said it has filed a $25 million lawsuit against the production company."
)

edits = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=1),
        st.booleans(),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    ),
    max_size=8,
)


def source(text: str) -> Source:
    return Source(id="s", text=text, path=Path("s.txt"))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.floats(min_value=0, max_value=1),
    length=st.integers(min_value=8, max_value=80),
    changes=edits,
)
def test_edits_away_from_the_passage_never_orphan_it(
    where: float, length: int, changes: list[tuple[float, bool, str]]
) -> None:
    start = int(where * (len(ARTICLE) - length))
    end = start + length
    annotation = Annotation("a", make_anchor(source(ARTICLE), start, end))
    text = ARTICLE
    for at, insert, payload in changes:
        outside = [i for i in range(len(text) + 1) if i <= start or i >= end]
        position = outside[int(at * (len(outside) - 1))]
        if insert:
            text = text[:position] + payload + text[position:]
            if position <= start:
                start, end = start + len(payload), end + len(payload)
        else:
            cut = min(len(payload), (start - position) if position <= start else len(text))
            text = text[:position] + text[position + cut :]
            if position <= start:
                start, end = start - cut, end - cut
    assert text[start:end] == annotation.anchor.exact
    resolved = resolve(annotation, source(text))
    assert resolved.status != "orphaned"
    assert resolved.span is not None
    assert text[resolved.span.start : resolved.span.end] == resolved.span.text
    assert normalize(resolved.span.text) == normalize(annotation.anchor.exact)
    if normalize(text).count(normalize(annotation.anchor.exact)) == 1 and normalize(text) == text:
        assert (resolved.span.start, resolved.span.end) == (start, end)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    where=st.floats(min_value=0, max_value=1),
    length=st.integers(min_value=1, max_value=60),
    garbage=st.one_of(
        st.text(max_size=600),
        st.lists(st.sampled_from(ARTICLE.split()), max_size=120).map(" ".join),
    ),
)
def test_garbage_never_crashes_and_never_anchors_to_unlike_text(
    where: float, length: int, garbage: str
) -> None:
    start = int(where * (len(ARTICLE) - length))
    annotation = Annotation("a", make_anchor(source(ARTICLE), start, start + length))
    resolved = resolve(annotation, source(garbage))
    if resolved.span is None:
        assert resolved.status == "orphaned"
        return
    assert 0 <= resolved.span.start < resolved.span.end <= len(garbage)
    assert garbage[resolved.span.start : resolved.span.end] == resolved.span.text
    assert passage_similarity(annotation.anchor.exact, resolved.span.text) >= MIN_PASSAGE_SIMILARITY


@settings(max_examples=200)
@given(text=st.text(min_size=1, max_size=300), data=st.data())
def test_any_text_anchors_back_onto_itself(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(text)))
    annotation = Annotation("a", make_anchor(source(text), start, end))
    resolved = resolve(annotation, source(text))
    if not normalize(text[start:end]).strip():
        assert resolved.status == "orphaned"
        return
    assert resolved.span is not None
    assert normalize(resolved.span.text) == normalize(text[start:end])
    assert text[resolved.span.start : resolved.span.end] == resolved.span.text
