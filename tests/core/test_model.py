"""How sources are named where there is room only for a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.model import Source


@pytest.mark.parametrize(
    ("outlet", "title", "expected"),
    [("WWD", "A headline", "WWD"), (None, "A headline", "A headline"), (None, None, "s-1")],
)
def test_a_source_is_named_by_outlet_then_title_then_id(
    outlet: str | None, title: str | None, expected: str
) -> None:
    source = Source("s-1", "text", Path("s-1.txt"), outlet=outlet, title=title)
    assert source.name == expected
