"""Word-level differences between a canonical quote and an outlet's version."""

from __future__ import annotations

import pytest

from reader.analysis import judge, word_diff
from reader.text import tokens


def norms(text: str) -> list[str]:
    return [t.norm for t in tokens(text)]


def test_equal_texts_are_one_equal_run() -> None:
    assert word_diff("We strongly condemn abuse.", "We strongly condemn abuse.") == [
        ("equal", "We strongly condemn abuse")
    ]


def test_words_are_shown_as_each_text_writes_them() -> None:
    ops = word_diff(
        "I am currently reevaluating my relationship, basing it off their willingness",
        "I am currently re-evaluating my relationship, basing off their willingness",
    )
    assert ops == [
        ("equal", "I am currently re-evaluating my relationship, basing"),
        ("delete", "it"),
        ("equal", "off their willingness"),
    ]


def test_replaced_words_show_as_delete_then_insert() -> None:
    ops = word_diff(
        "not because I haven't been disgusted and outraged by the campaigns",
        "not because I haven’t been horrified and angered by the campaigns",
    )
    assert ("delete", "disgusted") in ops and ("insert", "horrified") in ops
    assert ("delete", "outraged") in ops and ("insert", "angered") in ops
    assert ops[0] == ("equal", "not because I haven’t been")


def test_a_moved_word_break_is_no_change() -> None:
    assert word_diff("the harbour wall", "the harbour-wall") == [("equal", "the harbour-wall")]


def test_nothing_against_something() -> None:
    assert word_diff("", "new words") == [("insert", "new words")]
    assert word_diff("old words", "") == [("delete", "old words")]


@pytest.mark.parametrize(
    ("canonical", "version", "expected"),
    [
        ("Safety must come first — period.", "safety must come first, period", "exact"),
        ("Kids & parents", "kids and parents", "exact"),
        ("basing it off their willingness", "basing off their willingness", "variant"),
        ("for this never to happen again", "for this to never happen again", "variant"),
        ("into migakaho suma fafu", "into suma migakaho fafu", "variant"),
        (
            "the safety of children must be held with the highest regard",
            "the protection of children must be kept in the highest esteem",
            "paraphrase",
        ),
    ],
)
def test_judge(canonical: str, version: str, expected: str) -> None:
    match, similarity = judge(norms(canonical), norms(version))
    assert match == expected
    assert (similarity == 1.0) == (expected == "exact")
    assert 0.0 <= similarity <= 1.0


def test_a_partial_version_is_a_variant_with_lower_similarity() -> None:
    whole = norms("I am currently reevaluating my relationship with the brand, basing it off them")
    part = norms("currently reevaluating my relationship with the brand")
    match, similarity = judge(whole, part)
    assert match == "variant"
    assert 0.4 < similarity < 0.9
