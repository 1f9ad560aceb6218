"""The search benchmark without a browser: the built site's search files ranked by the
site's own engine modules under Node (tools/search_eval.js), the same code the search
worker runs; tests/browser/test_search.py checks the worker in the browser gives these lists.
Seconds per run instead of minutes, for trying a change to the ranking:

    python tools/search_eval.py --site /tmp/site        # a site built before (python -m macros build)
    python tools/search_eval.py --build /tmp/site       # build it first (the meaning layer too)

Prints hit@1, hit@3 and MRR per group for the final list, the words alone and the meaning
alone; the plain-words needs whose page exists are also shown in their two halves, by
their order in tests/search_queries_plain.yml: the even half (0, 2, ...) is the one
changes were tuned on, the odd half is held out. `--misses` lists the final list's misses.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from searchbench import Outcome, by_group, load_queries, misses, scores, site_pages, split_missing  # noqa: E402

MODES = ["fused", "words", "meaning"]


def build(site: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "macros", "build", "--out", str(site) + "-generated", "--site-dir", str(site)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def rankings(site: Path, queries: list[str], modes: list[str]) -> dict[str, list[list[str]]]:
    request = json.dumps({"site": str(site), "queries": queries, "modes": modes})
    result = subprocess.run([shutil.which("node") or "node", str(ROOT / "tools" / "search_eval.js")], input=request,
                            capture_output=True, text=True, check=True)
    print(result.stderr.strip(), file=sys.stderr)
    return json.loads(result.stdout)


def outcomes_of(queries: list[dict], ranked: list[list[str]]) -> list[Outcome]:
    return [Outcome(q.get("group", "all"), q["query"], q["expect"], r, tuple(q.get("also") or ())) for q, r in zip(queries, ranked)]


def halves(outcomes: list[Outcome], pages: set[str]) -> dict[str, list[Outcome]]:
    """The plain group's needs whose page exists, in the tuning (even) and held-out (odd)
    halves by their order among all plain needs."""
    plain = [o for o in outcomes if o.group == "plain"]
    present = split_missing(plain, pages)[0]
    return {
        "plain even": [o for n, o in enumerate(plain) if n % 2 == 0 and o in present],
        "plain odd": [o for n, o in enumerate(plain) if n % 2 == 1 and o in present],
    }


def table(outcomes: list[Outcome], pages: set[str]) -> list[tuple[str, dict]]:
    present = split_missing(outcomes, pages)[0]
    rows = list(by_group(present).items())
    rows += [(name, scores(part)) for name, part in halves(outcomes, pages).items()]
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--site", type=Path, help="a built site")
    where.add_argument("--build", type=Path, help="build the site here first")
    parser.add_argument("--modes", nargs="+", default=MODES, choices=MODES)
    parser.add_argument("--misses", action="store_true", help="list the final list's misses (top 3)")
    parser.add_argument("--save", type=Path, help="write the rankings here as JSON")
    args = parser.parse_args()
    site = args.site or args.build
    if args.build:
        build(site)
    queries = load_queries(plain=True)
    ranked = rankings(site, [q["query"] for q in queries], args.modes)
    if args.save:
        args.save.write_text(json.dumps(ranked))
    pages = site_pages(site)
    for mode in args.modes:
        print(f"-- {mode}")
        for group, s in table(outcomes_of(queries, ranked[mode]), pages):
            print(f"   {group:12s} {s['queries']:4d}  hit@1 {s['hit@1']:6.1%}  hit@3 {s['hit@3']:6.1%}  MRR {s['mrr']:.3f}")
    if args.misses and "fused" in ranked:
        present = split_missing(outcomes_of(queries, ranked["fused"]), pages)[0]
        for miss in misses(present):
            print("  miss:", miss)


if __name__ == "__main__":
    main()
