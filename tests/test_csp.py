"""Defence in depth: every page of the built site carries a Content-Security-Policy that
allows only the site's own scripts (and its inline ones by hash), and nothing the site
does trips it: every page loads, search runs, instant navigation moves between pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.build, pytest.mark.browser]


def _pages(site):
    return sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))


def test_every_page_has_a_policy_that_allows_only_its_own_scripts(real_site):
    for rel in _pages(real_site):
        html = (real_site / rel / "index.html").read_text()
        meta = BeautifulSoup(html, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta is not None, rel
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";") if " " in part.strip())
        assert policy["script-src"].startswith("'self'") and "unsafe" not in policy["script-src"], rel
        assert policy["object-src"] == "'none'" and policy["default-src"] == "'self'"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{rel}: the policy must come before any script"


def test_no_page_trips_the_policy(browser, real_url, real_site):
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(f"{page.url}: {e}"))
    for rel in _pages(real_site):
        page.goto(f"{real_url}/{'' if rel == '.' else rel + '/'}", wait_until="load")
    # Search (its worker and index) and instant navigation under the same policy.
    page.goto(f"{real_url}/algorithms/")
    page.keyboard.press("/")
    page.keyboard.type("feature store")
    page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=15000)
    page.keyboard.press("Escape")
    page.locator("article table a").first.click()
    page.wait_for_load_state("networkidle")
    page.close()
    assert not violations, "\n".join(violations[:10])


def test_injected_markup_could_not_run(browser, real_url):
    page = browser.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{real_url}/algorithms/xgboost/")
    page.evaluate("""() => {
        const s = document.createElement('script'); s.textContent = 'window.__pwned = 1'; document.body.appendChild(s)
        const img = document.createElement('img'); img.src = 'https://evil.example/x.png'; document.body.appendChild(img)
    }""")
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert refused, "the browser reported no refusal"
    page.close()
