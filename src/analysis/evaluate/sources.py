"""Scores the `sources` extractor on PolNeAR (brat attributions of 2016 US political news).

    python -m analysis.evaluate sources [PATH] [--split dev|train] [--skip N] [--limit N] [--errors FILE]
                                       [--baseline textacy]

PATH defaults to ../shared/corpora/polnear. Gold: every `Attribution` event with a content span
(one annotator file per article: the first in name order). Content match as in the Gender Gap
Tracker: the share of the annotated content's characters that the predicted content covers,
at >= 0.3 and >= 0.8, each prediction matched to at most one annotation, best overlaps first.
Speaker accuracy and cue accuracy are over the pairs matched at >= 0.3 (see `speaker_ok`).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import config

THRESHOLDS = (0.3, 0.8)
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "their", "its"}
_QUOTE_MARK = re.compile(r"[\"“”]")


@dataclass
class Gold:
    content: frozenset[int]
    source: str | None
    cue: frozenset[int]
    quoted: bool
    cue_text: str = ""


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def read_ann(path: Path) -> tuple[list[Gold], int]:
    """The attributions of one brat file with a content span, and how many lack a source."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, label, text = (line.split("\t") + ["", ""])[:3]
            kind, _, offsets = label.partition(" ")
            try:
                spans[tid] = (kind, _spans(offsets), text)
            except ValueError:
                continue
        elif line.startswith("E"):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split())
            events.append(args)
    golds, no_source = [], 0
    for args in events:
        if "Attribution" not in args:
            if "Attribution-no-source" in args and "Content" in args:
                no_source += 1
            continue
        content = spans.get(args.get("Content", ""))
        if content is None:
            continue
        chars = frozenset(i for a, b in content[1] for i in range(a, b))
        source = spans.get(args.get("Source", ""))
        cue = spans.get(args.get("Cue", ""))
        golds.append(Gold(chars, source[2] if source else None,
                          frozenset(i for a, b in cue[1] for i in range(a, b)) if cue else frozenset(),
                          bool(_QUOTE_MARK.search(content[2])), cue[2] if cue else ""))
    return golds, no_source


def corpus(root: Path, split: str) -> list[tuple[str, Path, Path]]:
    """(article id, text file, the one annotation file kept) for every article of the split."""
    texts = sorted((root / "data" / split / "text").glob("*.txt"))
    anns = sorted((root / "data" / split / "attributions").glob("*.ann"))
    by_stem: dict[str, Path] = {}
    for ann in anns:
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        by_stem.setdefault(stem, ann)  # several annotators for a few articles: keep the first
    return [(t.stem, t, by_stem[t.stem]) for t in texts if t.stem in by_stem]


def match(preds: list[frozenset[int]], golds: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred, gold) whose coverage of the gold content is >= threshold."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if g:
                cover = len(p & g) / len(g)
                if cover >= threshold:
                    pairs.append((cover, i, j))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p, used_g, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


