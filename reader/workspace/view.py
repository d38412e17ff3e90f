"""What a user sees of a story: the cached analysis with their annotations applied.

The analysis is cached by content; annotations change often and are cheap to apply, so they
are applied after the cache, never stored in it. The app and the CLI both start here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.annotations import resolve_all
from reader.model import Analysis, Annotation, Resolved, Story
from reader.store import load_annotations
from reader.workspace.cache import load_analysis
from reader.workspace.corrections import apply_corrections


@dataclass(frozen=True)
class Workspace:
    """A story, its raw analysis, its placed annotations and the corrected analysis."""

    story: Story
    raw: Analysis
    annotations: tuple[Resolved, ...]
    analysis: Analysis

    def with_annotations(self, annotations: Sequence[Annotation]) -> Workspace:
        """The same story seen with another set of annotations (after an edit)."""
        return build_workspace(self.story, self.raw, annotations)


def build_workspace(story: Story, raw: Analysis, annotations: Sequence[Annotation]) -> Workspace:
    """Place the annotations and let their corrections override the analysis."""
    resolved = tuple(resolve_all(annotations, story))
    return Workspace(story, raw, resolved, apply_corrections(raw, story, resolved))


def load_workspace(story: Story) -> Workspace:
    """The story's cached analysis and its annotations.yaml, applied."""
    return build_workspace(story, load_analysis(story), load_annotations(story.path))
