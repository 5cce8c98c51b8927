"""Where the CPU time of a tables run goes: reading, sentences, the spaCy parse, each extractor.

Run:  .venv/bin/python benchmarks/time_split.py [--corpus DIR] [--limit N]

One process, the spaCy pipeline and the extractors' data loaded before the clock starts; each step
of `pipeline.analyse_many` is timed with `time.process_time` around the same calls the pipeline
makes, article by article, and printed with its share. Writing Parquet is not included (see
throughput.py for the whole run).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from analysis import articles, nlp, pipeline, sentences

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_CORPUS, link_corpus, sample  # noqa: E402


def split(folder: Path, batch_size: int = 32) -> tuple[dict[str, float], int]:
    """CPU seconds per step over the articles under `folder`, and their words."""
    model = nlp.load()
    steps = pipeline.extractors()
    warm = articles.make_article("warm", "Warm-up text. \"It is,\" she said of 2 people.")
    pipeline.analyse(warm, model)  # loads word lists and caches outside the clock
    spent = {"read": 0.0, "sentences": 0.0, "spacy": 0.0, **{name: 0.0 for name, _ in steps}}
    words = 0
    clock = time.process_time()
    items = [a for a in articles.read(folder) if isinstance(a, articles.Article)]
    spent["read"] += time.process_time() - clock
    for i in range(0, len(items), batch_size):
        batch = items[i:i + batch_size]
        clock = time.process_time()
        sents = [sentences.table(a) for a in batch]
        spent["sentences"] += time.process_time() - clock
        clock = time.process_time()
        docs = list(nlp.parse_many([(a.text, list(zip(s["start"].tolist(), s["end"].tolist())))
                                    for a, s in zip(batch, sents)], model))
        spent["spacy"] += time.process_time() - clock
        for article, doc, sent in zip(batch, docs, sents):
            words += int(sent["n_words"].sum())
            clock = time.process_time()
            tables = {"paragraphs": articles.paragraphs_table(article), "sentences": sent}
            spent["sentences"] += time.process_time() - clock
            for name, extract in steps:
                clock = time.process_time()
                tables.update(extract(article, doc, dict(tables)))
                spent[name] += time.process_time() - clock
    return spent, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200, help="use N articles spread over the corpus")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"time_split: {args.corpus} not found; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        spent, words = split(link_corpus(sample(args.corpus, args.limit), Path(tmp) / "corpus"))
    total = sum(spent.values())
    print(f"{args.limit} articles, {words:,} words: {total:.1f} CPU s ({words / total:,.0f} words per CPU-second)")
    print("| Step | CPU s | Share |\n|---|---:|---:|")
    for name, seconds in spent.items():
        print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
