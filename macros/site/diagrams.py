"""Pipeline -> a static SVG diagram, laid out by Graphviz at generation time.

No script draws anything in the browser: `dot` (the Debian `graphviz` package, driven
through the `graphviz` Python package) lays the pipeline out once, and the page carries
the SVG inline. Service boxes are links to their pages, with the final relative URL the
built site uses (directory URLs online, .html files in the offline bundle). The SVG has
a title and a description for screen readers; the numbered steps below it say the same
in text. Colours come from the site's stylesheet (classes, not fills), so the diagram
follows light and dark mode, and prints as vector text.

Every label from data goes to Graphviz as plain text (never as an HTML-like label), and
Graphviz escapes it in the SVG it writes.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from macros.data.catalog import Catalog
from macros.data.models import Pipeline


class DiagramError(Exception):
    """Graphviz is missing or failed."""


def node_label(pipe: Pipeline, node_id: str, catalog: Catalog) -> str:
    node = next(n for n in pipe.nodes if n.id == node_id)
    if node.label:
        return node.label
    return catalog.get("services", node.service).name


def _wrap(text: str, width: int = 22) -> str:
    """Break a long label into lines of about `width` characters, at spaces."""
    words, lines, line = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def dot_source(pipe: Pipeline, catalog: Catalog, href) -> str:
    """The Graphviz source of a pipeline. `href(service_id)` gives a box's link."""
    import graphviz

    # The graph's name is never shown (the SVG gets our own title); a fixed one keeps
    # text from data out of the DOT source's structure.
    g = graphviz.Digraph(name="pipeline", format="svg")
    g.attr(rankdir=pipe.direction if pipe.direction in ("LR", "TD") else "LR", bgcolor="transparent",
           nodesep="0.35", ranksep="0.45", pad="0.1")
    if g.graph_attr.get("rankdir") == "TD":
        g.attr(rankdir="TB")
    g.attr("node", shape="box", fontname="DejaVu Sans,Helvetica,Arial,sans-serif", fontsize="12", margin="0.15,0.08")
    g.attr("edge", fontname="DejaVu Sans,Helvetica,Arial,sans-serif", fontsize="10", arrowsize="0.7")
    for node in pipe.nodes:
        label = graphviz.nohtml(_wrap(node_label(pipe, node.id, catalog)))
        if node.service:
            g.node(node.id, label, href=href(node.service), target="_top", tooltip=graphviz.nohtml(label),
                   **{"class": "atlas-node atlas-node--service"})
        else:
            g.node(node.id, label, style="rounded", **{"class": "atlas-node atlas-node--actor"})
    for edge in pipe.edges:
        attrs = {"class": "atlas-edge"}
        if edge.label:
            attrs["label"] = graphviz.nohtml(_wrap(edge.label, 18))
        g.edge(edge.source, edge.to, **attrs)
    return g.source


@lru_cache(maxsize=256)
def _render(source: str) -> str:
    import graphviz

    try:
        return graphviz.pipe("dot", "svg", source.encode("utf-8"), quiet=True).decode("utf-8")
    except graphviz.ExecutableNotFound as err:
        raise DiagramError("Graphviz's `dot` is not installed: `make install` installs the Debian graphviz package") from err
    except graphviz.CalledProcessError as err:
        raise DiagramError(f"Graphviz failed: {err.stderr.decode('utf-8', 'replace').strip()[-500:]}") from err


def _tidy(svg: str, title: str, desc: str, ident: str) -> str:
    """Graphviz's SVG, made fit to inline: no XML prolog or comments, no fixed colours,
    an accessible name and description, and no blank lines (they would end the raw-HTML
    block in Markdown)."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    # Colours and fonts come from the stylesheet (light, dark and print).
    svg = re.sub(r' (fill|stroke)="(black|white|none|transparent)"', lambda m: f' {m.group(1)}="none"' if m.group(2) in ("none", "transparent") else "", svg)
    svg = re.sub(r' font-family="[^"]*"', "", svg)
    # Links keep xlink:href: Material's instant navigation rewrites every element matching
    # [href] and fails on SVG links; no xlink title (the box shows its text).
    svg = re.sub(r' xlink:title="[^"]*"', "", svg)
    # Width and height in points make a fixed-size picture; keep the viewBox so it scales.
    svg = re.sub(r'<svg width="(\d+)pt" height="(\d+)pt"', lambda m: f'<svg width="{m.group(1)}" height="{m.group(2)}"', svg, count=1)
    # The graph's own <title> (Graphviz names it after the graph) becomes ours.
    svg = re.sub(r"(<g id=\"graph0\"[^>]*>)\s*<title>.*?</title>", r"\1", svg, count=1, flags=re.S)
    # Not role="img": the service boxes inside are links, which an image may not hold. The
    # figure around it takes its name and description from the SVG's title and desc.
    head = '<svg class="atlas-diagram__svg-root"'
    svg = svg.replace("<svg", head, 1)
    svg = svg.replace(">", f'><title id="{ident}-title">{html.escape(title)}</title><desc id="{ident}-desc">{html.escape(desc)}</desc>', 1)
    return "\n".join(line for line in svg.splitlines() if line.strip())


def diagram_html(pipe: Pipeline, catalog: Catalog, href, ident: str = "atlas-diagram") -> str:
    """The raw-HTML block placed on the pipeline page: a figure with the inline SVG."""
    summary = (
        "; ".join(f"{node_label(pipe, e.source, catalog)} to {node_label(pipe, e.to, catalog)}" for e in pipe.edges)
        + ". The numbered steps below describe the same flow."
    )
    svg = _tidy(_render(dot_source(pipe, catalog, href)), f"Diagram of the {pipe.name} pipeline", summary, ident)
    return (f'<figure class="atlas-diagram" data-atlas-state="drawn" aria-labelledby="{ident}-title" '
            f'aria-describedby="{ident}-desc"><div class="atlas-diagram__svg" tabindex="0" role="group" '
            f'aria-label="Diagram (scrolls sideways on narrow screens)">{svg}</div></figure>')
