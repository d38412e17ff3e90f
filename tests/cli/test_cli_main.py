"""The command line's frame: routing to `open`, usage errors, closed pipes."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def _reader(*argv: str, **options: Any) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reader", *argv]
    return subprocess.run(command, text=True, stderr=subprocess.PIPE, **options)


def test_importing_into_a_file_names_it_instead_of_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder")
    (tmp_path / "x.txt").write_text("Some text of an article.")
    done = _reader("import", "afile", "x.txt", cwd=tmp_path, stdout=subprocess.DEVNULL)
    assert done.returncode == 1
    assert done.stderr.startswith("reader: afile/story.yaml: Not a directory")
    assert "Traceback" not in done.stderr


def test_a_file_as_the_sources_folder_is_named_by_import_and_check(tmp_path: Path) -> None:
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "story.yaml").write_text("title: T\n")
    (tmp_path / "s" / "sources").write_text("not a folder")
    (tmp_path / "x.txt").write_text("Some text of an article.")
    done = _reader("import", "s", "x.txt", cwd=tmp_path, stdout=subprocess.DEVNULL)
    assert (done.returncode, done.stderr) == (1, "reader: s/sources: Not a directory\n")
    checked = _reader("check", "s", cwd=tmp_path, stdout=subprocess.DEVNULL)
    assert checked.returncode == 1
    assert "s/sources: a file where the sources folder should be" in checked.stderr


def test_a_folder_as_story_yaml_is_named(tmp_path: Path) -> None:
    (tmp_path / "s" / "story.yaml").mkdir(parents=True)
    for command in ("check", "quotes"):
        done = _reader(command, "s", cwd=tmp_path, stdout=subprocess.DEVNULL)
        assert done.returncode == 1
        assert done.stderr == "reader: s/story.yaml: a folder where the story file should be\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_output_device_is_an_error_not_a_traceback(sample_path: Path) -> None:
    with open("/dev/full", "w") as full:
        done = _reader("sources", str(sample_path), "--json", stdout=full)
    assert done.returncode == 1
    assert done.stderr == "reader: standard output: No space left on device\n"


def test_a_closed_standard_output_is_an_error_not_a_traceback(sample_path: Path) -> None:
    done = _reader(
        "sources", str(sample_path), "--json", stdout=None, preexec_fn=lambda: os.close(1)
    )
    assert done.returncode == 1
    assert done.stderr == "reader: standard output is closed\n"


def test_a_failing_save_is_reported_with_its_file(
    sample_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    story = tmp_path / "story"
    shutil.copytree(sample_path, story)
    target = story / "annotations.yaml"

    def disk_full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr("reader.store.atomic._replace_with", disk_full)
    passage = "We strongly condemn child abuse"
    code = main(["annotate", str(story), "--source", "001_68c18a8236d82fe6", "--text", passage])
    assert code == 1
    assert capsys.readouterr().err.startswith(f"reader: {target}: No space left on device")
    assert not target.exists()
