"""Charts of the source-diversity notebook: who is quoted, named or not, which types, how diverse."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from . import figure

# A fixed, colour-blind-friendly cycle; affiliations get colours in order of quoted words.
PALETTE = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C",
           "#CCB974", "#64B5CD")
OTHER = "#BBBBBB"


def _colours(values: list[str]) -> dict[str, str]:
    out, i = {}, 0
    for v in values:
        if v not in out:
            out[v] = OTHER if v == "(unknown)" or i >= len(PALETTE) else PALETTE[i]
            i += v != "(unknown)"
    return out


def quoted_words_by_source(by_speaker: pd.DataFrame, top: int = 15):
    """Horizontal bars: quoted words per speaker (most first), coloured by affiliation."""
    data = by_speaker.head(top).iloc[::-1]
    height = max(3.0, 0.35 * len(data) + 1.2)
    fig, ax = figure(figsize=(8.0, height))
    colours = _colours(by_speaker.head(top)["affiliation"].astype(str).tolist())
    ax.barh(data["speaker"].astype(str), data["n_quoted_words"].astype(int),
            color=[colours[a] for a in data["affiliation"].astype(str)])
    for y, (n, k) in enumerate(zip(data["n_quoted_words"].astype(int), data["n_statements"].astype(int))):
        ax.text(n, y, f" {n} ({k} statement{'s' if k != 1 else ''})", va="center", fontsize=8)
    handles = [Patch(color=c, label=a) for a, c in colours.items()]
    ax.legend(handles=handles, title="affiliation", fontsize=8, title_fontsize=8, loc="lower right", frameon=False)
    shown = min(top, len(by_speaker))
    ax.set_title(f"Who gets the most words (top {shown} speaker{'s' if shown != 1 else ''})")
    ax.set_xlabel("quoted or reported words (count)")
    if len(data):
        ax.set_xlim(0, data["n_quoted_words"].astype(int).max() * 1.35)
    fig.tight_layout()
    return fig


def _legend_below(ax) -> None:
    """The statements / quoted words legend under the x-axis label, clear of the bars."""
    ax.legend(fontsize=8, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=2)


def named_vs_anonymous(counts: pd.DataFrame):
    """Bars: statements and quoted words by named and anonymous speakers."""
    fig, ax = figure(figsize=(8.0, 3.0))
    labels = counts["speaker"].astype(str).tolist()
    y = np.arange(len(labels))
    ax.barh(y - 0.2, counts["statement_share"].astype(float), height=0.4, color="#4C72B0", label="statements")
    ax.barh(y + 0.2, counts["word_share"].astype(float), height=0.4, color="#DD8452", label="quoted words")
    ax.set_yticks(y, labels)
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of all statements / quoted words (0-1)")
    ax.set_title("Named and anonymous sources")
    _legend_below(ax)
    fig.tight_layout()
    return fig


def shares_by(shares: pd.DataFrame, dimension: str = "source_type"):
    """Bars: share of statements and of quoted words per source type (or affiliation)."""
    data = shares[shares["dimension"] == dimension].iloc[::-1]
    fig, ax = figure(figsize=(8.0, max(3.0, 0.4 * len(data) + 1.6)))
    y = np.arange(len(data))
    ax.barh(y - 0.2, data["statement_share"].astype(float), height=0.4, color="#4C72B0", label="statements")
    ax.barh(y + 0.2, data["word_share"].astype(float), height=0.4, color="#DD8452", label="quoted words")
    ax.set_yticks(y, data["value"].astype(str).tolist())
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of all statements / quoted words (0-1)")
    ax.set_title(f"Statements by {dimension.replace('_', ' ')}")
    _legend_below(ax)
    fig.tight_layout()
    return fig


# column -> (what the title says, the index named on the x-axis)
INDEX_NAMES = {"affiliation_gini_simpson": ("Diversity of affiliations", "Gini-Simpson index over affiliations"),
               "type_gini_simpson": ("Diversity of source types", "Gini-Simpson index over source types"),
               "affiliation_evenness": ("Evenness of affiliations", "Pielou evenness over affiliations"),
               "type_evenness": ("Evenness of source types", "Pielou evenness over source types")}


def diversity_distribution(per_article: pd.DataFrame, column: str = "affiliation_gini_simpson"):
    """Histogram over articles of one diversity index (default: Gini-Simpson over affiliations)."""
    fig, ax = figure()
    values = per_article[column].astype("Float64").dropna().astype(float).to_numpy()
    ax.hist(values, bins=np.linspace(0, 1, 11), color="#4C72B0", edgecolor="white")
    if len(values):
        median = float(np.median(values))
        ax.axvline(median, color="#C44E52", linestyle="--")
        ax.text(median, ax.get_ylim()[1] * 1.0, f" median {median:.2f}", color="#C44E52", va="bottom",
                ha="left", fontsize=8)
    what, index = INDEX_NAMES.get(column, (column.replace("_", " ").capitalize(), column.replace("_", " ")))
    n = len(values)
    ax.set_title(f"{what} per article ({n} article{'s' if n != 1 else ''} with sources)")
    ax.set_xlabel(f"{index} (0 = one voice, towards 1 = many even voices)")
    ax.set_ylabel("articles (count)")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    return fig
