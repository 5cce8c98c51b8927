"""python -m analysis.evaluate figures [PATH]: value extraction on hand-annotated news sentences.

PATH is the BBC News folder (default ../shared/corpora/bbc-news/bbc). The annotations, in
analysis/data/figures_gold_bbc.csv, hold no text: for 45 body sentences drawn at random (seed
2026) from 45 articles among those with a digit or number word, the character offsets of every
quantity a person read in them and its value (low/high for a range). Dates, times of day, years,
ordinals, odds, sports scores and names with numbers (\"50 Cent\", \"HP 607\") are not quantities.
The project's figures of kinds other than date, time and ordinal in those sentences are scored:
a figure is correct when its span overlaps an annotated quantity and its value (or its low and
high for a range) is equal. Printed: precision, recall and F1 of values, and of spans alone.
"""
from __future__ import annotations

import argparse
import math
from importlib import resources
from pathlib import Path

import pandas as pd

from .. import articles, config, figures, nlp, sentences

DEFAULT = config.SHARED / "corpora" / "bbc-news" / "bbc"
NOT_QUANTITIES = ("date", "time", "ordinal")


def gold() -> pd.DataFrame:
    with resources.files("analysis").joinpath("data/figures_gold_bbc.csv").open(encoding="utf-8") as f:
        return pd.read_csv(f, dtype={"file": str})


def _same(a, b) -> bool:
    if a is None or b is None or pd.isna(a) or pd.isna(b):
        return (a is None or pd.isna(a)) and (b is None or pd.isna(b))
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def predictions(root: Path, annotations: pd.DataFrame) -> pd.DataFrame:
    """The project's figures (kinds other than date, time, ordinal) in each annotated sentence."""
    model = nlp.load()
    rows = []
    for (file, sentence_start), _ in annotations.groupby(["file", "sentence_start"], sort=False):
        article = articles.read_one(root / file)
        sents = sentences.table(article)
        doc = nlp.parse(article.text, list(zip(sents["start"].tolist(), sents["end"].tolist())), model)
        figs = figures.table(article, doc, sents)
        sent = sents[sents["start"] == sentence_start].iloc[0]
        inside = figs[(figs["start"] >= sent["start"]) & (figs["end"] <= sent["end"])
                      & ~figs["kind"].isin(NOT_QUANTITIES)]
        for f in inside.to_dict("records"):
            rows.append({"file": file, "sentence_start": sentence_start, **f})
    return pd.DataFrame(rows)


def score(annotations: pd.DataFrame, pred: pd.DataFrame) -> dict[str, float]:
    """Precision, recall and F1 of values and of spans, matching each annotation at most once."""
    items = annotations.dropna(subset=["start"])
    out = {}
    for mode in ("value", "span"):
        used: set[int] = set()
        tp = 0
        for g in items.to_dict("records"):
            cands = pred[(pred["file"] == g["file"]) & (pred["start"] < g["end"]) & (pred["end"] > g["start"])] \
                if len(pred) else pred
            for i, p in cands.iterrows():
                if i in used:
                    continue
                ok = mode == "span" or (_same(p["value"], g["value"]) if not pd.isna(g["value"])
                                        else _same(p["low"], g["low"]) and _same(p["high"], g["high"]))
                if ok:
                    used.add(i)
                    tp += 1
                    break
        precision = tp / len(pred) if len(pred) else 0.0
        recall = tp / len(items) if len(items) else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out.update({f"{mode}_tp": tp, f"{mode}_precision": precision, f"{mode}_recall": recall, f"{mode}_f1": f1})
    out.update(n_gold=len(items), n_pred=len(pred), n_sentences=annotations[["file", "sentence_start"]].drop_duplicates().shape[0])
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate figures", description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--errors", action="store_true", help="print figures and annotations that do not match")
    args = parser.parse_args(argv)
    root = Path(args.path)
    annotations = gold()
    if not (root / annotations["file"].iloc[0]).exists():  # the corpus is not redistributable
        print(f"figures: skipped: no BBC News articles at {root}; pass the folder as PATH")
        return 0
    print("Value extraction on hand-annotated BBC News sentences")
    print(f"{'set':<8} {'sentences':>9} {'quantities':>10} {'figures':>7} {'match':<6} {'precision':>9} "
          f"{'recall':>7} {'F1':>6}")
    for name, part in annotations.groupby("set", sort=False):
        pred = predictions(root, part)
        s = score(part, pred)
        for mode in ("value", "span"):
            print(f"{name:<8} {s['n_sentences']:>9} {s['n_gold']:>10} {s['n_pred']:>7} {mode:<6} "
                  f"{s[mode + '_precision']:>9.3f} {s[mode + '_recall']:>7.3f} {s[mode + '_f1']:>6.3f}")
        if args.errors:
            _errors(part, pred)
    return 0


def _errors(annotations: pd.DataFrame, pred: pd.DataFrame) -> None:
    """Print annotated quantities not found with their value, and figures on no annotated quantity."""
    items = annotations.dropna(subset=["start"])
    for g in items.to_dict("records"):
        hit = pred[(pred["file"] == g["file"]) & (pred["start"] < g["end"]) & (pred["end"] > g["start"])]
        values = [(r["text"], r["value"], r["low"], r["high"]) for r in hit.to_dict("records")]
        if not any(_same(v, g["value"]) if not pd.isna(g["value"]) else (_same(lo, g["low"]) and _same(hi, g["high"]))
                   for _, v, lo, hi in values):
            print(f"missed {g['file']}:{int(g['start'])}-{int(g['end'])} value={g['value']} "
                  f"low={g['low']} high={g['high']} found={values}")
    for p in pred.to_dict("records"):
        over = items[(items["file"] == p["file"]) & (items["start"] < p["end"]) & (items["end"] > p["start"])]
        if not len(over):
            print(f"extra  {p['file']}:{p['start']}-{p['end']} {p['text']!r} kind={p['kind']} value={p['value']}")
