"""Annotations as values: anchoring passages to text and the edits a user makes."""

from __future__ import annotations

from reader.annotations.anchoring import (
    MIN_PASSAGE_SIMILARITY,
    find_passage,
    make_anchor,
    normalize,
    passage_similarity,
    resolve,
)
from reader.annotations.edits import (
    Change,
    Placement,
    adding,
    check_date,
    cluster_at,
    cluster_of,
    deleting,
    edit_annotation,
    editing,
    new_annotation,
    overlap,
    placements,
    resolve_all,
    timestamp,
    touching,
)

__all__ = [
    "MIN_PASSAGE_SIMILARITY",
    "Change",
    "Placement",
    "adding",
    "check_date",
    "cluster_at",
    "cluster_of",
    "deleting",
    "edit_annotation",
    "editing",
    "find_passage",
    "make_anchor",
    "new_annotation",
    "normalize",
    "overlap",
    "passage_similarity",
    "placements",
    "resolve",
    "resolve_all",
    "timestamp",
    "touching",
]
