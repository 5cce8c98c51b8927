"""Command line: `python -m analysis tables PATH... --out DIR` writes every table of a corpus.

Exit codes of `tables`: 0 every article done; 3 the tables were written but some articles
failed (each reported on stderr and recorded in articles.status/error); 1 the run could not
be done (missing input, unknown pipeline, unwritable folder: one line on stderr); 2 usage
errors (argparse). `bench` runs benchmarks/throughput.py; `docs` prints docs/tables.md.
"""
from __future__ import annotations

import argparse
import signal
import sys

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_SOME_FAILED = 0, 1, 2, 3


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return number


def _tables_parser(sub) -> None:
    p = sub.add_parser("tables", help="write every table of the articles under PATH... to DIR",
                       description="Read articles (.txt .md .html .json .jsonl, files or folders) and "
                                   "write every table to DIR, one file per table. A re-run only "
                                   "processes articles whose text or the pipeline version changed.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the table files")
    p.add_argument("--format", choices=("parquet", "csv"), default="parquet", help="default parquet")
    p.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--dask", metavar="ADDRESS", help="run on a dask.distributed scheduler at ADDRESS, "
                                                      "or `local` for a LocalCluster of max(N, 2) workers")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--pipeline", metavar="NAME",
                   help="spaCy pipeline to load (overrides $ANALYSIS_SPACY_PIPELINE)")
    p.add_argument("--batch-size", type=int, default=None, metavar="N", help=argparse.SUPPRESS)


def tables(args) -> int:
    from . import runner

    # `kill` (SIGTERM) stops a run like Ctrl-C: workers are stopped, finished batches kept.
    signal.signal(signal.SIGTERM, signal.default_int_handler)

    def report(message: str) -> None:
        print(f"analysis: {message}; skipped, see articles.error", file=sys.stderr, flush=True)

    from . import articles, config

    try:
        summary = runner.run(args.paths, args.out, fmt=args.format, jobs=args.jobs, dask=args.dask,
                             pipeline_name=args.pipeline, progress=not args.quiet and sys.stderr.isatty(),
                             on_failure=report, **({"batch_size": args.batch_size} if args.batch_size else {}))
    except runner.RunError as exc:
        print(f"analysis: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"analysis: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("analysis: interrupted; finished batches are kept, run again to resume", file=sys.stderr)
        return 130
    # said after the run: when a folder holds no article at all, the run's own error names them
    skipped = articles.unsupported([config.resolve(p) for p in args.paths])
    if skipped and not args.quiet:
        names = ", ".join(str(f) for f in skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        print(f"analysis: {len(skipped)} file{'s' * (len(skipped) != 1)} not read (not an article format, "
              f"or the corpus's README, LICENSE or SOURCE file): {names}",
              file=sys.stderr)
    if summary.dropped:
        print(f"analysis: {summary.dropped} article{'s' * (summary.dropped != 1)} of an earlier run into "
              f"{args.out} {'are' if summary.dropped != 1 else 'is'} not in this input and no longer in its tables",
              file=sys.stderr)
    if not args.quiet:
        noun = "article" if summary.articles == 1 else "articles"
        print(f"analysis: {summary.articles} {noun} ({summary.processed} processed, {summary.skipped} "
              f"unchanged, {summary.failed} failed); {len(summary.written)} tables in {args.out}",
              file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def bench(rest: list[str]) -> int:
    import runpy

    from . import config

    script = config.ROOT / "benchmarks" / "throughput.py"
    sys.argv = [str(script), *rest]
    try:
        runpy.run_path(str(script), run_name="__main__")
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="News articles to tables.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _tables_parser(sub)
    sub.add_parser("bench", help="throughput benchmark (benchmarks/throughput.py; options after it are its own)",
                   add_help=False)
    sub.add_parser("docs", help="print docs/tables.md from the table declarations")
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["bench"]:
        return bench(argv[1:])  # every other option, --help included, is the benchmark's
    args = parser.parse_args(argv)
    if args.command == "tables":
        return tables(args)
    from . import tabledocs

    return tabledocs.main([])


if __name__ == "__main__":
    sys.exit(main())
