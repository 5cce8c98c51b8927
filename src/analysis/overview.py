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


def kind_counts(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Paragraphs per kind over the corpus, every kind listed (zero when absent)."""
    counts = paragraphs["kind"].astype("string").value_counts()
    return pd.DataFrame({"kind": pd.array(PARAGRAPH_KINDS, dtype="string"),
                         "n_paragraphs": pd.array([int(counts.get(k, 0)) for k in PARAGRAPH_KINDS],
                                                  dtype="Int64")})


def non_body(paragraphs: pd.DataFrame, width: int = 70) -> pd.DataFrame:
    """Paragraphs kept out of the analyses (every kind but body), with the start of their text."""
    rows = paragraphs[paragraphs["kind"].astype("string") != "body"]
    return rows.assign(text=rows["text"].str.replace("\n", " / ", regex=False).str.slice(0, width))[
        ["article_id", "paragraph", "kind", "start", "end", "text"]].reset_index(drop=True)


def defects(sentences: pd.DataFrame) -> pd.DataFrame:
    """Sentences with a flagged text defect."""
    flagged = sentences[sentences["defects"].fillna("") != ""]
    return flagged[["article_id", "paragraph", "sentence", "start", "end", "defects", "text"]].reset_index(drop=True)


def sentence_lengths(sentences: pd.DataFrame, kinds=("body",)) -> pd.Series:
    """Words per sentence in the given paragraph kinds."""
    mask = sentences["paragraph_kind"].astype("string").isin(list(kinds))
    return sentences.loc[mask, "n_words"].astype("Int64").reset_index(drop=True)
