"""Every documented fact of tests/facts/ is on its page as built."""

from __future__ import annotations

from pathlib import Path

import yaml
from conftest import TESTS, text_of, tree_of

FACTS_DIR = TESTS / "facts"


FACTS = [dict(f, file=p.name) for p in sorted(FACTS_DIR.glob("*.yml")) for f in yaml.load(p.read_text(), Loader=yaml.CSafeLoader)]


def _page_text(site: Path, page: str) -> tuple[str, str]:
    article = tree_of(site / page / "index.html").xpath("//article")[0]
    return text_of(article), text_of(article, " ")


def test_every_documented_fact_is_on_its_page(real_site):
    texts: dict[str, tuple[str, str]] = {}
    missing = []
    for f in FACTS:
        if f["page"] not in texts:
            texts[f["page"]] = _page_text(real_site, f["page"])
        want = " ".join(str(f["fact"]).split())
        if not any(want in t for t in texts[f["page"]]):
            missing.append(f"{f['file']}: {f['page']}: {want!r}")
    print(f"\n{len(FACTS) - len(missing)} of {len(FACTS)} documented facts found on their pages")
    assert not missing, "\n".join(missing)
