"""Many `reader annotate` processes at once: every one of their annotations is saved."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = "001_68c18a8236d82fe6"
WRITERS = 20


@pytest.mark.slow
def test_twenty_concurrent_annotate_processes_save_twenty_annotations(
    sample_path: Path, tmp_path: Path
) -> None:
    story = tmp_path / "story"
    shutil.copytree(sample_path, story, ignore=shutil.ignore_patterns("annotations.yaml"))
    command = [sys.executable, "-m", "reader", "annotate", str(story), "--source", SOURCE]
    command += ["--text", "We strongly condemn child abuse"]
    writers = [
        subprocess.Popen([*command, "--note", f"writer {n}"], stdout=subprocess.PIPE)
        for n in range(WRITERS)
    ]
    codes = [w.wait(timeout=120) for w in writers]
    for w in writers:
        assert w.stdout is not None
        w.stdout.close()
    assert codes == [0] * WRITERS

    listed = subprocess.run(
        [sys.executable, "-m", "reader", "annotations", str(story), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    notes = sorted(a["note"] for a in json.loads(listed.stdout)["annotations"])
    assert notes == sorted(f"writer {n}" for n in range(WRITERS))
