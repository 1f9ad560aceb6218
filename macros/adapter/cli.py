"""Command line of AWS ML Atlas.

  python -m macros check [DATA_DIR]      validate every data file (one line per problem)
  python -m macros generate [--out DIR]  write the pages, nav, downloads and search index
                                         into the build folder (default build/)
  python -m macros build [--site-dir DIR] [--out DIR]
                                         generate, then a strict MkDocs build of the result;
                                         a failed build leaves an existing site untouched
  python -m macros serve [--dev-addr H:P] build, serve the last good site, rebuild and
                                         reload on every edit of data/, docs/, macros/

Environment: ATLAS_DATA_DIR (another data directory), ATLAS_SITE_URL, ATLAS_OFFLINE=true
(the offline bundle), ATLAS_SEARCH=stock (the theme's own search, for the benchmark).
Exit status 1 on data problems, 2 on a usage or environment problem.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

from macros.adapter.build import build_site, generate, settings_from_env
from macros.adapter.serve import serve as serve_site
from macros.data.dataset import load_catalog
from macros.data.problems import format_problems
from macros.generation.generate import DEFAULT_OUT, ROOT, GenerationError, Result
from macros.site.diagrams import DiagramError
from macros.site.katex import formula_problems


def _generate(out: Path, quiet: bool = False, expand_macros: bool = False) -> tuple[int, Result | None]:
    start = time.monotonic()
    try:
        settings = dataclasses.replace(settings_from_env(), expand_macros=expand_macros)
        result = generate(out, settings=settings)
    except (GenerationError, DiagramError, RuntimeError, ValueError) as err:
        print(f"generate: {err}", file=sys.stderr)
        return 2, None
    if result.problems:
        print("The data has problems; nothing was generated.\n" + format_problems(result.problems), file=sys.stderr)
        return 1, None
    if not quiet:
        print(f"generated {out}: {result.written} files written ({time.monotonic() - start:.2f} s)")
    return 0, result


def _build(out: Path, site_dir: Path) -> int:
    status, result = _generate(out)
    if status:
        return status
    refused = build_site(result, site_dir)
    if refused:
        print("\n".join(refused) + "\nbuild failed; the existing site was left as it was", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="AWS ML Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every file under data/")
    check.add_argument("data_dir", nargs="?", default=os.environ.get("ATLAS_DATA_DIR") or str(ROOT / "data"))
    gen = sub.add_parser("generate", help="write the generated MkDocs project into the build folder")
    gen.add_argument("--out", default=str(DEFAULT_OUT))
    gen.add_argument("--quiet", action="store_true")
    gen.add_argument("--expand-macros", action="store_true",
                     help="run the macros of hand-written pages now (for a tool without mkdocs-macros, such as Zensical)")
    build = sub.add_parser("build", help="generate, then build the site strictly")
    build.add_argument("--out", default=str(DEFAULT_OUT))
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    serve = sub.add_parser("serve", help="generate and serve with live reload")
    serve.add_argument("--out", default=str(DEFAULT_OUT))
    serve.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args(argv)

    if args.command == "check":
        start = time.monotonic()
        data_dir = Path(args.data_dir)
        if not data_dir.is_dir():
            print(f"{data_dir}: no such data directory", file=sys.stderr)
            return 2
        catalog, problems = load_catalog(data_dir, data_dir.resolve().parent)
        if not problems:
            problems = formula_problems(catalog)
        if problems:
            print(format_problems(problems), file=sys.stderr)
            return 1
        counts = ", ".join(f"{len(v)} {k}" for k, v in catalog.entities.items())
        print(f"data OK: {counts} ({time.monotonic() - start:.2f} s)")
        return 0
    if args.command == "generate":
        return _generate(Path(args.out), args.quiet, args.expand_macros)[0]
    if args.command == "build":
        return _build(Path(args.out), Path(args.site_dir))
    if args.command == "serve":
        return serve_site(Path(args.out), args.dev_addr)
    return 2

