"""A Content-Security-Policy on every page of the built site, hosted and offline.

GitHub Pages sets no response headers, so each page carries the policy as the first
element of its <head> (`<meta http-equiv="Content-Security-Policy">`). The policy allows
scripts from the site's own files only (`script-src 'self'`): no inline script, no hash,
no third-party host. The theme's inline scripts are replaced by files of ours
(overrides/partials/javascripts/, docs/assets/javascripts/theme/), so a built page holds no
inline script at all, and `inline_scripts` finding one fails the build: whatever got into a
page, from data or a template, could not run, and is not quietly trusted by a hash.

The offline bundle gets the same policy: from file:// Chromium matches 'self' against the
bundle's own files, and its search worker runs in a frame page of ours
(theme/worker-frame.html) rather than in inline scripts written into an iframe.

Styles allow inline style attributes ('unsafe-inline' in style-src): KaTeX positions
formulas with them and the print header is a <style>. A style cannot run code.
"""

from __future__ import annotations

import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
DATA_TYPES = re.compile(r'\stype\s*=\s*["\']?application/(ld\+)?json', re.I)

POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
])


def inline_scripts(html: str) -> list[str]:
    """The start of every inline script the browser would run (JSON data blocks are not
    run and do not count)."""
    found = []
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I) or DATA_TYPES.search(attrs):
            continue
        found.append(" ".join(m.group("body").split())[:60] or "(empty)")
    return found


def add_policy(html: str) -> str:
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
    head = re.search(r"<head(\s[^>]*)?>", html, re.I)
    if head is None:
        return html
    return html[: head.end()] + "\n    " + meta + html[head.end():]


def apply(site_dir: Path) -> list[str]:
    """Add the policy to every HTML page of a built site. Returns one line per page that
    holds an inline script (the build then fails: the policy would refuse it)."""
    problems = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for script in inline_scripts(text):
            problems.append(f"{path.relative_to(site_dir).as_posix()}: an inline script ('{script}') would be refused by "
                            "the Content-Security-Policy; scripts must be files under docs/assets/javascripts/")
        updated = add_policy(text)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
    return problems
