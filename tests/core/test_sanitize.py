"""Control characters and bidi overrides from story files show as symbols, never act."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.sanitize import visible


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[2J", "␛[2J"),
        ("bell\x07", "bell␇"),
        ("a\rb", "a␍b"),
        ("del\x7f", "del␡"),
        ("c1\x9b", "c1\ufffd"),
        ("\u202eevil", "\ufffdevil"),
        ("\u2066isolate\u2069", "\ufffdisolate\ufffd"),
        ("tabs\tand\nnewlines stay", "tabs\tand\nnewlines stay"),
        ("Kardashian’s «quote» — ok", "Kardashian’s «quote» — ok"),
    ],
)
def test_controls_and_overrides_become_visible(raw: str, shown: str) -> None:
    assert visible(raw) == shown


@given(st.text())
def test_every_offset_stays_valid_and_nothing_acts(text: str) -> None:
    shown = visible(text)
    assert len(shown) == len(text)
    assert not any(
        (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) < 0xA0 or c in "\u202a\u202e\u2066"
        for c in shown
    )
