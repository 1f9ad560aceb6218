"""Every built page, hosted and offline, carries a Content-Security-Policy that allows only the
site's own script files, before any script, and holds no inline script."""

from __future__ import annotations

from bs4 import BeautifulSoup

from macros.site import csp


def _pages(site):
    return sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))


def _policy(html: str) -> dict[str, str]:
    head = html[: html.index("</head>")]  # the policy must be in the head; parsing the body is wasted work
    meta = BeautifulSoup(head, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    return dict(part.strip().split(" ", 1) for part in meta["content"].split(";") if " " in part.strip())


def test_every_page_has_a_policy_that_allows_only_its_own_script_files(real_site):
    for rel in _pages(real_site):
        html = (real_site / rel / "index.html").read_text()
        policy = _policy(html)
        assert policy["script-src"] == "'self'", rel
        assert policy["object-src"] == "'none'" and policy["default-src"] == "'self'"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{rel}: the policy must come before any script"
        assert csp.inline_scripts(html) == [], f"{rel}: inline script"


def test_the_offline_bundle_has_the_same_policy_and_no_inline_script(bundle):
    pages = sorted(bundle.rglob("*.html"))
    assert len(pages) > 200
    for path in pages:
        html = path.read_text()
        assert _policy(html)["script-src"] == "'self'", path
        assert csp.inline_scripts(html) == [], path
