"""Fixtures for the CLI tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.cli import main

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def reader_cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """`reader ARGS...` in-process: its exit status, stdout and stderr."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
