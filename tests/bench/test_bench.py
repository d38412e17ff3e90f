"""`reader bench` measures every analysis figure and says which targets hold."""

from __future__ import annotations

import json

import pytest

from reader.cli import main


def test_bench_json_reports_each_figure_with_its_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["bench", "--quick", "--no-ui", "--json"])
    document = json.loads(capsys.readouterr().out)
    names = [f["name"] for f in document["figures"]]
    assert "sample analysis" in names
    assert "analysis 200 sources" in names
    assert "peak memory, 200 sources" in names
    assert all(f["value"] > 0 for f in document["figures"])
    assert document["ok"] == all(f["ok"] for f in document["figures"])
    assert code == (0 if document["ok"] else 1)
