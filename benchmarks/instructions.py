"""The analysis of real articles counted in instructions, which the machine's load does not
change, so its growth with the story can be read where timings vary from run to run.

    python benchmarks/instructions.py PATH [--articles 50 200 1000]

PATH is what `reader bench --corpus` takes. Each size runs twice under valgrind's callgrind
(slow: about fifty times the analysis's own time), once building the story without analysing
it and once analysing it too; the difference is the analysis. Prints millions of instructions
and words per size, and the growth of both between sizes. Needs `valgrind` on the PATH.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import subprocess
import sys

from reader.bench import read_corpus_story

_CHILD = """
import sys
from reader.analysis import analyze
from reader.bench import read_corpus_story
story = read_corpus_story(sys.argv[1], int(sys.argv[2]))
if sys.argv[3] == "analyse":
    analyze(story)
"""
_COLLECTED = re.compile(r"Collected : (\d+)")


def instructions(path: str, articles: int, step: str) -> int:
    """Instructions callgrind counts in a process that builds the story and does `step`."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    command += [sys.executable, "-c", _CHILD, path, str(articles), step]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind reported no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a folder of .txt articles or the Multi-News .jsonl")
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 200, 1000])
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    counts: dict[int, tuple[float, int]] = {}
    for n in args.articles:
        analysis = instructions(args.path, n, "analyse") - instructions(args.path, n, "build")
        words = sum(source.words for source in read_corpus_story(args.path, n).sources)
        counts[n] = (analysis / 1e6, words)
        print(f"{n:>6,} articles  {counts[n][0]:>10,.0f} million instructions  {words:>9,} words")
    for small, large in itertools.pairwise(args.articles):
        grew, more = counts[large][0] / counts[small][0], counts[large][1] / counts[small][1]
        print(f"{small:,}→{large:,}: {grew:.2f}× the instructions for {more:.2f}× the words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
