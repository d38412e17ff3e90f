"""Links stay inside the story: a shared story folder must not read or write files elsewhere.

A story is a folder someone may hand you; `sources/leak.txt -> /etc/passwd` would otherwise
put that file in a report, and `sources -> /elsewhere` would make an import write there.
"""

from __future__ import annotations

from pathlib import Path

from reader.errors import Problem


def escapes(folder: Path, path: Path) -> Problem | None:
    """A problem when `path`, its links followed, leads out of the story `folder`. The folder
    holding `path` is inside the story (the story folder itself, or one found inside), so
    only a link can lead out: a plain file or folder costs no lookup."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a link loop
        return Problem(path, None, "a link that leads nowhere; replace it with the file itself")
    if inside:
        return None
    message = f"a link to {target}, outside the story folder; replace it with the file itself"
    return Problem(path, None, message)
