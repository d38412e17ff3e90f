"""The Textual reader: sources side by side with their shared quotes highlighted."""

from reader.app.app import ReaderApp

__all__ = ["ReaderApp"]
