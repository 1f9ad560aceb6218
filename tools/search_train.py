"""Does a reranker over the search's candidates help? Fits one on the site's own page
tasks and tests it on the benchmark (issue #25). Measured, never shipped by itself.

The training queries are the `tasks:` of every page (needs in a student's words), each
left out of its page (from the word index and the meaning layer) with the page as the
answer: self-supervised, nothing from the benchmark. tools/search_train.js computes the
candidates of each query (the pages the word or the meaning ranking puts in its first 30)
and their features with the site's engine modules; here a linear model over them is fitted
by a listwise softmax loss, and the candidates of the benchmark's queries are ordered by it:

    python tools/search_train.py --site /tmp/site [--features fused_rr,best,task]

prints hit@3 per group (the plain needs in their tuning and held-out halves, as
tools/search_eval.py) for the shipped fused list and for the reranked one, and the task
queries' own hit@3 with the model fitted on the other fifth of the pages (5 folds).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from searchbench import load_queries, site_pages  # noqa: E402

FEATURES = ["fused_rr", "words_rr", "meaning_rr", "words_rel", "share", "best", "best_gap", "second", "head", "task",
            "section", "best_known", "index", "glossary", "chooser", "comparison"]
"""As tools/search_train.js computes them, in its order."""


def rows_of(site: Path, tasks: bool = True, unnamed: bool = False) -> list[dict]:
    queries = load_queries(plain=True)
    pages = site_pages(site)
    bench = []
    plain = 0
    for q in queries:
        half = ""
        if q["group"] == "plain":
            half = "plain even" if plain % 2 == 0 else "plain odd"
            plain += 1
        targets = ([] if q["expect"] == "none" else [q["expect"]]) + list(q.get("also") or ())
        if any(t in pages for t in targets):
            bench.append({"query": q["query"], "targets": targets, "group": q["group"], "half": half})
    request = json.dumps({"site": str(site), "bench": bench, "tasks": tasks, "unnamed": unnamed})
    result = subprocess.run([shutil.which("node") or "node", str(ROOT / "tools" / "search_train.js")], input=request,
                            capture_output=True, text=True, check=True)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    for row, q in zip([r for r in rows if r["set"] == "bench"], bench):
        row.update(group=q["group"], half=q["half"])
    return rows


def arrays(row: dict, columns: list[int]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([c[1] for c in row["cands"]], dtype=float).reshape(-1, len(FEATURES))
    y = np.array([c[0] in row["targets"] for c in row["cands"]])
    return x[:, columns], y


def fit(rows: list[dict], columns: list[int], reg: float = 1e-3, steps: int = 300, rate: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weights of a linear score over standardised features: softmax over each query's
    candidates, the loss being minus the log of the answers' share."""
    data = [arrays(r, columns) for r in rows if not r["exact"]]
    data = [(x, y) for x, y in data if len(x) and y.any()]
    stacked = np.vstack([x for x, _ in data])
    mean, scale = stacked.mean(0), stacked.std(0) + 1e-9
    data = [((x - mean) / scale, y) for x, y in data]
    w = np.zeros(len(columns))
    for _ in range(steps):
        grad = np.zeros_like(w)
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            q = p * y / (p * y).sum()
            grad += x.T @ (p - q)
        w -= rate * (grad / len(data) + reg * w)
    return w, mean, scale


def hit3(rows: list[dict], score) -> float:
    hits = 0
    for r in rows:
        x = np.array([c[1] for c in r["cands"]], dtype=float).reshape(-1, len(FEATURES))
        if not len(x):
            continue
        # A query the words answer with certainty keeps the word ranking.
        s = x[:, FEATURES.index("words_rr")] if r["exact"] else score(x)
        order = np.argsort(-s, kind="stable")[:3]
        hits += any(r["cands"][i][0] in r["targets"] for i in order)
    return hits / max(len(rows), 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, required=True, help="a built site (python -m macros build)")
    parser.add_argument("--features", default=",".join(FEATURES), help="comma-separated, of " + ", ".join(FEATURES))
    parser.add_argument("--unnamed", action="store_true", help="leave the words of the page's names out of its tasks")
    parser.add_argument("--save", type=Path, help="keep the candidates here (JSON lines) ...")
    parser.add_argument("--load", type=Path, help="... and read them back instead of computing them")
    args = parser.parse_args()
    if args.load:
        rows = [json.loads(line) for line in args.load.read_text().splitlines()]
    else:
        rows = rows_of(args.site, unnamed=args.unnamed)
        if args.save:
            args.save.write_text("".join(json.dumps(r) + "\n" for r in rows))
    names = args.features.split(",")
    columns = [FEATURES.index(n) for n in names]
    tasks = [r for r in rows if r["set"] == "task"]
    bench = [r for r in rows if r["set"] == "bench"]
    shipped = lambda x: x[:, FEATURES.index("fused_rr")]  # noqa: E731

    # The tasks' own figure: fitted on four fifths of the pages, tested on the rest.
    pages = sorted({r["targets"][0] for r in tasks})
    folds = {page: n % 5 for n, page in enumerate(pages)}
    held = 0.0
    for fold in range(5):
        train = [r for r in tasks if folds[r["targets"][0]] != fold]
        test = [r for r in tasks if folds[r["targets"][0]] == fold]
        w, mean, scale = fit(train, columns)
        held += hit3(test, lambda x: ((x[:, columns] - mean) / scale) @ w) * len(test)
    w, mean, scale = fit(tasks, columns)
    print("weights (standardised): " + ", ".join(f"{n} {v:+.2f}" for n, v in zip(names, w)))
    reranked = lambda x: ((x[:, columns] - mean) / scale) @ w  # noqa: E731
    print(f"{'':14s} {'queries':>7s}  {'shipped':>8s}  {'reranked':>8s}   (hit@3)")
    print(f"{'tasks':14s} {len(tasks):7d}  {hit3(tasks, shipped):8.1%}  {held / max(len(tasks), 1):8.1%}   (left-out pages)")
    groups: dict[str, list[dict]] = {}
    for r in bench:
        groups.setdefault(r["group"], []).append(r)
        if r["half"]:
            groups.setdefault(r["half"], []).append(r)
    for group, part in groups.items():
        print(f"{group:14s} {len(part):7d}  {hit3(part, shipped):8.1%}  {hit3(part, reranked):8.1%}")


if __name__ == "__main__":
    main()
