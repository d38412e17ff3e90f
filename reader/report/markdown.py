"""The report as Markdown: sources, shared quotes with every version, coverage, timeline.

Article text is escaped so that no Markdown renderer turns it into links, emphasis or HTML.
"""

from __future__ import annotations

import re

from reader.analysis import word_diff
from reader.model import Analysis, Story
from reader.report.names import short_names

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&#])")


def source_name(story: Story, source_id: str) -> str:
    """How a source is named in tables and reports (`Source.name`); the id if unknown."""
    try:
        source = story.source(source_id)
    except KeyError:
        return source_id
    return source.name


def md(text: str) -> str:
    """Text as literal Markdown: specials backslash-escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(story: Story, analysis: Analysis) -> str:
    """The whole report as one Markdown document."""
    shared = analysis.shared
    lines = [f"# {md(story.title)}", ""]
    if story.summary:
        lines += [md(story.summary), ""]
    lines += [
        f"{len(story.sources)} sources · {len(shared)} shared quotes · "
        f"{len(analysis.reuse)} reused passages · {len(analysis.events)} events",
        "",
        "## Sources",
        "",
        "| id | outlet | date | title | words |",
        "|---|---|---|---|---:|",
    ]
    for s in story.sources:
        date = s.date.isoformat() if s.date else "—"
        lines.append(
            f"| {md(s.id)} | {md(s.outlet or '—')} | {date} | {md(s.title or '—')} | {s.words} |"
        )
    lines += ["", "## Shared quotes", ""]
    if not shared:
        lines += ["No shared quotes.", ""]
    for cluster in shared:
        speaker = md(cluster.speaker or "speaker unknown")
        lines += [f"### {md(cluster.id)} · {speaker}", "", f"> {md(cluster.text)}", ""]
        for o in cluster.occurrences:
            where = f"**{md(source_name(story, o.source))}** ({o.match}"
            where += ")" if o.match == "exact" else f", {o.similarity:.2f})"
            lines.append(f"- {where}: {md(o.text)}")
            if o.match != "exact":
                changes = [
                    f"{'~~' + md(w) + '~~' if op == 'delete' else '**' + md(w) + '**'}"
                    for op, w in word_diff(cluster.text, o.text)
                    if op != "equal"
                ]
                lines.append(f"  - changes: {' '.join(changes)}")
        lines.append("")
    if shared:
        names = [md(name) for name in short_names(story.sources).values()]
        lines += ["## Coverage", "", f"| quote | {' | '.join(names)} |"]
        lines.append("|---" * (len(names) + 1) + "|")
        for cluster in shared:
            cells = []
            for s in story.sources:
                found = cluster.occurrence(s.id)
                cells.append("missing" if found is None else found.match)
            lines.append(f"| {md(cluster.id)} | {' | '.join(cells)} |")
        lines.append("")
    lines += ["## Timeline", ""]
    for event in analysis.events:
        told = ", ".join(dict.fromkeys(source_name(story, s.source) for s in event.evidence))
        lines.append(f"- **{event.date}** {md(event.label)} ({md(told or 'story.yaml')})")
    if analysis.reuse:
        lines += ["", "## Reused text", ""]
        for reuse in analysis.reuse:
            told = ", ".join(source_name(story, o.source) for o in reuse.occurrences)
            lines.append(f"- {md(reuse.text)} ({md(told)})")
    return "\n".join(lines) + "\n"
