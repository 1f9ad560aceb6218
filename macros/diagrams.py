"""Pipeline -> mermaid flowchart text (pure), and the HTML block that carries it.

The page holds the mermaid source in a <pre>; assets/javascripts/diagrams.js loads the
site's own copy of mermaid only on pages that have such a block, draws the diagram and
turns each service node into a link, taking the href from the page's step list (links
that mkdocs has already resolved and validated). Node labels are escaped for mermaid
(as #quot; / #35; entity codes) and the whole source is HTML-escaped inside the <pre>.
"""

from __future__ import annotations

import html

from .catalog import Catalog
from .models import Pipeline


def node_label(pipe: Pipeline, node_id: str, catalog: Catalog) -> str:
    node = next(n for n in pipe.nodes if n.id == node_id)
    if node.label:
        return node.label
    return catalog.get("services", node.service).name


def _mermaid_text(text: str) -> str:
    """A label safe inside a quoted mermaid string."""
    out = []
    for ch in " ".join(text.split()):
        if ch == '"':
            out.append("#quot;")
        elif ch == "#":
            out.append("#35;")
        elif ch in "<>&`{}[]|;":
            out.append(f"#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def mermaid_source(pipe: Pipeline, catalog: Catalog) -> str:
    lines = [f"flowchart {pipe.direction}"]
    for node in pipe.nodes:
        label = _mermaid_text(node_label(pipe, node.id, catalog))
        # Services are boxes, other actors rounded, so the shape tells them apart too.
        shape = ('["', '"]') if node.service else ('("', '")')
        lines.append(f"    {_mid(node.id)}{shape[0]}{label}{shape[1]}")
    for edge in pipe.edges:
        arrow = f' -->|"{_mermaid_text(edge.label)}"| ' if edge.label else " --> "
        lines.append(f"    {_mid(edge.source)}{arrow}{_mid(edge.to)}")
    for node in pipe.nodes:
        if node.service:
            lines.append(f"    class {_mid(node.id)} atlasService")
    return "\n".join(lines)


def _mid(node_id: str) -> str:
    # Mermaid reserves some words ("end", "graph"); a prefix keeps every id safe.
    return "n_" + node_id.replace("-", "_")


def diagram_html(pipe: Pipeline, catalog: Catalog) -> str:
    """The raw-HTML block placed on the pipeline page."""
    source = mermaid_source(pipe, catalog)
    nodes = {_mid(n.id): n.id for n in pipe.nodes if n.service}
    summary = (
        f"Diagram of the {pipe.name} pipeline: "
        + "; ".join(
            f"{node_label(pipe, e.source, catalog)} to {node_label(pipe, e.to, catalog)}" for e in pipe.edges
        )
        + ". The numbered steps below describe the same flow."
    )
    import json

    return (
        f'<figure class="atlas-diagram" aria-label="{html.escape(summary)}" '
        f"data-atlas-nodes=\"{html.escape(json.dumps(nodes))}\">"
        f'<pre class="atlas-diagram__source">{html.escape(source)}</pre>'
        f"</figure>"
    )
