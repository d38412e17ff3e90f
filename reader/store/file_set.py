"""Several files of a story replaced together: all of them, or none.

An import writes a text, its metadata and its page for every source, then lists the new ids
in story.yaml. A full disk, a read-only folder or an edit of story.yaml in between must not
leave sources that story.yaml does not list: every file is first written beside its target,
then moved in, then story.yaml is saved; any failure moves the old files back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from reader.store.atomic import Stamp, atomic_write, backup_path, locked

STAGING_PREFIX = ".import-"
"""Staging folders a killed import may leave; `reader check --fix` removes them."""


def replace_together(
    folder: Path,
    files: Mapping[Path, str | None],
    last: tuple[Path, str, Stamp | None] | None = None,
) -> None:
    """Write each file of `folder` (None removes it), then `last` (path, text, the stamp it
    was read with) while holding its lock; if anything fails, every file is as it was.
    A replaced file's previous version is kept as `<name>.bak`, as `atomic_write` keeps it."""
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=folder))
    done: list[tuple[Path, Path | None, bool]] = []  # target, its old version, new one placed
    try:
        staged = {
            target: _stage(staging, n, text) for n, (target, text) in enumerate(files.items())
        }
        with locked(last[0]) if last is not None else contextlib.nullcontext():
            for n, (target, new) in enumerate(staged.items()):
                old = staging / f"old-{n}" if target.exists() else None
                if old is not None:
                    os.replace(target, old)
                done.append((target, old, False))
                if new is not None:
                    os.replace(new, target)
                    done[-1] = (target, old, True)
            if last is not None:
                atomic_write(last[0], last[1], expected=last[2])
        for target, old, placed in done:
            if old is not None and placed:  # keep the previous version, as every save does
                with contextlib.suppress(OSError):
                    os.replace(old, backup_path(target))
    except BaseException:
        for target, old, placed in reversed(done):
            with contextlib.suppress(OSError):
                if placed:
                    target.unlink()
                if old is not None:
                    os.replace(old, target)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _stage(staging: Path, n: int, text: str | None) -> Path | None:
    """The new file's text written and synced in the staging folder."""
    if text is None:
        return None
    path = staging / f"new-{n}"
    with open(path, "wb") as handle:
        handle.write(text.encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    return path
