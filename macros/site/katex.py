"""Formulas drawn at build time: TeX -> KaTeX's HTML and MathML (pure apart from one
Node call per generation, macros/site/katex_render.js, with the pinned katex package).

Pages carry the finished markup, so readers' browsers load KaTeX's stylesheet and fonts
but run no KaTeX script; the MathML inside is what screen readers read and what prints.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from macros.data.problems import Problem

SCRIPT = Path(__file__).with_name("katex_render.js")


class MathError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@lru_cache(maxsize=4)
def _render_all(formulas: tuple[str, ...]) -> tuple:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed: formulas are drawn with Node.js and KaTeX (see README)")
    result = subprocess.run([node, str(SCRIPT)], input=json.dumps(list(formulas)), capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    if result.returncode != 0:
        raise RuntimeError("drawing the formulas failed: " + result.stderr.strip()[-2000:])
    return tuple(json.loads(result.stdout))


def render_formulas(formulas: list[str]) -> list[str | dict]:
    """Each formula's HTML, or {"error": message} where KaTeX cannot parse it."""
    return list(_render_all(tuple(formulas))) if formulas else []


def _formulas(catalog) -> list[tuple[str, int, str]]:
    """(concept id, position, TeX) of every formula in the data."""
    return [(cid, i, " ".join(f.latex.split())) for cid, c in catalog.of_kind("concepts") for i, f in enumerate(c.formulas)]


def formula_problems(catalog) -> list[Problem]:
    """One problem per formula KaTeX cannot draw."""
    found = _formulas(catalog)
    drawn = render_formulas([tex for _, _, tex in found])
    return [
        Problem(catalog.source_file("concepts", cid), f"expected a TeX formula KaTeX can draw; KaTeX says: {out['error']}",
                kind="concept", entity_id=cid, path=f"formulas[{i}].latex")
        for (cid, i, _), out in zip(found, drawn) if isinstance(out, dict)
    ]


def formula_blocks(catalog) -> dict[str, str]:
    """TeX (one line) -> the raw-HTML block for the page: KaTeX's markup in a div. A
    formula KaTeX cannot draw (formula_problems reports it) shows as its TeX source."""
    import html

    found = _formulas(catalog)
    drawn = render_formulas([tex for _, _, tex in found])
    blocks = {}
    for (_, _, tex), out in zip(found, drawn):
        inner = f'<code>{html.escape(tex)}</code>' if isinstance(out, dict) else out
        # One line: a blank line would end the raw-HTML block in Markdown.
        blocks[tex] = '<div class="atlas-formula">' + " ".join(inner.splitlines()) + "</div>"
    return blocks
