"""Command line: `python -m macros check [DATA_DIR]` validates every data file.

Prints one line per problem and a count, exits 1 when there are problems, 0 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .loading import load_catalog
from .problems import format_problems

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description="AWS ML Atlas data tools")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every file under data/")
    check.add_argument("data_dir", nargs="?", default=str(ROOT / "data"))
    schema = sub.add_parser("schema", help="write the JSON Schema files generated from the models")
    schema.add_argument("--check", action="store_true", help="fail if the committed copies are stale")
    args = parser.parse_args(argv)

    if args.command == "check":
        start = time.monotonic()
        data_dir = Path(args.data_dir)
        if not data_dir.is_dir():
            print(f"{data_dir}: no such data directory", file=sys.stderr)
            return 2
        root = data_dir.resolve().parent
        catalog, problems = load_catalog(data_dir, root)
        if problems:
            print(format_problems(problems), file=sys.stderr)
            return 1
        counts = ", ".join(f"{len(v)} {k}" for k, v in catalog.entities.items())
        print(f"data OK: {counts} ({time.monotonic() - start:.2f} s)")
        return 0
    if args.command == "schema":
        from .schema import write_schemas

        stale = write_schemas(ROOT / "schema", check=args.check)
        if stale:
            print("stale generated schema: " + ", ".join(stale) + " (run `python -m macros schema`)", file=sys.stderr)
            return 1
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
