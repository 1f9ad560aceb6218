"""The Content-Security-Policy is a real boundary: every page, hosted and offline, allows
scripts from the site's own files only (no inline script, no hash); the built pages hold
no inline script at all; nothing the site does trips the policy; and a script that got into
a page anyway (as an escaping bug would put it there) is refused, not trusted."""

from __future__ import annotations

import shutil

INJECTED = '<script>window.__pwned = 1</script><img src="https://evil.example/x.png" alt="">'


def _pages(site):
    return sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html"))


def _one_page_per_template(site) -> list[str]:
    """Every top-level page, and the first three pages of every folder: each template and
    each kind of page once or more (no page holds an inline script, which the test above
    checks for all of them; this one watches what the scripts do)."""
    chosen, seen = [], {}
    for rel in _pages(site):
        folder = rel.split("/")[0] if "/" in rel else "."
        seen[folder] = seen.get(folder, 0) + 1
        if seen[folder] <= 3:
            chosen.append(rel)
    return chosen


def test_no_page_trips_the_policy(browser, real_url, real_site):
    page = browser.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(f"{page.url}: {m.text}") if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: violations.append(f"{page.url}: {e}"))
    for rel in _one_page_per_template(real_site):
        page.goto(f"{real_url}/{'' if rel == '.' else rel + '/'}", wait_until="load")
    # Search (its worker and index) and following a result's link under the same policy.
    page.goto(f"{real_url}/algorithms/")
    page.keyboard.press("/")
    page.keyboard.type("feature store")
    page.wait_for_selector(".md-search-result__list > .md-search-result__item", timeout=15000)
    page.keyboard.press("Escape")
    page.locator("article table a").first.click()
    page.wait_for_load_state("networkidle")
    page.close()
    assert not violations, "\n".join(violations[:10])


def _inject(html: str) -> str:
    return html.replace("<article", INJECTED + "<article", 1)


def _refused(browser, url: str) -> tuple[object, list[str]]:
    context = browser.new_context()
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    pwned = page.evaluate("() => window.__pwned")
    context.close()
    return pwned, refused


def test_a_script_in_a_hosted_page_is_refused_not_hashed(browser, real_site, tmp_path):
    from conftest import serve

    site = tmp_path / "site"
    shutil.copytree(real_site, site)
    page = site / "algorithms" / "xgboost" / "index.html"
    page.write_text(_inject(page.read_text()))
    server, url = serve(site)
    try:
        pwned, refused = _refused(browser, f"{url}/algorithms/xgboost/")
    finally:
        server.shutdown()
    assert pwned is None, "an injected script ran on the hosted site"
    assert any("inline" in r for r in refused), refused
    assert any("evil.example" in r for r in refused), refused


def test_a_script_in_an_offline_page_is_refused(browser, bundle, tmp_path):
    site = tmp_path / "bundle"
    shutil.copytree(bundle, site)
    page = site / "algorithms" / "xgboost.html"
    page.write_text(_inject(page.read_text()))
    pwned, refused = _refused(browser, page.as_uri())
    assert pwned is None, "an injected script ran in the offline bundle"
    assert any("inline" in r for r in refused), refused
