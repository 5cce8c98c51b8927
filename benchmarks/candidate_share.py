"""How much of a corpus could skip the statistical parse: the share of words in sentences that
no extractor can use without it.

Run:  .venv/bin/python benchmarks/candidate_share.py [--corpus DIR] [--limit N]

Issue 6 suggests running the parser and the entity recogniser only on sentences that can hold an
attribution or a figure. This prints, over the sentences of the corpus (every paragraph kind),
the share of words in sentences that pass each extractor's own cheap text filter, the filters the
extractors already apply before they look at the parse:
- sources: a cue word form (`sources._may_attribute`) or a double quote mark;
- figures: at least one figure candidate (`figures.candidates` without a Doc);
- casualties: a casualty stem (`casualties.has_cue`);
and the share in sentences passing any of them, the most the parse could be narrowed to.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import articles, casualties, figures, sentences, sources

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_CORPUS, link_corpus, sample  # noqa: E402


def shares(items) -> dict[str, float]:
    """Share of words in sentences passing each filter, and any of them."""
    words = {"all": 0, "sources": 0, "figures": 0, "casualties": 0, "any": 0}
    for item in items:
        if isinstance(item, articles.Failure):
            continue
        table = sentences.table(item)
        for start, end, n in zip(table["start"].tolist(), table["end"].tolist(), table["n_words"].tolist()):
            text = item.text[start:end]
            hit = {"sources": sources._may_attribute(text) or bool(sources._DOUBLE.search(text)),
                   "figures": bool(figures.candidates(item.text, start, end, None)),
                   "casualties": casualties.has_cue(text)}
            words["all"] += n
            for name, passed in hit.items():
                words[name] += n * passed
            words["any"] += n * any(hit.values())
    return {name: count / max(words["all"], 1) for name, count in words.items() if name != "all"} | {
        "words": words["all"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use N articles spread over the corpus")
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"candidate_share: {args.corpus} not found; skipped")
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = link_corpus(sample(args.corpus, args.limit), Path(tmp) / "corpus")
        result = shares(articles.read(folder))
    print(f"{args.corpus}: {result.pop('words'):,} words")
    for name, share in result.items():
        print(f"  words in sentences passing the {name} filter: {share:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
