"""The command line's frame: routing to `open`, usage errors, closed pipes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.cli import main


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--no-such-option"])
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_every_subcommand_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("import", "list", "sources", "check", "quotes", "timeline", "export"):
        with pytest.raises(SystemExit) as exit_info:
            main([command, "--help"])
        assert exit_info.value.code == 0
        assert f"reader {command}" in capsys.readouterr().out


def test_output_cut_short_by_a_closed_pipe_is_not_a_traceback(sample_path: object) -> None:
    command = [sys.executable, "-m", "reader", "quotes", str(sample_path), "--json"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.read(10)
        process.stdout.close()
        errors = process.stderr.read().decode()
        process.wait(timeout=60)
    assert "Traceback" not in errors
