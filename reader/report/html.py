"""The story as a report to share: a self-contained HTML page, or Markdown.

The HTML page puts the sources side by side, paints each shared quote in its own colour in
every column (dashed for a variant, dotted for a paraphrase, with the word diff in a
tooltip), shades reused wire copy quietly, and adds the coverage table (shared quotes ×
sources: carried exact, altered, missing), every shared quote in its sentence, and the
timeline. Each source's outlet and title link to the article; each occurrence listed links
to its place in its column. Every piece of article text is escaped; only http(s) addresses
become links; the page loads nothing from elsewhere.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from html import escape

from reader.analysis import SentenceContext, word_diff
from reader.model import Analysis, Cluster, Occurrence, Source, Story
from reader.report.colours import PALETTE, assign_colours
from reader.report.links import anchor, fragment, web_url
from reader.report.markdown import source_name
from reader.report.names import short_names

Colours = dict[str, str]
"""Each shared quote's CSS colour, by cluster id."""


def render_html(story: Story, analysis: Analysis) -> str:
    """The whole report as one HTML document."""
    shared = analysis.shared
    colours = {cid: PALETTE[i] for cid, i in assign_colours(story, analysis).items()}
    altered = sum(1 for c in shared for o in c.occurrences if o.match != "exact")
    counts = (
        f"{len(story.sources)} sources · {len(shared)} shared quotes · {altered} altered "
        f"occurrences · {len(analysis.reuse)} reused passages · {len(analysis.events)} events"
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(story.title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(story.title)}</h1>",
        f'<p class="summary">{escape(story.summary)}</p>' if story.summary else "",
        f'<p class="counts">{escape(counts)}</p>',
        f'<p class="legend"><mark class="q exact" style="--c:{PALETTE[0]}">exact</mark> '
        f'<mark class="q variant" style="--c:{PALETTE[0]}">variant</mark> '
        f'<mark class="q paraphrase" style="--c:{PALETTE[0]}">paraphrase</mark> '
        '<span class="reuse">reused text</span> <span class="solo">quote in one source</span>'
        "</p></header>",
        '<section><h2>Sources</h2><div class="columns">',
        *(_column(story, analysis, source, colours) for source in story.sources),
        "</div></section>",
        _coverage(story, shared, colours),
        _in_context(story, analysis, colours),
        _timeline(story, analysis),
        "<footer>Made with reader.</footer></body></html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _column(story: Story, analysis: Analysis, source: Source, colours: Colours) -> str:
    date = source.date.isoformat() if source.date else "undated"
    url = web_url(source.url)
    head = (
        f'<div class="head"><div class="outlet">{_link(url, escape(source.name))}</div>'
        f'<div class="date">{escape(date)}</div>'
        + (
            f'<div class="title">{_link(url, escape(source.title))}</div>'
            if source.title and source.outlet  # else the title already heads the column
            else ""
        )
        + "</div>"
    )
    places: dict[int, list[str]] = {}
    for cluster in analysis.clusters:
        found = cluster.occurrence(source.id)
        if found is not None:
            places.setdefault(found.start, []).append(anchor(cluster.id, source.id))
    body = "".join(_marked(source.text, _spans(analysis, source.id, colours), places))
    return f'<article id="{escape(source.id)}">{head}<div class="text">{body}</div></article>'


def _link(url: str | None, inner: str) -> str:
    """`inner` (already HTML) as a link to `url` (from `web_url`), or as it is without one."""
    if url is None:
        return inner
    return f'<a href="{escape(url)}" rel="noopener noreferrer">{inner}</a>'


def _place(cluster: Cluster, occurrence: Occurrence, inner: str) -> str:
    """`inner` as a link to the occurrence's place in its column."""
    return f'<a href="{escape(fragment(anchor(cluster.id, occurrence.source)))}">{inner}</a>'


_Mark = tuple[int, int, int, str, str]
"""start, end, priority (higher wins where spans overlap), opening tag, closing tag."""


def _spans(analysis: Analysis, source_id: str, colours: Colours) -> list[_Mark]:
    marks: list[_Mark] = []
    for reuse in analysis.reuse:
        tag = f'<span class="reuse" title="{escape(reuse.id)}: reused text">'
        marks += [
            (o.start, o.end, 1, tag, "</span>") for o in reuse.occurrences if o.source == source_id
        ]
    for cluster in analysis.clusters:
        mine = cluster.occurrence(source_id)
        if mine is None:
            continue
        if cluster.id not in colours:
            tag = f'<span class="solo" title="{_who(cluster)}">'
            marks.append((mine.start, mine.end, 2, tag, "</span>"))
            continue
        tip = escape(_tooltip(cluster, mine), quote=True)
        tag = f'<mark class="q {mine.match}" style="--c:{colours[cluster.id]}" title="{tip}">'
        marks.append((mine.start, mine.end, 3, tag, "</mark>"))
    return marks


def _who(cluster: Cluster) -> str:
    return escape(f"{cluster.id} · {cluster.speaker or 'speaker unknown'}", quote=True)


def _tooltip(cluster: Cluster, occurrence: Occurrence) -> str:
    head = f"{cluster.id} · {cluster.speaker or 'speaker unknown'} · {occurrence.match}"
    if occurrence.match == "exact":
        return head
    changes = [
        ("−" if op == "delete" else "+") + words
        for op, words in word_diff(cluster.text, occurrence.text)
        if op != "equal"
    ]
    return f"{head} ({occurrence.similarity:.2f}): " + " ".join(changes)


def _marked(text: str, marks: list[_Mark], places: dict[int, list[str]]) -> Iterable[str]:
    """The text cut at every mark boundary, each piece wrapped by its strongest mark, with an
    empty element carrying the id of each place (offset → ids) where it starts."""
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks), *places})
    for start, end in itertools.pairwise(cuts):
        for place in places.get(start, ()):
            yield f'<span class="at" id="{escape(place)}"></span>'
        covering = [m for m in marks if m[0] <= start and end <= m[1]]
        piece = escape(text[start:end])
        if covering:
            top = max(covering, key=lambda m: (m[2], -(m[1] - m[0])))
            yield f"{top[3]}{piece}{top[4]}"
        else:
            yield piece


