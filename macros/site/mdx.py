"""A Python-Markdown extension (listed in mkdocs.yml as `macros.mdx`): two small changes to
the HTML tree of every page, made at build time so they need no script and work with any
tool that runs Python-Markdown.

- Identifiers break only where they have joints: a `<wbr>` follows each `_ / . :` inside an
  inline code span (hyphens already allow a break), so `early_stopping_patience` or
  `application/json` never split mid-word on screen or paper, and copying the identifier
  copies it whole (`<wbr>` adds no character).
- Table cells carry their column's header as `data-label`, so on a narrow screen the
  stylesheet can show each row as a card of "header: value" lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.treeprocessors import Treeprocessor

JOINT = re.compile(r"(?<=[_/.:])(?=[A-Za-z0-9])")
# Inline code whose content is plain text (highlighted code holds spans; leave it alone).
INLINE_CODE = re.compile(r"(<code(?:\s[^>]*)?>)([^<]*)(</code>)")
PRE = re.compile(r"<pre[\s>].*?</pre>", re.S)
PLACEHOLDER = re.compile("\x02wzxhzdk:\\d+\x03")


def _text_of(el: etree.Element) -> str:
    return " ".join(PLACEHOLDER.sub("", "".join(el.itertext())).split())


def add_breaks(html: str) -> str:
    """`<wbr>` after each joint of every inline code span outside <pre> blocks."""
    out, pos = [], 0
    for block in PRE.finditer(html):
        out.append(INLINE_CODE.sub(_break_code, html[pos:block.start()]))
        out.append(block.group(0))
        pos = block.end()
    out.append(INLINE_CODE.sub(_break_code, html[pos:]))
    return "".join(out)


def _break_code(m: re.Match) -> str:
    return m.group(1) + JOINT.sub("<wbr>", m.group(2)) + m.group(3)


class Breaks(Postprocessor):
    def run(self, text: str) -> str:
        return add_breaks(text)


class Labels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            headers = [_text_of(th) for th in table.iter("th")]
            if len(headers) < 3:
                continue
            table.set("data-atlas-stack", "")
            for tbody in table.iter("tbody"):
                for tr in tbody.iter("tr"):
                    for i, td in enumerate(tr.findall("td")):
                        if i < len(headers) and headers[i]:
                            td.set("data-label", headers[i])


class AtlasExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        # After the inline patterns (priority 20) have made <code> elements.
        md.treeprocessors.register(Labels(md), "atlas_table_labels", 5)
        # After raw HTML and stashed code have been put back (priority 30).
        md.postprocessors.register(Breaks(md), "atlas_code_breaks", 5)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's entry point
    return AtlasExtension(**kwargs)