RELATIVE = {"who", "which", "that", "whom", "whose"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9\-]+", re.sub(r"[’']s\b", "", text.lower()))


def speaker_ok(gold_source: str | None, speaker: str | None, speaker_text: str | None) -> bool | None:
    """Does the predicted speaker name the annotated source? None when that cannot be told.

    A pronoun source needs the same pronoun as written; otherwise the annotated source's head word
    (its last word before any comma, e.g. the surname) must be among the predicted speaker's words, or
    the predicted speaker's last word (its surname) among the words before the annotation's first comma
    ("Scott Pruitt, the Republican attorney general of Oklahoma," names Scott Pruitt). A relative
    pronoun ("who") names nobody by itself: not scored.
    """
    if not gold_source:
        return None
    gold = gold_source.strip().strip(",").lower()
    if gold in RELATIVE:
        return None
    if gold in PRONOUNS:
        return (speaker_text or "").strip().lower() == gold
    head = _words(re.split(r",|\(", gold)[0])
    if not head:
        return None
    have = set(_words(f"{speaker or ''} {speaker_text or ''}"))
    mine = _words(speaker or "")
    return head[-1] in have or bool(mine) and mine[-1] in head


def _textacy_version() -> str:
    import textacy

    return textacy.__version__


def textacy_baseline(arts) -> tuple[pd.DataFrame, int]:
    """textacy's direct quotations as rows shaped like `sources`, and how many articles it raised on."""
    from textacy.extract.triples import direct_quotations

    from .. import nlp

    model = nlp.load()
    rows, raised = [], 0
    for art in arts:
        doc = model(art.text)
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            raised += 1
            continue
        for speaker, cue, content in triples:
            rows.append({"article_id": art.article_id, "start": content[0].idx,
                         "end": content[-1].idx + len(content[-1].text), "quote_kind": "direct",
                         "quote": doc[content[0].i:content[-1].i + 1].text,
                         "speaker": " ".join(t.text for t in speaker), "speaker_text": " ".join(t.text for t in speaker),
                         "cue_start": cue[0].idx, "cue_end": cue[-1].idx + len(cue[-1].text)})
    columns = ["article_id", "start", "end", "quote_kind", "quote", "speaker", "speaker_text", "cue_start", "cue_end"]
    return pd.DataFrame(rows, columns=columns), raised


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate sources")
    parser.add_argument("path", nargs="?", default=str(config.SHARED / "corpora" / "polnear"))
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N articles (before --limit)")
    parser.add_argument("--errors", default=None, help="write unmatched predictions and golds to this file")
    parser.add_argument("--baseline", choices=("textacy",), default=None,
                        help="score textacy's direct_quotations on the same data instead (needs textacy)")
    args = parser.parse_args(argv)
    root = Path(args.path)
    if not (root / "data" / args.split / "text").is_dir():
        print(f"skip: PolNeAR not found at {root} (expected data/{args.split}/text/*.txt); "
              f"it lives in ../shared beside the project")
        return 0
    from .. import articles, pipeline

    items = corpus(root, args.split)[args.skip:]
    items = items[: args.limit]
    arts = [articles.make_article(stem, text.read_text(encoding="utf-8")) for stem, text, _ in items]
    t0 = time.perf_counter()
    if args.baseline:
        sources, n_raised = textacy_baseline(arts)
    else:
        sources, n_raised = pipeline.run(arts).sources, 0
    seconds = time.perf_counter() - t0
    by_article = {a: g for a, g in sources.groupby(sources["article_id"].astype(str), sort=False)}

    totals = {t: [0, 0, 0] for t in THRESHOLDS}  # tp, n_pred, n_gold
    quoted = {t: [0, 0, 0, 0] for t in THRESHOLDS}  # tp of quoted preds, quoted preds, quoted golds, their tp
    spk = [0, 0]
    cue = [0, 0]
    n_no_source = 0
    log = []
    for (stem, _, ann), art in zip(items, arts):
        golds, no_source = read_ann(ann)
        n_no_source += no_source
        rows = by_article.get(stem)
        preds = [] if rows is None else list(rows.itertuples())
        pred_chars = [frozenset(range(int(r.start), int(r.end))) for r in preds]
        gold_chars = [g.content for g in golds]
        for t in THRESHOLDS:
            pairs = match(pred_chars, gold_chars, t)
            totals[t][0] += len(pairs)
            totals[t][1] += len(preds)
            totals[t][2] += len(golds)
            quoted_preds = {i for i, r in enumerate(preds) if r.quote_kind in ("direct", "mixed")}
            quoted[t][0] += sum(1 for i, j in pairs if i in quoted_preds)  # precision side
            quoted[t][1] += len(quoted_preds)
            quoted[t][2] += sum(1 for g in golds if g.quoted)
            quoted[t][3] += sum(1 for i, j in pairs if golds[j].quoted)  # recall side
            if t == THRESHOLDS[0]:
                for i, j in pairs:
                    ok = speaker_ok(golds[j].source, preds[i].speaker, preds[i].speaker_text)
                    if ok is not None:
                        spk[0] += ok
                        spk[1] += 1
                    if golds[j].cue:
                        c = preds[i]
                        hit = not pd.isna(c.cue_start) and bool(
                            golds[j].cue & set(range(int(c.cue_start), int(c.cue_end))))
                        cue[0] += hit
                        cue[1] += 1
                    if args.errors and ok is False:
                        log.append(f"SPEAKER {stem}: gold {golds[j].source!r} pred {preds[i].speaker!r} "
                                   f"({preds[i].speaker_text!r})")
                if args.errors:
                    tight = set(match(pred_chars, gold_chars, THRESHOLDS[-1]))
                    for i, j in pairs:
                        if (i, j) not in tight:
                            lo, hi = min(golds[j].content), max(golds[j].content) + 1
                            log.append(f"LOOSE {stem} gold={art.text[lo:hi][:160]!r} pred={preds[i].quote[:160]!r}")
                    mp, mg = {i for i, _ in pairs}, {j for _, j in pairs}
                    for i, r in enumerate(preds):
                        if i not in mp:
                            log.append(f"FP {stem} [{r.quote_kind}] {r.speaker_text!r} {r.cue!r}: {r.quote[:200]!r}")
                    for j, g in enumerate(golds):
                        if j not in mg:
                            lo, hi = min(g.content), max(g.content) + 1
                            log.append(f"FN{'Q' if g.quoted else ''} {stem} cue={g.cue_text!r} src={g.source!r}: {art.text[max(lo - 80, 0):lo]!r} [[ {art.text[lo:hi][:200]!r}")
    if args.errors:
        Path(args.errors).write_text("\n".join(log) + "\n", encoding="utf-8")

    print(f"PolNeAR {args.split}: {len(items)} articles, {totals[THRESHOLDS[0]][2]} attributions with a source "
          f"({quoted[THRESHOLDS[0]][2]} with quote marks; {n_no_source} without a source not scored), "
          f"{totals[THRESHOLDS[0]][1]} predicted statements ({quoted[THRESHOLDS[0]][1]} direct or mixed); "
          f"pipeline time {seconds:.1f} s")
    if args.baseline:
        print(f"baseline: textacy {_textacy_version()} extract.triples.direct_quotations on the same spaCy "
              f"pipeline; it raised ValueError (odd number of quote marks) on {n_raised} of {len(arts)} "
              f"articles, which then count as finding nothing")
    print(f"{'scope':<32}{'overlap':>8}{'precision':>11}{'recall':>8}{'F1':>7}")
    for t in THRESHOLDS:
        p, r, f = prf(*totals[t])
        print(f"{'all attributions':<32}{t:>8}{p:>11.3f}{r:>8.3f}{f:>7.3f}")
    for t in THRESHOLDS:
        tp_p, n_pred, n_gold, tp_r = quoted[t][:4]
        p = tp_p / n_pred if n_pred else 0.0
        r = tp_r / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{'quoted (content has quote marks)':<32}{t:>8}{p:>11.3f}{r:>8.3f}{f:>7.3f}")
    print(f"speaker accuracy (matched at 0.3, gold has a source): {spk[0] / max(spk[1], 1):.3f} ({spk[0]}/{spk[1]})")
    print(f"cue accuracy (matched at 0.3, cue spans overlap): {cue[0] / max(cue[1], 1):.3f} ({cue[0]}/{cue[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