def _coverage(story: Story, shared: tuple[Cluster, ...], colours: Colours) -> str:
    if not shared:
        return '<section><h2>Shared quotes</h2><p class="none">No shared quotes.</p></section>'
    names = short_names(story.sources)
    head = "".join(
        f'<th title="{escape(s.name)}">{escape(names[s.id])}</th>' for s in story.sources
    )
    rows = []
    for cluster in shared:
        cells = []
        for source in story.sources:
            found = cluster.occurrence(source.id)
            if found is None:
                cells.append('<td class="missing">missing</td>')
            else:
                cells.append(
                    f"<td {_match_class(found)}>{_place(cluster, found, _how(found))}</td>"
                )
        quote = escape(cluster.text if len(cluster.text) <= 160 else cluster.text[:157] + "…")
        rows.append(
            f'<tr><th><span class="swatch" style="--c:{colours[cluster.id]}"></span>'
            f'{escape(cluster.speaker or "unknown")}<div class="quote">{quote}</div></th>'
            + "".join(cells)
            + "</tr>"
        )
    return (
        '<section><h2>Shared quotes × sources</h2><table class="coverage"><thead><tr>'
        f"<th>quote</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _how(occurrence: Occurrence) -> str:
    """ "exact", or how the occurrence departs and how far ("variant 0.80")."""
    if occurrence.match == "exact":
        return "exact"
    return f"{occurrence.match} {occurrence.similarity:.2f}"


def _match_class(occurrence: Occurrence) -> str:
    return 'class="exact"' if occurrence.match == "exact" else 'class="altered"'


def _in_context(story: Story, analysis: Analysis, colours: Colours) -> str:
    """Every occurrence of every shared quote in its sentence, linked to its column."""
    if not analysis.shared:
        return ""
    context = SentenceContext(story, analysis.quotes)
    rows = []
    for cluster in analysis.shared:
        for o in cluster.occurrences:
            around = context.around(o.source, o.start, o.end)
            text = around.text
            sentence = (
                escape(text[: o.start - around.start])
                + f'<mark class="q {o.match}" style="--c:{colours[cluster.id]}">'
                + f"{escape(o.text)}</mark>"
                + escape(text[o.end - around.start :])
            )
            rows.append(
                f"<tr><td>{escape(cluster.id)}</td>"
                f"<td>{_place(cluster, o, escape(source_name(story, o.source)))}</td>"
                f"<td {_match_class(o)}>{_how(o)}</td>"
                f'<td class="context">{sentence}</td></tr>'
            )
    return (
        '<section><h2>Shared quotes in context</h2><table class="coverage"><thead><tr>'
        "<th>quote</th><th>source</th><th>match</th><th>sentence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _timeline(story: Story, analysis: Analysis) -> str:
    if not analysis.events:
        return ""
    items = []
    for event in analysis.events:
        names = dict.fromkeys(source_name(story, s.source) for s in event.evidence)
        told = ", ".join(names) or "story.yaml"
        items.append(
            f"<li><time>{escape(event.date)}</time> "
            f'<span class="label">{escape(event.label)}</span> '
            f'<span class="told">{escape(told)}</span></li>'
        )
    return f'<section><h2>Timeline</h2><ol class="timeline">{"".join(items)}</ol></section>'


_CSS = """
:root{color-scheme:light dark;--bg:#fbfaf7;--fg:#1d1d1f;--muted:#6b6b70;--line:#deddd8}
@media (prefers-color-scheme:dark){:root{--bg:#17171a;--fg:#e8e6e1;--muted:#9a9aa2;
--line:#34343a}}
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem;background:var(--bg);color:var(--fg);
font:16px/1.55 Georgia,'Times New Roman',serif}
header h1{margin:0 0 .3rem;font-size:1.8rem}
.summary{max-width:60rem;white-space:pre-line;margin:.3rem 0}
.counts,.legend,footer,.date,.told{color:var(--muted);font:14px/1.4 system-ui,sans-serif}
h2{font:600 1.1rem system-ui,sans-serif;margin:2rem 0 .8rem;border-bottom:1px solid var(--line)}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(20rem,1fr);gap:1.2rem;
overflow-x:auto;padding-bottom:.5rem}
article{border:1px solid var(--line);border-radius:6px;padding:0 1rem 1rem;min-width:0}
.head{position:sticky;top:0;background:var(--bg);padding:.8rem 0 .5rem;
border-bottom:1px solid var(--line);margin-bottom:.6rem}
.outlet{font:700 1rem system-ui,sans-serif}
.title{font-style:italic;font-size:.9rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.95rem}
mark.q{color:#111;background:var(--c);border-radius:2px}
mark.variant{text-decoration:underline dashed;text-underline-offset:3px}
mark.paraphrase{font-style:italic;text-decoration:underline dotted 2px;text-underline-offset:3px}
mark.paraphrase::before{content:"≈";font-size:.75em}
.reuse{background:color-mix(in srgb,var(--muted) 14%,transparent)}
.solo{border-bottom:1px dotted var(--muted)}
table.coverage{border-collapse:collapse;font:14px/1.4 system-ui,sans-serif;width:100%}
.coverage th,.coverage td{border:1px solid var(--line);padding:.35rem .5rem;vertical-align:top;
text-align:left}
.coverage .quote{font:italic 13px/1.4 Georgia,serif;color:var(--muted);max-width:36rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.4rem;
background:var(--c)}
td.exact{color:#2e7d32}td.altered{color:#b26a00;font-weight:600}td.missing{color:var(--muted)}
ol.timeline{list-style:none;padding:0;font-size:.95rem}
ol.timeline li{padding:.3rem 0;border-bottom:1px solid var(--line)}
time{display:inline-block;min-width:7rem;font:600 14px system-ui,sans-serif}
footer{margin-top:2rem}
a{color:inherit;text-decoration-color:var(--muted);text-underline-offset:2px}
.at{scroll-margin-top:7rem}
.at:target+mark,.at:target+span{outline:3px solid hsl(45 100% 50%);outline-offset:2px}
td.context{font:14px/1.5 Georgia,serif;white-space:pre-wrap}
"""
