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
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from .generate import DEFAULT_OUT, GenerationError, generate
from .loading import load_catalog
from .problems import format_problems

ROOT = Path(__file__).resolve().parent.parent


def _generate(out: Path, quiet: bool = False) -> int:
    start = time.monotonic()
    from .diagrams import DiagramError

    try:
        result = generate(out)
    except (GenerationError, DiagramError, RuntimeError) as err:
        print(f"generate: {err}", file=sys.stderr)
        return 2
    if result.problems:
        print("The data has problems; nothing was generated.\n" + format_problems(result.problems), file=sys.stderr)
        return 1
    if not quiet:
        print(f"generated {out}: {result.written} files written ({time.monotonic() - start:.2f} s)")
    return 0


def mkdocs_command(out: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args, "--strict", "-f", str(out / "mkdocs.yml")]


def _build(out: Path, site_dir: Path) -> int:
    site_dir = site_dir.resolve()  # MkDocs would read a relative one from the config's folder
    status = _generate(out)
    if status:
        return status
    tmp = site_dir.with_name(site_dir.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(mkdocs_command(out, "build", "--site-dir", str(tmp)), env=env)
    if done.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print("build failed; the existing site was left as it was", file=sys.stderr)
        return 1
    from . import csp

    refused = csp.apply(tmp)
    if refused:
        shutil.rmtree(tmp, ignore_errors=True)
        print("\n".join(refused) + "\nbuild failed; the existing site was left as it was", file=sys.stderr)
        return 1
    shutil.rmtree(site_dir, ignore_errors=True)
    tmp.replace(site_dir)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="AWS ML Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every file under data/")
    check.add_argument("data_dir", nargs="?", default=os.environ.get("ATLAS_DATA_DIR") or str(ROOT / "data"))
    gen = sub.add_parser("generate", help="write the generated MkDocs project into the build folder")
    gen.add_argument("--out", default=str(DEFAULT_OUT))
    gen.add_argument("--quiet", action="store_true")
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
            from .math import formula_problems

            problems = formula_problems(catalog)
        if problems:
            print(format_problems(problems), file=sys.stderr)
            return 1
        counts = ", ".join(f"{len(v)} {k}" for k, v in catalog.entities.items())
        print(f"data OK: {counts} ({time.monotonic() - start:.2f} s)")
        return 0
    if args.command == "generate":
        return _generate(Path(args.out), args.quiet)
    if args.command == "build":
        return _build(Path(args.out), Path(args.site_dir))
    if args.command == "serve":
        from .serve import serve

        return serve(Path(args.out), args.dev_addr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
