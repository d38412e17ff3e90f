"""An analysis measured in a process of its own: its time, its memory, its time limit."""

from __future__ import annotations

from pathlib import Path

from reader.bench import measure, read_corpus_story, synthetic_story


def test_a_finished_analysis_reports_its_time_memory_and_words() -> None:
    run = measure(synthetic_story, 5, limit=120)
    assert not run.stopped and run.error is None
    assert run.seconds > 0 and run.peak_mb > 10
    assert run.words == sum(s.words for s in synthetic_story(5).sources)


def test_an_analysis_past_its_limit_is_stopped_with_the_memory_it_had_reached() -> None:
    run = measure(synthetic_story, 50, limit=0.001)
    assert run.stopped and run.seconds == 0.001 and run.peak_mb > 10 and run.error is None


def test_a_failing_child_reports_its_error(tmp_path: Path) -> None:
    run = measure(read_corpus_story, str(tmp_path / "missing"), 3, limit=120)
    assert not run.stopped and run.error is not None and "missing" in run.error
