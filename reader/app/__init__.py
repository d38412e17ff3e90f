"""The Textual reader: sources side by side with their shared quotes highlighted.

`ReaderApp(story, analysis=None)` opens a story (a precomputed analysis skips the worker,
which is what a benchmark wants); `ReaderApp(stories=paths)` starts with the story picker.

How the main screen is put together:

- `ReaderScreen` owns the state (reactives, data-bound to the widgets) and wires the
  widgets; `ReaderScreen.column` is the active `SourceColumn`, which converts both ways
  between character offsets and lines and knows the quote under its cursor.
- Every key of the screen is a `Binding` with an id in `keys.KEYS`, which the key bar and
  the help screen show; `ReaderScreen.check_action` hides the keys that do not apply.
- Annotating is an `Annotator` the screen composes; what it needs from the screen is the
  `AnnotationHost` protocol. `SourceColumn.set_overlays(Layers(extra=...))` lays its marks
  over the quote highlights without touching them.
"""

from reader.app.app import ReaderApp

__all__ = ["ReaderApp"]
