"""Atomic saves that never clobber: a crash mid-save or a concurrent edit loses nothing.

A save writes a temporary file in the same folder, fsyncs it and renames it over the
target, so readers see the old file or the new one, never half of one. The previous version
is kept next to it as `<name>.bak`. A save checks a stamp taken when the file was read and
refuses if someone else changed the file since. A read-modify-write holds `locked(path)`, an
advisory lock on the file's folder, so two writers never both read the old file.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.errors import Problem, ReaderError

__all__ = [
    "ABSENT",
    "ChangedOnDisk",
    "Stamp",
    "atomic_write",
    "backup_path",
    "file_stamp",
    "locked",
    "read_stamped",
]

MAX_TEMP_NAME_BYTES = 200
STALE_TEMP_SECONDS = 3600
LOCK_TIMEOUT = 10.0
"""Seconds a writer waits for another to finish before giving up with a clear message."""


class ChangedOnDisk(ReaderError):
    """The file on disk is not the one that was loaded: saving would clobber someone's edit."""


@dataclass(frozen=True)
class Stamp:
    """What a file looked like when read: a save compares it with the file on disk."""

    mtime_ns: int
    size: int
    sha256: str

    def same_content(self, other: Stamp) -> bool:
        return self.size == other.size and self.sha256 == other.sha256


ABSENT = Stamp(0, -1, "")
"""The stamp of a file that does not exist."""


def read_stamped(path: Path) -> tuple[bytes | None, Stamp]:
    """The file's bytes (None when there is no file) and the stamp of exactly those bytes."""
    try:
        mtime_ns = os.stat(path).st_mtime_ns
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, ABSENT
    return data, Stamp(mtime_ns, len(data), hashlib.sha256(data).hexdigest())


def file_stamp(path: Path) -> Stamp:
    """The file's stamp now; ABSENT when there is no file."""
    return read_stamped(path)[1]


def backup_path(path: Path) -> Path:
    """Where the previous version of `path` is kept."""
    return path.with_name(path.name + ".bak")


def atomic_write(path: Path, text: str, expected: Stamp | None = None) -> Stamp:
    """Replace `path` with `text` atomically, keeping the old version as `<name>.bak`.

    With `expected` (the stamp taken when the file was loaded), refuse with ReaderError if
    the file on disk has changed since. Returns the stamp of the new file.
    """
    path = Path(path)
    if expected is not None and not file_stamp(path).same_content(expected):
        raise ChangedOnDisk(
            [Problem(path, None, "changed on disk since it was loaded; reload it and try again")]
        )
    data = text.encode("utf-8")
    if path.exists():
        _replace_with(backup_path(path), path.read_bytes())
    _replace_with(path, data)
    return file_stamp(path)


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the advisory lock of the folder `path` lives in; other `reader` processes wait.

    Locking the folder rather than a lock file leaves nothing behind in the story.
    """
    path = Path(path)
    try:
        fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as error:
        raise ReaderError([Problem(path, None, f"cannot lock it: {error.strerror}")]) from None
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    message = f"another reader has held it for {timeout:.0f} s; try again"
                    raise ReaderError([Problem(path, None, message)]) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(fd)


def _replace_with(path: Path, data: bytes) -> None:
    """Write `data` to a synced temporary file beside `path`, then rename it over `path`."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    prefix = _temp_prefix(path)
    fd, temp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(path.parent)
    _remove_stale_temps(path.parent, prefix)


def _temp_prefix(path: Path) -> str:
    """A temporary name's start: the target's name, cut so the whole stays under 255 bytes."""
    name = path.name.encode("utf-8")[:MAX_TEMP_NAME_BYTES].decode("utf-8", "ignore")
    return f".{name}."


def _remove_stale_temps(folder: Path, prefix: str) -> None:
    """Temporary files a killed save left behind: old enough that no save still writes them."""
    now = time.time()
    for leftover in folder.glob(f"{glob.escape(prefix)}*.tmp"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_TEMP_SECONDS:
                leftover.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
