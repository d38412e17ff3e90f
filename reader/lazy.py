"""Package names imported on first use (PEP 562), so that importing one module of a package
costs that module and not the whole package: the reader's first screen needs a few small
modules of `reader.report` and `reader.workspace`, not the analysis behind them.

A package says what it offers once, as imports under `if TYPE_CHECKING:` (`from
reader.report.names import shorten as shorten`): type checkers and the import contracts
read them there, and `lazy_names` reads them from the package's source.
"""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Callable
from pathlib import Path


def lazy_names(package: str, file: str) -> tuple[Callable[[str], object], list[str]]:
    """`__getattr__` and `__all__` for `package`, whose `__init__` is `file`. A name is
    imported when first asked for and kept in the package, so the next lookup is an
    ordinary one."""
    home = _type_checking_imports(Path(file).read_text(encoding="utf-8"))

    def __getattr__(name: str) -> object:
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home[name]), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__, sorted(home)


def _type_checking_imports(source: str) -> dict[str, str]:
    """Each name imported under `if TYPE_CHECKING:` and the module it comes from."""
    home: dict[str, str] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for line in node.body:
                if isinstance(line, ast.ImportFrom) and line.module:
                    home |= {alias.asname or alias.name: line.module for alias in line.names}
    return home
