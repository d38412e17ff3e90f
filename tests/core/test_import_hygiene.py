"""The core must run without the TUI: importing it never loads Textual. The reader's first
screen must not wait for modules it does not show: the analysis runs in a child process."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "reader.model",
    "reader.text",
    "reader.errors",
    "reader.store.stories",
    "reader.ingest.importer",
    "reader.annotations.anchoring",
    "reader.analysis",
    "reader.analysis.pipeline",
    "reader.workspace.view",
    "reader.report.formats",
    "reader.cli",
]


def test_core_does_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except ModuleNotFoundError as e:\n"
        "        if e.name != name: raise\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_first_screen_imports_no_analysis_and_no_report_writer() -> None:
    code = (
        "import sys, reader.app, reader.store\n"
        "print(' '.join(m for m in sys.modules if m.startswith('reader.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    assert "reader.app.reader_screen" in loaded
    assert not [m for m in loaded if m.startswith(("reader.analysis.", "reader.report.html"))]
