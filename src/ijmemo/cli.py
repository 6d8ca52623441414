"""Command line: `python -m ijmemo validate|curate` (the Makefile calls these)."""

from __future__ import annotations

import argparse
import sys
import time

from .curate import CurationError, curate, write_tables
from .paths import DataPaths


def _say(message: str) -> None:
    print(message, flush=True)


def _summary(tables) -> str:
    counts = ", ".join(
        f"{len(tables[name])} {name}"
        for name in ("sources", "claims", "initiatives", "events", "actors", "topics")
    )
    return counts


def cmd_validate(args) -> int:
    paths = DataPaths.at(args.data_dir)
    _say(f"validate: checking sources and curated records in {paths.root}")
    result = curate(paths.root)
    n_quotes = len(result.checked.quote_matches)
    _say(f"validate: OK — {_summary(result.tables)}; {n_quotes} quotes verified verbatim")
    return 0


def cmd_curate(args) -> int:
    paths = DataPaths.at(args.data_dir)
    out = paths.processed if args.out is None else args.out
    started = time.perf_counter()
    _say(f"curate: [1/2] loading and checking {paths.root}")
    result = curate(paths.root)
    _say(f"curate: [2/2] writing {len(result.tables)} tables")
    written = write_tables(result.tables, out)
    _say(f"curate: OK — {_summary(result.tables)} ({time.perf_counter() - started:.1f} s)")
    _say(f"curate: tables are in {paths.display(written[0].parent)}/")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ijmemo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="check sources and curated records; write nothing")
    p.add_argument("--data-dir", default=None, help="data directory (default: the project's data/)")
    p.set_defaults(func=cmd_validate)
    p = sub.add_parser("curate", help="validate, then write the processed tables")
    p.add_argument("--data-dir", default=None, help="data directory (default: the project's data/)")
    p.add_argument("--out", default=None, help="output folder (default: <data-dir>/processed)")
    p.set_defaults(func=cmd_curate)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CurationError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
