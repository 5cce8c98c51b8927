"""Summaries of the input for the overview notebook: what was read, paragraph kinds, flagged defects."""
from __future__ import annotations

import pandas as pd

from .articles import PARAGRAPH_KINDS


def status_counts(articles: pd.DataFrame) -> pd.DataFrame:
    """Articles read and failed."""
    counts = articles["status"].astype("string").value_counts()
    return pd.DataFrame({"status": pd.array(["ok", "failed"], dtype="string"),
                         "n_articles": pd.array([int(counts.get("ok", 0)), int(counts.get("failed", 0))],
                                                dtype="Int64")})


def read_summary(articles: pd.DataFrame) -> str:
    """One sentence: how many articles were read, and how many files failed."""
    ok = int((articles["status"].astype("string") == "ok").sum())
    failed = len(articles) - ok
    words = int(articles["n_words"].fillna(0).sum())
    text = f"{ok:,} article{'s' if ok != 1 else ''} read ({words:,} words)"
    return text + (f"; {failed:,} could not be read (see the error column)." if failed else "; none failed.")


def article_list(articles: pd.DataFrame, limit: int = 20) -> pd.DataFrame:
    """The first articles with their size and status, failures first."""
    cols = ["article_id", "title", "n_paragraphs", "n_sentences", "n_words", "status", "error"]
    order = articles.assign(_failed=articles["status"].astype("string") != "ok")
    order = order.sort_values("_failed", ascending=False, kind="stable")
    return order[cols].head(limit).reset_index(drop=True)


def kind_counts(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs per kind over the corpus, every kind listed (zero when absent)."""
    counts = paragraphs["kind"].astype("string").value_counts()
    return pd.DataFrame({"kind": pd.array(PARAGRAPH_KINDS, dtype="string"),
                         "n_paragraphs": pd.array([int(counts.get(k, 0)) for k in PARAGRAPH_KINDS],
                                                  dtype="Int64")})


def kinds_takeaway(kind_counts: pd.DataFrame) -> str:
    """One sentence: the share of paragraphs that are body text and what the rest are."""
    counts = dict(zip(kind_counts["kind"], kind_counts["n_paragraphs"].astype(int)))
    total = sum(counts.values())
    if not total:
        return "No paragraphs were read."
    body = counts.get("body", 0)
    others = [f"{n} {k.replace('_', ' ')}" for k, n in counts.items() if k != "body" and n]
    rest = f"; the other {total - body} are {', '.join(others)}" if others else ""
    return f"{body} of {total} paragraphs ({body / total:.0%}) are body text{rest}."


def non_body(paragraphs: pd.DataFrame, width: int = 90) -> pd.DataFrame:
    """Paragraphs kept out of the analyses (every kind but body), with the start of their text."""
    rows = paragraphs[paragraphs["kind"].astype("string") != "body"]
    return rows.assign(text=rows["text"].str.replace("\n", " / ", regex=False).str.slice(0, width))[
        ["article_id", "paragraph", "kind", "start", "end", "text"]].reset_index(drop=True)


def defects(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences with a flagged text defect."""
    flagged = sentences[sentences["defects"].fillna("") != ""]
    return flagged[["article_id", "sentence", "start", "end", "defects", "text"]].reset_index(drop=True)


def defects_summary(sentences: pd.DataFrame) -> str:
    """One sentence: how many sentences carry each defect."""
    flags = sentences["defects"].fillna("").astype(str)
    counts = flags[flags != ""].str.split(",").explode().value_counts()
    if counts.empty:
        return "No text defects were flagged."
    parts = ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())
    return f"Flagged: {parts} (of {len(sentences):,} sentences)."


def sentence_lengths(sentences: pd.DataFrame, kinds=("body",)) -> pd.Series:
    """Words per sentence in the given paragraph kinds."""
    mask = sentences["paragraph_kind"].astype("string").isin(list(kinds))
    return sentences.loc[mask, "n_words"].astype("Int64").reset_index(drop=True)


def lengths_takeaway(lengths: pd.Series) -> str:
    """One sentence: the median and longest sentence, and how many run past 40 words."""
    if lengths.empty:
        return "No body sentences."
    long = int((lengths > 40).sum())
    return (f"{len(lengths):,} body sentences, median {lengths.median():.0f} words, longest "
            f"{int(lengths.max())} words; {long} run past 40 words.")
