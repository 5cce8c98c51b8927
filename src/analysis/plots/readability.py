"""Charts of the readability notebook: grades against reference levels, along an article, by sentence
length, and over a corpus."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import figure

ARTICLE = "#4C72B0"
REFERENCE = "#BBBBBB"
HIGHLIGHT = "#C44E52"


def grade_comparison(comparison: pd.DataFrame):
    """Horizontal bars: Flesch-Kincaid grade of reference levels (grey) and articles (blue)."""
    height = 1.2 + 0.35 * len(comparison)
    fig, ax = figure(figsize=(8.0, height))
    data = comparison.iloc[::-1]
    colors = [REFERENCE if k == "reference" else ARTICLE for k in data["kind"]]
    grades = data["flesch_kincaid_grade"].astype("float64")
    ax.barh(data["label"].astype(str), grades, color=colors)
    for y, g in enumerate(grades):
        ax.text(g, y, f" {g:.1f}", va="center", fontsize=9)
    ax.set_title("Flesch-Kincaid grade: articles against graded reference texts")
    ax.set_xlabel("Flesch-Kincaid grade (US school grade)")
    ax.set_xlim(0, max(14.0, float(grades.max()) * 1.12) if len(grades) else 14.0)
    fig.tight_layout()
    return fig


def paragraph_profile(profile: pd.DataFrame, scores: pd.DataFrame | None = None):
    """Bars along the article: the grade of each body paragraph, unscored paragraphs marked at zero,
    and the whole article's grade (from `scores`, readability.article_scores) as a dashed line."""
    fig, ax = figure()
    article_grade = None
    if scores is not None and len(profile):
        match = scores.loc[scores["article_id"] == profile["article_id"].iloc[0], "flesch_kincaid_grade"]
        article_grade = match.iloc[0] if len(match) else None
    positions = profile["position"].astype(int).to_numpy()
    grades = profile["flesch_kincaid_grade"].astype("float64").to_numpy()
    scored = ~np.isnan(grades)
    top = int(np.nanargmax(grades)) if scored.any() else None
    colors = [HIGHLIGHT if i == top else ARTICLE for i in range(len(grades))]
    ax.bar(positions[scored], grades[scored], color=[c for c, s in zip(colors, scored) if s])
    if (~scored).any():
        ax.plot(positions[~scored], np.zeros((~scored).sum()), "x", color="#555555",
                label="too short to score")
    if article_grade is not None and not pd.isna(article_grade):
        ax.axhline(float(article_grade), color="#333333", linestyle="--", linewidth=1,
                   label=f"whole article: {float(article_grade):.1f}")
    if len(positions):
        ax.set_xticks(positions)
        ax.tick_params(axis="x", labelsize=8)
    ax.set_title("Where it gets hard: Flesch-Kincaid grade of each body paragraph")
    ax.set_xlabel("body paragraph (position in the article; 1 = first)")
    ax.set_ylabel("Flesch-Kincaid grade (US school grade)")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(frameon=False, loc="upper right")
    fig.tight_layout()
    return fig


def length_vs_grade(points: pd.DataFrame):
    """Scatter: words per sentence against the sentence's Flesch-Kincaid grade."""
    fig, ax = figure()
    x = points["n_words"].astype("float64").to_numpy()
    y = points["flesch_kincaid_grade"].astype("float64").to_numpy()
    ax.scatter(x, y, s=18, color=ARTICLE, alpha=0.7)
    ax.set_title("Sentence length against grade (scored sentences)")
    ax.set_xlabel("sentence length (words)")
    ax.set_ylabel("Flesch-Kincaid grade (US school grade)")
    fig.tight_layout()
    return fig


def grade_distribution(scores: pd.DataFrame, references: pd.DataFrame):
    """Histogram of article grades, with the reference level means as vertical lines."""
    fig, ax = figure()
    grades = scores["flesch_kincaid_grade"].dropna().astype("float64").to_numpy()
    if len(grades):
        low, high = np.floor(grades.min()) - 1, np.ceil(grades.max()) + 1
        ax.hist(grades, bins=np.arange(low, high + 1, 1.0), color=ARTICLE, edgecolor="white")
    for ref in references.itertuples():
        ax.axvline(float(ref.flesch_kincaid_grade), color=REFERENCE, linestyle="--", linewidth=1)
        ax.text(float(ref.flesch_kincaid_grade), 1.0, ref.reference.split()[-1], transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=8, color="#555555")
    ax.set_title("Flesch-Kincaid grade of the articles (dashed: OneStopEnglish level means)", pad=16)
    ax.set_xlabel("Flesch-Kincaid grade (US school grade)")
    ax.set_ylabel("articles (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    return fig
