"""Charts of the overview notebook."""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import figure


def paragraph_kinds(kind_counts: pd.DataFrame):
    """Horizontal bars: paragraphs per kind."""
    fig, ax = figure(figsize=(8.0, 3.0))
    data = kind_counts.iloc[::-1]
    ax.barh(data["kind"].astype(str), data["n_paragraphs"].astype(int), color="#4C72B0")
    ax.set_title("Paragraphs by kind")
    ax.set_xlabel("paragraphs (count)")
    for y, n in enumerate(data["n_paragraphs"].astype(int)):
        ax.text(n, y, f" {n}", va="center", fontsize=9)
    fig.tight_layout()
    return fig


def sentence_length_histogram(lengths: pd.Series):
    """Histogram of words per sentence, with the median marked."""
    fig, ax = figure()
    values = lengths.astype(float).to_numpy()
    top = max(10, int(np.nanmax(values)) + 5) if len(values) else 10
    ax.hist(values, bins=np.arange(0, top + 5, 5), color="#4C72B0", edgecolor="white")
    if len(values):
        median = float(np.median(values))
        ax.axvline(median, color="#C44E52", linestyle="--")
        ax.annotate(f"median {median:.0f} words", xy=(median, 1.0), xycoords=("data", "axes fraction"),
                    xytext=(4, -4), textcoords="offset points", color="#C44E52", va="top",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
    ax.set_title("Sentence length in body paragraphs")
    ax.set_xlabel("sentence length (words)")
    ax.set_ylabel("sentences (count)")
    fig.tight_layout()
    return fig
