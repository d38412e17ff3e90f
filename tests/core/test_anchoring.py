"""An annotation stays on its words when the source text is edited, or says it is orphaned."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from reader.annotations import find_passage, make_anchor, normalize, resolve
from reader.model import Annotation, Source
from reader.text import content_hash

TEXT = (
    "Balenciaga spoke out on Monday. "
    '"We strongly condemn child abuse; it was never our intent to include it in our '
    'narrative," the brand said. Kim Kardashian said she was re-evaluating her relationship '
    "with the brand. The brand said it was sorry."
)
PASSAGE = "We strongly condemn child abuse"


def source(text: str, source_id: str = "s1") -> Source:
    return Source(id=source_id, text=text, path=Path(f"{source_id}.txt"))


def annotate(text: str, passage: str, nth: int = 0) -> Annotation:
    start = -1
    for _ in range(nth + 1):
        start = text.index(passage, start + 1)
    return Annotation(id="a1", anchor=make_anchor(source(text), start, start + len(passage)))


def test_anchor_keeps_passage_context_offsets_and_hash() -> None:
    anchor = annotate(TEXT, PASSAGE).anchor
    start = TEXT.index(PASSAGE)
    assert anchor.exact == PASSAGE
    assert (anchor.start, anchor.end) == (start, start + len(PASSAGE))
    assert anchor.prefix == TEXT[:start][-32:]
    assert anchor.suffix == TEXT[start + len(PASSAGE) :][:32]
    assert len(anchor.prefix) == 32 and len(anchor.suffix) == 32
    assert anchor.source_hash == content_hash(TEXT)


def test_anchor_context_is_clipped_at_the_text_edges() -> None:
    anchor = annotate(TEXT, "Balenciaga").anchor
    assert anchor.prefix == ""
    assert anchor.suffix == TEXT[len("Balenciaga") :][:32]


@pytest.mark.parametrize(("start", "end"), [(5, 5), (-1, 3), (3, 2), (0, len(TEXT) + 1)])
def test_an_empty_or_out_of_range_span_cannot_be_anchored(start: int, end: int) -> None:
    with pytest.raises(ValueError):
        make_anchor(source(TEXT), start, end)


def test_unchanged_text_is_anchored_at_the_same_offsets() -> None:
    annotation = annotate(TEXT, PASSAGE)
    resolved = resolve(annotation, source(TEXT))
    assert resolved.status == "anchored"
    assert resolved.span is not None
    assert (resolved.span.start, resolved.span.end) == (
        annotation.anchor.start,
        annotation.anchor.end,
    )
    assert resolved.span.text == PASSAGE


def test_text_inserted_before_moves_the_annotation_with_its_words() -> None:
    edited = "UPDATE: the brand apologised again.\n\n" + TEXT
    resolved = resolve(annotate(TEXT, PASSAGE), source(edited))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.start == edited.index(PASSAGE)
    assert edited[resolved.span.start : resolved.span.end] == PASSAGE


def test_a_passage_moved_to_another_paragraph_is_found_there() -> None:
    sentence = "Kim Kardashian said she was re-evaluating her relationship with the brand. "
    edited = sentence + TEXT.replace(sentence, "")
    resolved = resolve(annotate(TEXT, "re-evaluating her relationship"), source(edited))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.start == edited.index("re-evaluating her relationship")


def test_duplicate_passages_are_told_apart_by_their_context() -> None:
    text = "The brand said it was sorry. Later, asked again, the brand said it was sorry."
    annotation = annotate(text, "said it was sorry", nth=1)
    edited = text.replace("Later", "Then it said more. Later")
    resolved = resolve(annotation, source(edited))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.start == edited.rindex("said it was sorry")


def test_when_the_old_offsets_hit_another_copy_the_context_wins() -> None:
    text = "He said yes. Then she said no. Later he said yes."
    annotation = annotate(text, "said", nth=1)  # "she said no"
    shifted = "Yes. " + text[5:]  # same length, so old offsets land on other text
    edited = "And so he said it. " + text
    for changed in (shifted, edited):
        resolved = resolve(annotation, source(changed))
        assert resolved.span is not None
        assert changed[resolved.span.start - 4 : resolved.span.end + 3] == "she said no"


def test_exact_copies_with_no_context_left_pick_the_one_nearest_the_old_offset() -> None:
    text = "x" * 40 + " alpha beta " + "y" * 40 + " alpha beta " + "z" * 40
    annotation = annotate(text, "alpha beta", nth=1)
    edited = "q" * 40 + " alpha beta " + "r" * 40 + " alpha beta " + "s" * 40 + "!"
    resolved = resolve(annotation, source(edited))
    assert resolved.span is not None
    assert resolved.span.start == edited.rindex("alpha beta")


def test_a_small_edit_inside_the_passage_is_found_fuzzily() -> None:
    edited = TEXT.replace(PASSAGE, "We strongly condemned all child abuse")
    resolved = resolve(annotate(TEXT, PASSAGE), source(edited))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.text == "We strongly condemned all child abuse"


def test_fuzzy_match_keeps_the_punctuation_the_passage_started_with() -> None:
    passage = '"We strongly condemn child abuse;'
    edited = TEXT.replace(PASSAGE, "We firmly condemn child abuse")
    resolved = resolve(annotate(TEXT, passage), source(edited))
    assert resolved.span is not None
    assert resolved.span.text == '"We firmly condemn child abuse;'


def test_a_deleted_passage_is_orphaned_not_attached_elsewhere() -> None:
    edited = TEXT.replace(PASSAGE + "; ", "")
    resolved = resolve(annotate(TEXT, PASSAGE), source(edited))
    assert resolved.status == "orphaned"
    assert resolved.span is None
    assert resolved.annotation.anchor.exact == PASSAGE


def test_a_rewritten_passage_is_orphaned() -> None:
    edited = TEXT.replace(PASSAGE, "Nothing about this was acceptable to anyone")
    assert resolve(annotate(TEXT, PASSAGE), source(edited)).status == "orphaned"


def test_a_missing_source_orphans_the_annotation() -> None:
    assert resolve(annotate(TEXT, PASSAGE), None).status == "orphaned"


def test_crlf_line_endings_are_compared_as_newlines() -> None:
    text = TEXT.replace(". ", ".\n")
    annotation = annotate(text, 'on Monday.\n"We strongly')
    crlf = text.replace("\n", "\r\n")
    resolved = resolve(annotation, source(crlf))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.text == 'on Monday.\r\n"We strongly'
    assert crlf[resolved.span.start : resolved.span.end] == resolved.span.text
    made_on_crlf = annotate(crlf, 'on Monday.\r\n"We strongly')
    assert resolve(made_on_crlf, source(crlf)).status == "anchored"
    back = resolve(made_on_crlf, source(text))
    assert back.span is not None and back.span.text == 'on Monday.\n"We strongly'


def test_decomposed_unicode_matches_its_composed_form() -> None:
    composed = "Le créateur a dit: « Nous étions naïfs », selon le communiqué."
    decomposed = "Préface. " + unicodedata.normalize("NFD", composed)
    resolved = resolve(annotate(composed, "Nous étions naïfs"), source(decomposed))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert normalize(resolved.span.text) == "Nous étions naïfs"
    assert decomposed[resolved.span.start : resolved.span.end] == resolved.span.text


def test_find_passage_reports_every_occurrence_in_stored_offsets() -> None:
    text = unicodedata.normalize("NFD", "é said. é said.\r\nfin")
    hits = find_passage(source(text), "é said.")
    assert len(hits) == 2
    assert all(normalize(text[s:e]) == "é said." for s, e in hits)
    assert find_passage(source(text), "absent") == []


def test_stored_offsets_that_do_not_slice_the_passage_are_not_trusted() -> None:
    annotation = annotate(TEXT, PASSAGE)
    wrong = Annotation(
        "a2",
        annotation.anchor.__class__(**{**annotation.anchor.__dict__, "start": 0, "end": 31}),
    )
    resolved = resolve(wrong, source(TEXT))
    assert resolved.status == "moved"
    assert resolved.span is not None
    assert resolved.span.text == PASSAGE


def test_a_long_article_stays_cheap_and_correct() -> None:
    filler = " ".join(f"word{i % 997} and the text" for i in range(20_000))
    annotation = annotate(TEXT, PASSAGE)
    edited = filler + " " + TEXT.replace(PASSAGE, "We strongly condemned child abuse") + filler
    resolved = resolve(annotation, source(edited))
    assert resolved.span is not None
    assert resolved.span.text == "We strongly condemned child abuse"
