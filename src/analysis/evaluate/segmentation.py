"""python -m analysis.evaluate segmentation [RULES_JSON] [--bbc DIR]: Golden Rules score and speed.

Scores `analysis.segment.split` on the 48 English Golden Rules (exact match of the list of stripped
sentences per rule), lists the failed rules, measures words per second over the BBC News corpus
(segmenter only: files are read and split into paragraphs before the clock starts), and counts
the sentences of the BBC paragraphs hard-wrapped at 72 columns against the same paragraphs unwrapped.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from .. import config, segment
from ..articles import decode, split_paragraphs
from ..sentences import count_words

RULES = config.SHARED / "corpora" / "golden-rules" / "pysbd_golden_rules_en.json"
BBC = config.SHARED / "corpora" / "bbc-news" / "bbc"


def sentences(text: str) -> list[str]:
    """The sentences of one text as the segmenter splits it, as strings."""
    return [text[s:e] for s, e, _ in segment.split(text)]


def score_rules(rules: list[dict]) -> tuple[int, list[tuple[dict, list[str]]]]:
    """(number of rules matched exactly, [(failed rule, sentences produced)])."""
    failed = []
    for rule in rules:
        got = sentences(rule["input"])
        if got != [s.strip() for s in rule["expected"]]:
            failed.append((rule, got))
    return len(rules) - len(failed), failed


def read_paragraphs(folder: Path) -> tuple[list[tuple[str, int, int]], int]:
    """(text, start, end) of every paragraph of every .txt file under folder, and its word count."""
    paragraphs, words = [], 0
    for path in sorted(folder.rglob("*.txt")):
        try:
            text = decode(path.read_bytes(), path)
        except Exception:  # one unreadable file must not stop a speed measurement
            continue
        for s, e in split_paragraphs(text):
            paragraphs.append((text, s, e))
            words += count_words(text[s:e])
    return paragraphs, words


def words_per_second(paragraphs: list[tuple[str, int, int]], words: int, repeats: int = 3) -> float:
    """Median over `repeats` runs of words segmented per second."""
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for text, s, e in paragraphs:
            segment.split(text, s, e)
        rates.append(words / (time.perf_counter() - t0))
    return statistics.median(rates)


def wrap_check(paragraphs: list[tuple[str, int, int]], width: int = 72) -> tuple[int, int, int, int]:
    """(paragraphs wrapped, sentences unwrapped, sentences wrapped, paragraphs whose count changed) when
    every paragraph longer than `width` is hard-wrapped at `width` columns (Python's textwrap)."""
    import textwrap

    n_wrapped = plain = wrapped = changed = 0
    for text, s, e in paragraphs:
        para = text[s:e]
        if len(para) <= width or "\n" in para:
            continue
        folded = "\n".join(textwrap.wrap(para, width))
        a, b = len(segment.split(para)), len(segment.split(folded))
        n_wrapped += 1
        plain, wrapped, changed = plain + a, wrapped + b, changed + (a != b)
    return n_wrapped, plain, wrapped, changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate segmentation")
    parser.add_argument("rules", nargs="?", default=str(RULES), help="Golden Rules JSON (id, title, input, expected)")
    parser.add_argument("--bbc", default=str(BBC), help="folder of BBC News .txt files for the speed figure")
    args = parser.parse_args(argv)

    rules_path = Path(args.rules)
    if rules_path.exists():
        rules = json.loads(rules_path.read_text(encoding="utf-8"))
        n_ok, failed = score_rules(rules)
        print(f"Golden Rules ({rules_path}): {n_ok}/{len(rules)} rules matched exactly")
        for rule, got in failed:
            print(f"  failed rule {rule['id']}: {rule['title']}")
            print(f"    expected: {rule['expected']}")
            print(f"    got:      {got}")
    else:
        print(f"skipped Golden Rules: {rules_path} not found (shared data is absent)")

    bbc = Path(args.bbc)
    if bbc.is_dir():
        paragraphs, words = read_paragraphs(bbc)
        rate = words_per_second(paragraphs, words)
        print(f"Speed on {bbc}: {words:,} words in {len(paragraphs):,} paragraphs, "
              f"{rate:,.0f} words/s (median of 3 runs, segmenter only)")
        n, plain, wrapped, changed = wrap_check(paragraphs)
        print(f"Hard-wrap check: the {n:,} BBC paragraphs longer than 72 characters, each wrapped at 72 "
              f"columns: {wrapped:,} sentences against {plain:,} unwrapped; {changed:,} paragraphs differ")
    else:
        print(f"skipped speed: {bbc} not found (shared data is absent)")
    return 0
