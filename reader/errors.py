"""Errors a user can act on: each names the file, the line and what to do."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a file, printed as `file:line: message`."""

    file: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else f"{self.file}"
        return f"{where}: {self.message}"


class ReaderError(Exception):
    """Bad input: reported to the user as one or more problems, exit status 1."""

    def __init__(self, problems: list[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            message = problems
        else:
            self.problems = list(problems)
            message = "\n".join(str(p) for p in self.problems)
        super().__init__(message)
