"""The core must run without the TUI: importing it never loads Textual."""

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
