"""Command line: `python -m ijmemo <command>`; the Makefile calls these, `--help` lists them."""

from __future__ import annotations

import argparse
import sys
import time
from contextlib import closing
from pathlib import Path

from ijmemo.core.gc_tuning import tune_gc
from ijmemo.core.paths import BUILD_DIR, EDITIONS_DIR, GOLD_DIR, PARAMS_DIR, PROJECT_ROOT, DataPaths

BROWSER_MISSING = 3  # exit status the Makefile answers by running `make browser`
# "done in" counts from here: imports are part of what the user waits for.
_STARTED = time.perf_counter()


def _say(message: str) -> None:
    print(message, flush=True)


def _shown(path: Path) -> str:
    """A path relative to the project when inside it (shorter to read, same to click)."""
    try:
        return str(Path(path).resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _summary(tables) -> str:
    names = ("sources", "claims", "initiatives", "events", "actors", "topics")
    return ", ".join(f"{len(tables[name])} {name}" for name in names)


def cmd_validate(args) -> int:
    from ijmemo.steps.curate import curate

    paths = DataPaths.at(args.data_dir)
    _say(f"validate: checking sources and curated records in {_shown(paths.root)}/")
    result = curate(paths.root)
    n_quotes = len(result.checked.quote_matches)
    _say(f"validate: OK — {_summary(result.tables)}; {n_quotes} quotes verified verbatim")
    return 0


def cmd_curate(args) -> int:
    from ijmemo.steps.curate import curate_to_processed

    paths = DataPaths.at(args.data_dir)
    out = paths.processed if args.out is None else Path(args.out)
    started = time.perf_counter()
    _say(f"curate: checking {_shown(paths.root)}/ and writing the processed tables")
    result = curate_to_processed(paths.root, out)
    _say(f"curate: OK — {_summary(result.tables)} ({time.perf_counter() - started:.1f} s)")
    _say(f"curate: tables are in {_shown(out)}/")
    return 0


def cmd_report(args) -> int:
    from ijmemo.outputs.build_inputs import FILES, build_key_or_none, is_current, parse_formats

    started = _STARTED
    editions = None if args.no_record else Path(args.editions)
    params = Path(args.params)
    try:
        formats = ("html",) if args.no_pdf else parse_formats(args.formats)
    except ValueError as exc:  # refused before anything runs
        print(f"report: {exc}", file=sys.stderr)
        return 2
    key = hashes = None
    overrides = _given_parameters(args)
    if args.if_changed:  # answered before anything heavy is imported
        from ijmemo.evidence.manifest import input_hashes

        # Once per build, passed on: the bytes hashed are what is curated, if anything is.
        hashes = input_hashes(DataPaths.at(args.data_dir), keep_read=True)
        key = build_key_or_none(params, args.data_dir, editions, formats, hashes, overrides)
        built = Path(args.out).resolve() / params.stem
        if key and is_current(built, key, formats):
            files = ", ".join(FILES[f] for f in formats)
            _say(f"report: nothing changed; {files} in {_shown(built)}/ up to date")
            return 0
    from ijmemo.outputs.kernel import EarlyKernel

    with EarlyKernel() as kernel:  # first: it starts while the build imports and checks
        from ijmemo.steps.report import ReportJob, build_report

        job = ReportJob(
            params,
            data_dir=args.data_dir,
            out_root=args.out,
            editions_dir=editions,
            inputs_sha256=key,
            formats=formats,
            data_hashes=hashes,
            overrides=overrides,
        )
        out = build_report(job, say=_say, kernel=kernel)
    took = time.perf_counter() - started
    html = out / "memo.html"
    lines = [f"report: done in {took:.1f} s — {_shown(html)} ({html.stat().st_size / 1e6:.1f} MB)"]
    if (out / "memo.pdf").exists():
        import pypdfium2  # (imports in a third of pypdf's time: this line ends every build)

        with closing(pypdfium2.PdfDocument(out / "memo.pdf")) as pdf:
            pages = len(pdf)
        lines.append(f"report: {_shown(out / 'memo.pdf')} ({pages} pages)")
    if (out / "memo.docx").exists():
        size = (out / "memo.docx").stat().st_size / 1e6
        lines.append(f"report: {_shown(out / 'memo.docx')} (Word, {size:.1f} MB)")
    if (out / "figures").is_dir():
        lines.append(f"report: chart images (PNG, SVG) in {_shown(out / 'figures')}/")
    lines.append(f"report: executed notebooks are in {_shown(out)}/")
    for line in lines:
        _say(line)
    return 0


def _given_parameters(args) -> dict:
    """Parameters given on the command line, replacing the set's file (checked with it)."""
    given = {"as_of": args.as_of, "period_months": args.period_months}
    return {name: value for name, value in given.items() if value is not None}


def cmd_index(args) -> int:
    from ijmemo.outputs.shelf import write_shelf

    out = write_shelf(Path(args.out), Path(args.editions))
    _say(f"index: every edition on record, with links to the built files: {_shown(out)}")
    return 0


def cmd_browser(args) -> int:
    from ijmemo.outputs.browser import BrowserNotFound, find_chromium

    try:
        _say(f"browser: {find_chromium()}")
    except BrowserNotFound as exc:
        print(f"browser: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_add_source(args) -> int:
    from ijmemo.steps.add_source import add_source

    pasted = sys.stdin.buffer.read() if args.file == "-" else None
    if args.file == "-" and sys.stdin.isatty():
        _say("add-source: reading the pasted article from standard input (end with Ctrl-D)")
    added = add_source(
        args.file, args.title, args.outlet, args.date, args.url, data_dir=args.data_dir,
        stdin=pasted,
    )  # fmt: skip
    matched = sum(1 for c in added.candidates if c.match.subject)
    if added.original_path:
        _say(f"add-source: kept {args.file} byte for byte as {_shown(added.original_path)}")
        _say(f"add-source: its text, extracted, in {_shown(added.text_path)}")
    elif args.file == "-":
        _say(f"add-source: saved the pasted text unchanged as {_shown(added.text_path)}")
    else:
        _say(f"add-source: copied {args.file} unchanged to {_shown(added.text_path)}")
    _say(
        f"add-source: metadata in {_shown(added.meta_path)} (what neither you nor the file "
        "states stays null)"
    )
    _say(
        f"add-source: {len(added.candidates)} candidate claims ({matched} matched to a known subject, "
        f"{len(added.candidates) - matched} possibly new) in {_shown(added.review_path)}"
    )
    _say(
        f"add-source: review them (accept: true, statement, subject), then: make accept SOURCE={added.source_id}"
    )
    return 0


def cmd_amend_source(args) -> int:
    from ijmemo.steps.amend_source import amend_source

    done = amend_source(
        args.source, args.title, args.outlet, args.date, args.url, data_dir=args.data_dir,
        identified_by=args.identified_by, on=args.on,
    )  # fmt: skip
    for name, (before, after) in done.changed.items():
        _say(f"amend-source: {name}: {before!r} -> {after!r}")
    for name in done.unchanged:
        _say(f"amend-source: {name}: already so, unchanged")
    _say(f"amend-source: {_shown(done.meta_path)} validated with all the data")
    if done.review_path:
        _say(f"amend-source: candidates proposed again in {_shown(done.review_path)}")
    return 0


def cmd_accept(args) -> int:
    from ijmemo.steps.accept import accept_source

    paths = DataPaths.at(args.data_dir)
    done = accept_source(args.source, data_dir=paths.root)
    claims = _shown(paths.claims / f"{args.source}.yaml")
    verb = "replaced (accepted again)" if done.replaced else "written"
    _say(f"accept: {len(done.claim_ids)} claims {verb} in {claims}: {', '.join(done.claim_ids)}")
    if done.actor_ids:
        actors = _shown(paths.curated / "actors.yaml")
        _say(f"accept: new actors added to {actors}: {', '.join(done.actor_ids)}")
    for kind, sid in done.subject_ids:
        _say(f"accept: new {kind} '{sid}' added to {_shown(paths.curated / f'{kind}s.yaml')}")
    if done.bases:
        meta = _shown(paths.sources / f"{args.source}.yaml")
        _say(f"accept: what the source rests on, recorded in {meta}: {', '.join(done.bases)}")
    for initiative, old, new, claim in done.status_moves:
        _say(f"accept: {initiative}: status {old} → {new} (claim {claim}; derived from the claims)")
    for initiative, alias in done.aliases:
        _say(f"accept: {initiative}: alias '{alias}' (recorded on the claim)")
    _say("accept: all data validated; run make report for the next edition")
    return 0


def cmd_eval_candidates(args) -> int:
    from ijmemo.tools.evaluate import evaluate, evaluate_curated, report, report_curated

    sets = [Path(g) for g in args.gold if any(Path(g).glob("*.yaml"))]
    for empty in sorted(set(args.gold) - {str(g) for g in sets}):
        _say(f"eval-candidates: no answer keys (*.yaml) in {_shown(Path(empty))}/; skipped")
    if not sets:
        return 2
    for gold in sets:
        started = time.perf_counter()
        _say(
            f"eval-candidates: adding each article in {_shown(gold)}/ to a scratch copy of the data"
        )
        tallies = evaluate(gold, args.data_dir)
        print(report(_shown(gold), gold, tallies), flush=True)
        took = time.perf_counter() - started  # on the terminal, not in the kept tables
        print(f"eval-candidates: {_shown(gold)} scored in {took:.1f} s", file=sys.stderr)
    if not args.no_shipped:
        _say("eval-candidates: re-adding each shipped source with its own claims removed")
        print(report_curated(evaluate_curated(args.data_dir)), flush=True)
    return 0


def cmd_check_notebooks(args) -> int:
    from ijmemo.outputs.notebooks import clean_file, notebook_problems

    failed = 0
    for name in args.files:
        if args.fix:
            clean_file(Path(name))
        for problem in notebook_problems(Path(name)):
            print(f"{name}: {problem}", file=sys.stderr)
            failed = 1
    if failed:
        print(
            "check-notebooks: run `make notebooks` (re-executes and cleans), or --fix",
            file=sys.stderr,
        )
    return failed


def cmd_notebooks(args) -> int:
    from ijmemo.core.paths import NOTEBOOKS_DIR
    from ijmemo.outputs.notebooks import execute_notebook

    for notebook in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        _say(f"notebooks: executing {_shown(notebook)} with its default parameters")
        execute_notebook(notebook, notebook)
    _say("notebooks: done; review the diff and commit the outputs (nbval compares against them)")
    return 0


DATA_HELP = "data directory (default: the project's data/)"


def _data_commands(sub) -> None:
    p = sub.add_parser("validate", help="check sources and curated records; write nothing")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("curate", help="validate, then write the processed tables")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.add_argument("--out", default=None, help="output folder (default: <data-dir>/processed)")
    p.set_defaults(func=cmd_curate)


def _report_commands(sub) -> None:
    p = sub.add_parser("report", help="build one memo edition (HTML, PDF, Word, figures)")
    p.add_argument(
        "params", nargs="?", default=str(PARAMS_DIR / "default.yaml"), help="parameter set YAML"
    )
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.add_argument("--out", default=str(BUILD_DIR), help="build root (default: report/build/)")
    p.add_argument("--no-pdf", action="store_true", help="stop after the HTML")
    p.add_argument(
        "--formats",
        default=None,
        help="what to write, comma-separated: html,pdf,docx,figures (default: all; the HTML always)",
    )
    p.add_argument(
        "--editions",
        default=str(EDITIONS_DIR),
        help="edition records: compare with the previous one, record this one (default: report/editions/)",
    )
    p.add_argument(
        "--no-record", action="store_true", help="a draft: no comparison, no edition record"
    )
    p.add_argument(
        "--as-of", default=None, help="the edition date, replacing the set's (the next edition)"
    )
    p.add_argument("--period-months", default=None, help="months the period covers, to as_of")
    p.add_argument(
        "--if-changed",
        action="store_true",
        help="skip the build when its inputs are the ones the last build used (make report)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("index", help="write report/build/index.html: every edition, with links")
    p.add_argument("--out", default=str(BUILD_DIR), help="build root (default: report/build/)")
    p.add_argument("--editions", default=str(EDITIONS_DIR), help="edition records")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("browser", help="say which Chromium prints the PDF, or how to install one")
    p.set_defaults(func=cmd_browser)


def _source_commands(sub) -> None:
    p = sub.add_parser(
        "add-source", help="add an article: copy it, record metadata, propose claims"
    )
    p.add_argument(
        "file",
        help="the article: a text file, a saved web page (.html), a PDF, a Word file (.docx), "
        "or - for text pasted on standard input",
    )
    p.add_argument("--title", default=None, help="headline (default: unknown)")
    p.add_argument("--outlet", default=None, help="publishing outlet (default: unknown)")
    p.add_argument(
        "--date", default=None, help="publication date, e.g. 2026-02-27 (default: unknown)"
    )
    p.add_argument("--url", default=None, help="address of the article (default: unknown)")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.set_defaults(func=cmd_add_source)

    p = sub.add_parser(
        "amend-source", help="correct an added source's metadata (date, title, outlet, URL)"
    )
    p.add_argument("source", help="source id (data/sources/<id>.yaml)")
    p.add_argument("--title", default=None, help="headline")
    p.add_argument("--outlet", default=None, help="publishing outlet")
    p.add_argument("--date", default=None, help="publication date, e.g. 2026-02-27")
    p.add_argument("--url", default=None, help="address of the article")
    p.add_argument(
        "--identified-by",
        default=None,
        help="how you established OUTLET or URL when the source does not state them "
        "(recorded apart from what it states)",
    )
    p.add_argument("--on", default=None, help="the day you established it (default: today)")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.set_defaults(func=cmd_amend_source)

    p = sub.add_parser("accept", help="turn a source's accepted candidates into curated claims")
    p.add_argument("source", help="source id (the review file data/review/<id>.yaml)")
    p.add_argument("--data-dir", default=None, help=DATA_HELP)
    p.set_defaults(func=cmd_accept)


def _tool_commands(sub) -> None:
    p = sub.add_parser(
        "eval-candidates", help="score add-source's proposals against gold answer keys"
    )
    held_out = (
        [str(d) for d in sorted(GOLD_DIR.iterdir()) if d.is_dir()] if GOLD_DIR.is_dir() else []
    )
    p.add_argument("gold", nargs="*", default=[str(GOLD_DIR), *held_out])
    p.add_argument(
        "--no-shipped", action="store_true", help="skip re-adding the shipped sources as a key"
    )
    p.add_argument("--data-dir", default=None)
    p.set_defaults(func=cmd_eval_candidates)

    p = sub.add_parser("check-notebooks", help="check notebooks keep clean metadata (pre-commit)")
    p.add_argument("files", nargs="+", help="notebooks to check")
    p.add_argument(
        "--fix", action="store_true", help="strip run metadata, pin the kernel, keep outputs"
    )
    p.set_defaults(func=cmd_check_notebooks)

    p = sub.add_parser(
        "notebooks", help="re-execute notebooks/*.ipynb in place (default parameters)"
    )
    p.set_defaults(func=cmd_notebooks)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ijmemo", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for add in (_data_commands, _report_commands, _source_commands, _tool_commands):
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    tune_gc()
    args = _parser().parse_args(argv)
    if args.command == "browser":  # answers fast: no pandas, no notebooks
        return cmd_browser(args)
    from ijmemo.core.problems import AcceptError, CurationError, ParameterError, SourceError
    from ijmemo.outputs.browser import BrowserNotFound

    try:
        return args.func(args)
    except (SourceError, AcceptError) as exc:
        print(f"{args.command}: {exc}", file=sys.stderr)
        return 1
    except CurationError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except ParameterError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except BrowserNotFound as exc:  # make report installs one (as root) and tries again
        print(f"{args.command}: {exc}", file=sys.stderr)
        return BROWSER_MISSING
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
