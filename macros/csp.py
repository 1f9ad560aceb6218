"""Defence in depth: a Content-Security-Policy on every page of the built site.

GitHub Pages sets no response headers, so each page carries the policy as the first
element of its <head> (`<meta http-equiv="Content-Security-Policy">`). Scripts may only
come from the site itself, plus the page's own inline scripts by their SHA-256 hash (the
theme writes a few; their text differs from page to page, so each page gets its own
list). Nothing may be framed, posted or fetched from another host. Were some markup from
data ever to slip past the escaping, it could not run.

Styles allow inline style attributes ('unsafe-inline' in style-src): KaTeX positions
formulas with them. A style cannot run code; scripts stay strict.

The offline bundle gets no policy: its search runs in an iframe the theme's shim writes
with inline scripts, and file:// pages have no origin for 'self' to name.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = re.compile(r'\stype\s*=\s*["\']?application/(ld\+)?json', re.I)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy_for(html: str) -> str:
    scripts = []
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I) or DATA_TYPES.search(attrs):
            continue
        scripts.append(_sha256(m.group("body")))
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(dict.fromkeys(scripts)),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(d.strip() for d in directives)


def add_policy(html: str) -> str:
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    head = re.search(r"<head(\s[^>]*)?>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end():]


def apply(site_dir: Path) -> int:
    """Add the policy to every HTML page of a built site; returns how many pages."""
    count = 0
    for path in site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        updated = add_policy(text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            count += 1
    return count
