"""`make zensical`: build the same generated project with MkDocs and with Zensical and
print every difference a reader would notice: pages, links, search, tooltips, edit links.

Not part of `make test` (Zensical is not a dependency of the site); the result is the
migration note in docs/contributing.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "zensical"


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("$", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run(cmd, text=True, capture_output=True, **kw)


def pages(site: Path) -> dict[str, BeautifulSoup]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "search/")) or rel == "404.html":
            continue
        out[rel] = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
    return out


def internal_links(soup: BeautifulSoup) -> set[str]:
    article = soup.find("article") or soup
    links = set()
    for a in article.find_all("a", href=True):
        href = a["href"]
        if href.startswith(("http:", "https:", "mailto:", "#", "javascript:")):
            continue
        links.add(href.split("?")[0])
    return links


def describe(name: str, site: Path, by_page: dict[str, BeautifulSoup]) -> dict:
    abbrs = sum(len((s.find("article") or s).find_all("abbr")) for s in by_page.values())
    tables = sum(len((s.find("article") or s).find_all("table")) for s in by_page.values())
    edits = Counter()
    for s in by_page.values():
        a = s.find("a", class_="md-content__button")
        edits["to data/" if a and "/data/" in a.get("href", "") else ("to docs/" if a else "none")] += 1
    home = (site / "index.html").read_text(encoding="utf-8", errors="replace")
    return {
        "pages": len(by_page),
        "abbreviation tooltips": abbrs,
        "tables": tables,
        "edit links": dict(edits),
        "search box in header": bool(re.search(r'class="md-search__input', home)),
        "our search worker configured": "material-worker.js" in home,
        "our search index shipped": (site / "search" / "atlas-index.js").is_file(),
        "theme search index": (site / "search" / "search_index.json").is_file(),
        "diagrams as SVG": sum(len(s.select("figure.atlas-diagram svg")) for s in by_page.values()),
    }


# The Zensical release this report was last run with, pinned like every other tool; to try
# a newer one: ZENSICAL_SPEC=zensical==X.Y.Z make zensical (it gets a virtualenv of its own).
ZENSICAL_SPEC = os.environ.get("ZENSICAL_SPEC", "zensical==0.1.2")


def main() -> int:
    tag = re.sub(r"[^A-Za-z0-9.]+", "-", ZENSICAL_SPEC)
    zvenv = ROOT / f".venv-{tag}"
    zensical = zvenv / "bin" / "zensical"
    if not zensical.exists():
        subprocess.run([sys.executable, "-m", "venv", str(zvenv)], check=True)
        pins = [line for line in (ROOT / "requirements.lock").read_text().splitlines()
                if line.split("==")[0].lower() in ("pydantic", "pydantic_core", "pyyaml", "jinja2", "markupsafe",
                                                    "mkdocs-macros-plugin", "annotated-types", "typing_extensions",
                                                    "typing-inspection", "beautifulsoup4", "soupsieve")]
        subprocess.run([str(zvenv / "bin" / "pip"), "install", "--quiet", ZENSICAL_SPEC, *pins], check=True)
        subprocess.run([str(zvenv / "bin" / "pip"), "install", "--quiet", "--no-deps", "-e", str(ROOT)], check=True)
    version = run([str(zensical), "--version"]).stdout.strip()

    shutil.rmtree(WORK, ignore_errors=True)
    gen = WORK / "generated"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = run([sys.executable, "-m", "macros", "build", "--out", str(gen), "--site-dir", str(WORK / "mkdocs-site")], cwd=ROOT, env=env)
    if done.returncode:
        print(done.stdout + done.stderr)
        return 1
    # Zensical runs no mkdocs-macros: the generation step runs the hand-written pages'
    # macros itself (the same functions), into a folder of its own.
    gen = WORK / "generated-expanded"
    done = run([sys.executable, "-m", "macros", "generate", "--expand-macros", "--out", str(gen)], cwd=ROOT, env=env)
    if done.returncode:
        print(done.stdout + done.stderr)
        return 1
    # Zensical wants its site directory inside the project (the generated folder).
    config = (gen / "mkdocs.yml").read_text()
    config = re.sub(r"(?m)^site_dir: .*$", "site_dir: zensical-site", config)
    (gen / "zensical.yml").write_text(config)
    done = run([str(zensical), "build", "--strict", "-f", str(gen / "zensical.yml")], cwd=gen, env=env)
    zlog = re.sub(r"\x1b\[[0-9;]*m", "", done.stdout + done.stderr)
    if done.returncode:
        print(zlog[-4000:])
        print(f"Zensical {version} failed to build the generated project")
        return 1

    m_site, z_site = WORK / "mkdocs-site", gen / "zensical-site"
    m_pages, z_pages = pages(m_site), pages(z_site)
    m_desc, z_desc = describe("MkDocs", m_site, m_pages), describe("Zensical", z_site, z_pages)
    print(f"\nZensical {version} against MkDocs 1.6 + Material 9, same generated folder\n")
    print(f"{'':32} {'MkDocs':>14} {'Zensical':>14}")
    differences = []
    for key in m_desc:
        a, b = m_desc[key], z_desc[key]
        mark = "" if a == b else "   <- differs"
        print(f"{key:32} {str(a):>14} {str(b):>14}{mark}")
        if a != b:
            differences.append(key)
    only_m = sorted(set(m_pages) - set(z_pages))
    only_z = sorted(set(z_pages) - set(m_pages))
    if only_m:
        print(f"\npages only MkDocs wrote ({len(only_m)}): {', '.join(only_m[:10])}")
    if only_z:
        print(f"pages only Zensical wrote ({len(only_z)}): {', '.join(only_z[:10])}")
    link_diffs = [p for p in set(m_pages) & set(z_pages) if internal_links(m_pages[p]) != internal_links(z_pages[p])]
    print(f"pages whose in-article links differ: {len(link_diffs)}" + (f" (e.g. {sorted(link_diffs)[:5]})" if link_diffs else ""))
    warnings = [line for line in zlog.splitlines() if line.lower().startswith(("warning", "error"))]
    print(f"Zensical warnings: {len(warnings)}")
    for w in warnings[:10]:
        print("  ", w)
    print(f"\n{len(differences) + bool(only_m) + bool(only_z) + bool(link_diffs)} kinds of difference found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
