"""The report as Markdown: sources, shared quotes with every version, coverage, timeline.

Article text is escaped so that no Markdown renderer turns it into links, emphasis or HTML;
the only links are each source's outlet and title, to its http(s) address. Each version of
a shared quote comes with the sentence it sits in.
"""

from __future__ import annotations

import re

from reader.analysis import SentenceContext, word_diff
from reader.model import Analysis, Story
from reader.report.links import web_url
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


def linked(text: str, url: str | None) -> str:
    """Escaped `text`, as a link when `url` is a web address."""
    found = web_url(url)
    return md(text) if found is None else f"[{md(text)}]({found})"


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
        outlet = linked(s.outlet, s.url) if s.outlet else "—"
        title = linked(s.title, s.url) if s.title else "—"
        lines.append(f"| {md(s.id)} | {outlet} | {date} | {title} | {s.words} |")
    lines += ["", "## Shared quotes", ""]
    if not shared:
        lines += ["No shared quotes.", ""]
    context = SentenceContext(story, analysis.quotes)
    for cluster in shared:
        speaker = md(cluster.speaker or "speaker unknown")
        lines += [f"### {md(cluster.id)} · {speaker}", "", f"> {md(cluster.text)}", ""]
        for o in cluster.occurrences:
            where = f"**{md(source_name(story, o.source))}** ({o.match}"
            where += ")" if o.match == "exact" else f", {o.similarity:.2f})"
            lines.append(f"- {where}: {md(o.text)}")
            lines.append(f"  - in context: {md(context.around(o.source, o.start, o.end).text)}")
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
