"""The Textual reader: sources side by side with their shared quotes highlighted.

`ReaderApp(story, analysis=None)` opens a story (a precomputed analysis skips the worker,
which is what a benchmark wants); `ReaderApp(stories=paths)` starts with the story picker.

Where annotating plugs in (keys a, e, d, v and A are left free for it):

- `ReaderScreen.column` is the active `SourceColumn`; each column has its own cursor
  (`cursor_line`, `cursor_span`) and converts both ways between character offsets and
  lines (`line_of`, `line_span`); `passage_under_cursor()` is the quote there.
- `SourceColumn.set_overlays(Layers(extra=...))` paints extra marks (annotated passages)
  over the quote highlights without touching them.
- `ReaderScreen.workspace` is the analysis with the story's annotations applied; the
  quote details screen posts `CorrectionRequested` for the fixes the user asks for.
"""

from reader.app.app import ReaderApp

__all__ = ["ReaderApp"]
