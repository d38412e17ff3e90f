"""Packages whose names load on first use: each name is the one its module defines."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from reader.lazy import lazy_names

LAZY = ["reader.analysis", "reader.report", "reader.workspace"]


@pytest.mark.parametrize("package", LAZY)
def test_every_name_is_the_one_its_module_defines(package: str) -> None:
    module = importlib.import_module(package)
    assert module.__all__
    for name in module.__all__:
        value = getattr(module, name)
        homes = [m for m in sys.modules.values() if m and vars(m).get(name) is value]
        assert any(m.__name__.startswith(f"{package}.") for m in homes), name


@pytest.mark.parametrize("package", LAZY)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = importlib.import_module(package).nothing


def test_names_come_from_the_imports_under_type_checking(tmp_path: Path) -> None:
    init = tmp_path / "__init__.py"
    init.write_text(
        "from typing import TYPE_CHECKING\n"
        "import os\n"
        "if TYPE_CHECKING:\n"
        "    from os.path import join as join\n"
        "    from json import dumps as to_json\n",
        encoding="utf-8",
    )
    sys.modules["fake_package"] = type(sys)("fake_package")
    try:
        getter, names = lazy_names("fake_package", str(init))
        assert names == ["join", "to_json"]
        assert getter("join") is importlib.import_module("os.path").join
        assert vars(sys.modules["fake_package"])["join"] is getter("join")
        with pytest.raises(AttributeError):
            getter("os")
    finally:
        del sys.modules["fake_package"]
