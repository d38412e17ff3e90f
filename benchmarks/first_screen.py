"""How long the reader's first screen takes against what Textual itself costs for it.

    python benchmarks/first_screen.py [STORY_FOLDER] [--runs 9]

Three apps are launched in turn, each in a fresh process timed from launch to its exit at
the first idle frame, as `reader bench` times its first screen:
- a bare Textual app showing one word (the yardstick of `reader bench`);
- the reader on the story (the sample story by default; open it once before, so its
  analysis is cached);
- the same screen built from Textual's own widgets: the story's title, three source columns
  of text, the side pane's legend, timeline and speakers, a detail line and a key bar. It
  reads the story as the reader does but has no analysis, so it shows no highlights.

The medians are printed with their ratio to the bare app. The third line says what a
Textual app showing this screen costs before it does any work of its own.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from reader.bench.ui import first_screen_seconds, launch_seconds
from reader.store import sample_story

PLAIN_TEXTUAL = """
import sys
from pathlib import Path
from rich.text import Text
from textual.app import App
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, OptionList, Static
from reader.store import load_story

story = load_story(Path(sys.argv[1]))
KEYS = [("n", "Next quote"), ("l", "Next source"), ("a", "Annotate"), ("/", "Search"),
        ("t", "Timeline"), ("s", "Speakers"), ("?", "Help"), ("q", "Quit")]

class PlainTextual(App[None]):
    BINDINGS = [Binding(key, f"notify({d!r})", d) for key, d in KEYS]  # one action each
    CSS = '''
    #body { height: 1fr; }
    .column { width: 1fr; border: round $primary; }
    #side { width: 40; }
    OptionList { height: 1fr; }
    '''

    def compose(self):
        yield Static(f"{story.title} · {len(story.sources)} sources")
        with Horizontal(id="body"):
            for source in story.sources[:3]:
                column = VerticalScroll(Static(Text(source.text)), classes="column")
                column.border_title = source.outlet
                yield column
            with Vertical(id="side"):
                yield Static("legend")
                yield OptionList(*(f"{e.date}\\n  {e.label}" for e in story.events))
                yield OptionList(*(s.name for s in story.speakers))
        yield Static("detail")
        yield Footer()

app = PlainTextual()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("story", type=Path, nargs="?", default=sample_story())
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    apps = {
        "bare Textual app": lambda: first_screen_seconds(None),
        "reader": lambda: first_screen_seconds(args.story),
        "same screen, Textual's widgets": lambda: launch_seconds(PLAIN_TEXTUAL, str(args.story)),
    }
    times: dict[str, list[float]] = {name: [] for name in apps}
    for launch in apps.values():
        launch()  # once untimed: bytecode written, files in the operating system's cache
    for _ in range(args.runs):
        for name, launch in apps.items():
            times[name].append(launch())
    bare = statistics.median(times["bare Textual app"])
    print(f"{'first screen':<32}{'median':>9}{'vs bare':>9}")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"{name:<32}{median * 1000:>6.0f} ms{median / bare:>8.2f}×")


if __name__ == "__main__":
    main()
