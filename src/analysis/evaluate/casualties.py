"""python -m analysis.evaluate casualties [PATH]: article-level killed and injured counts on GVA news.

PATH is a gva-killed-injured folder (default ../shared/corpora/gva-killed-injured) holding
data-dev/{X_val,y_val}.json and data-train/{X_train,y_train}.json: local US news articles about
shootings, with the number killed and injured from the Gun Violence Archive incident record.
Each article goes through the project's own extractors (sentences, one spaCy parse, figures,
casualties); the prediction is `casualty_totals` summed over sides (killed; wounded as injured),
a missing total counting as 0. Printed: exact-match accuracy per split, next to the all-zero
(majority) guess, and with --errors N the first N mismatches of each split.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd

from .. import articles, casualties, config, figures, nlp, sentences

DEFAULT = config.SHARED / "corpora" / "gva-killed-injured"
SPLITS = {"dev": ("data-dev/X_val.json", "data-dev/y_val.json"),
          "train": ("data-train/X_train.json", "data-train/y_train.json")}


def load(root: Path, split: str) -> list[tuple[articles.Article, dict]]:
    """(article, gold) pairs of one split, ids `<split>-<n>`."""
    x_path, y_path = (root / p for p in SPLITS[split])
    xs, ys = json.loads(x_path.read_text()), json.loads(y_path.read_text())
    return [(articles.make_article(f"{split}-{i}", x["text"], published=x.get("publish_date")), y)
            for i, (x, y) in enumerate(zip(xs, ys))]


def predict(pairs: list[tuple[articles.Article, dict]], nlp_model=None) -> pd.DataFrame:
    """Predicted and gold killed/injured per article."""
    nlp_model = nlp_model if nlp_model is not None else nlp.load()
    sents = [sentences.table(a) for a, _ in pairs]
    docs = nlp.parse_many(((a.text, list(zip(s["start"].tolist(), s["end"].tolist())))
                           for (a, _), s in zip(pairs, sents)), nlp_model)
    rows = []
    for (article, gold), s, doc in zip(pairs, sents, docs):
        tables = {"sentences": s}
        tables.update(figures.extract(article, doc, tables))
        tables.update(casualties.extract(article, doc, tables))
        totals = tables["casualty_totals"]
        rows.append({"article_id": article.article_id,
                     "killed": int(totals["killed"].fillna(0).sum()),
                     "injured": int(totals["wounded"].fillna(0).sum()),
                     "gold_killed": int(gold["n_killed"]), "gold_injured": int(gold["n_injured"])})
    return pd.DataFrame(rows)


def scores(pred: pd.DataFrame) -> dict[str, float]:
    return {"killed": float((pred["killed"] == pred["gold_killed"]).mean()),
            "injured": float((pred["injured"] == pred["gold_injured"]).mean()),
            "zero_killed": float((pred["gold_killed"] == 0).mean()),
            "zero_injured": float((pred["gold_injured"] == 0).mean())}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate casualties", description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--errors", type=int, default=0, help="print the first N mismatches of each split")
    args = parser.parse_args(argv)
    root = Path(args.path)
    if not (root / SPLITS["dev"][0]).exists():
        print(f"casualties: skipped: no GVA data at {root} (expected {SPLITS['dev'][0]}); "
              f"pass the folder as PATH")
        return 0
    splits = list(SPLITS) if args.split == "all" else [args.split]
    print(f"GVA killed/injured, exact match of article-level counts ({root})")
    print(f"{'split':<6} {'articles':>8} {'killed':>7} {'injured':>8} {'all-zero killed':>16} "
          f"{'all-zero injured':>17} {'seconds':>8}")
    for split in splits:
        pairs = load(root, split)
        t0 = time.perf_counter()
        pred = predict(pairs)
        s = scores(pred)
        print(f"{split:<6} {len(pred):>8} {s['killed']:>7.3f} {s['injured']:>8.3f} {s['zero_killed']:>16.3f} "
              f"{s['zero_injured']:>17.3f} {time.perf_counter() - t0:>8.1f}")
        if args.errors:
            wrong = pred[(pred["killed"] != pred["gold_killed"]) | (pred["injured"] != pred["gold_injured"])]
            print(wrong.head(args.errors).to_string(index=False))
    return 0
