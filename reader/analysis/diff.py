"""Word-level difference between a canonical quote and one outlet's version."""

from __future__ import annotations

import difflib
from typing import Literal

from reader.text import tokens

DiffOp = Literal["equal", "delete", "insert"]


def word_diff(canonical: str, text: str) -> list[tuple[DiffOp, str]]:
    """Runs of equal, deleted (only in canonical) and inserted (only in text) words."""
    a = [canonical[t.start : t.end] for t in tokens(canonical)]
    b = [text[t.start : t.end] for t in tokens(text)]
    a_norm = [t.norm for t in tokens(canonical)]
    b_norm = [t.norm for t in tokens(text)]
    ops: list[tuple[DiffOp, str]] = []
    matcher = difflib.SequenceMatcher(a=a_norm, b=b_norm, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(("equal", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            ops.append(("delete", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("insert", " ".join(b[j1:j2])))
    return ops
