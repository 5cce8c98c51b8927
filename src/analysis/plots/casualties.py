"""Charts of the casualty-figures notebook: claims as intervals, claims against reference tallies,
figures by kind, and claims over time."""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from . import figure

SIDES = {"Russia": "#C44E52", "Ukraine": "#4C72B0"}
OTHER = "#8C8C8C"
FIGURE_KINDS = ("count", "money", "percent", "distance", "duration", "date", "time", "age", "ordinal", "other")


def _num(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _interval(row) -> tuple[float | None, float | None, str]:
    """(low, high, shape) of a claim: shape "point", "range", "up_to" (open below) or "at_least" (open above)."""
    low, high, count = _num(row["low"]), _num(row["high"]), _num(row["count"])
    if count is not None and (low is None or high is None) and row["qualifier"] in ("exact", "approximate"):
        return count, count, "point"
    if low is not None and high is not None:
        return low, high, "point" if low == high else "range"
    if high is not None:
        return None, high, "up_to"
    if low is not None:
        return low, None, "at_least"
    return None, None, "none"


def claim_intervals(summary: pd.DataFrame):
    """Each quantified casualty claim as an interval on a log scale; "up to" and "at least" claims are
    bars open towards the unknown end (an arrow), never points."""
    rows = [(r, *_interval(r)) for r in summary.to_dict("records")]
    rows = [x for x in rows if x[3] != "none"]
    height = max(2.4, 0.45 * len(rows) + 1.3)
    fig, ax = figure(figsize=(8.0, height))
    if not rows:
        ax.text(0.5, 0.5, "no quantified casualty claims", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    values = [v for _, lo, hi, _ in rows for v in (lo, hi) if v]
    xmin, xmax = min(values) / 4, max(values) * 4
    for y, (r, lo, hi, shape) in enumerate(rows):
        colour = SIDES.get(r["side"], OTHER) if not pd.isna(r["side"]) else OTHER
        if shape == "point":
            ax.plot([lo], [y], "o", color=colour)
        elif shape == "range":
            ax.plot([lo, hi], [y, y], "-", lw=6, color=colour, solid_capstyle="butt")
        elif shape == "up_to":
            ax.plot([xmin, hi], [y, y], "-", lw=6, color=colour, alpha=0.55, solid_capstyle="butt")
            ax.plot([hi], [y], "|", ms=14, mew=2, color=colour)
            ax.plot([xmin * 1.15], [y], "<", ms=9, color=colour)
        elif shape == "at_least":
            ax.plot([lo, xmax], [y, y], "-", lw=6, color=colour, alpha=0.55, solid_capstyle="butt")
            ax.plot([lo], [y], "|", ms=14, mew=2, color=colour)
            ax.plot([xmax / 1.15], [y], ">", ms=9, color=colour)
    ax.set_yticks(range(len(rows)), [_wrap(r["statement"]) for r, *_ in rows], fontsize=8)
    _log_axis(ax, xmin, xmax)
    ax.set_ylim(-0.7, len(rows) - 0.3)
    ax.set_xlabel("people (log scale); arrows: the claim is open on that side")
    ax.set_title("Casualty claims as intervals, coloured by side")
    fig.tight_layout()
    return fig


def _log_axis(ax, xmin: float, xmax: float) -> None:
    """A log x axis labelled 1, 2, 5 x 10^n in plain numbers ("15,000", not "1.5e4")."""
    ax.set_xscale("log")
    ax.set_xlim(xmin, xmax)
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}" if v >= 1 else f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.tick_params(axis="x", labelsize=8)


def _wrap(text: str, width: int = 48) -> str:
    words, lines, line = str(text).split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return "\n".join(lines + [line])


def claims_vs_reference(comparison: pd.DataFrame):
    """Each claim's interval next to the reference figures for the article's date, one row per claimant."""
    height = max(2.4, 0.5 * (len(comparison) + comparison["claim"].nunique()) + 1.3)
    fig, ax = figure(figsize=(8.0, height))
    if not len(comparison):
        ax.text(0.5, 0.5, "no claim with a reference figure for its date", ha="center", va="center",
                transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    labels, y = [], 0
    values = [v for c in ("claim_low", "claim_high", "reference_low", "reference_high")
              for v in comparison[c].dropna().astype(float)]
    xmin, xmax = min(values) / 4, max(values) * 4
    for claim, g in comparison.groupby("claim", sort=False):
        first = g.iloc[0]
        lo, hi = _num(first["claim_low"]), _num(first["claim_high"])
        colour = SIDES.get(first["side"], OTHER)
        ax.plot([lo or xmin, hi or xmax], [y, y], "-", lw=7, color=colour, alpha=0.55, solid_capstyle="butt")
        for v in (lo, hi):
            if v:
                ax.plot([v], [y], "|", ms=14, mew=2, color=colour)
        if lo is None:
            ax.plot([xmin * 1.15], [y], "<", ms=9, color=colour)
        if hi is None:
            ax.plot([xmax / 1.15], [y], ">", ms=9, color=colour)
        labels.append(_wrap(f"article: {claim}", 44))
        y += 1
        for r in g.to_dict("records"):
            rlo, rhi = _num(r["reference_low"]), _num(r["reference_high"])
            if rlo is not None and rhi is not None and rlo != rhi:
                ax.plot([rlo, rhi], [y, y], "-", lw=7, color="#555555", solid_capstyle="butt")
            else:
                ax.plot([rlo or rhi], [y], "D", color="#555555")
            labels.append(f"{r['claimant']}, {r['reference_type']} as of {r['reference_date']}")
            y += 1
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    _log_axis(ax, xmin, xmax)
    ax.set_xlabel("people (log scale)")
    ax.set_title(f"Claims against reference tallies as of {comparison['article_date'].iloc[0]}")
    fig.tight_layout()
    return fig


def figures_by_kind(figures: pd.DataFrame):
    """Bars: numeric expressions per kind, the casualty counts among them marked."""
    counts = figures["kind"].astype(str).value_counts().reindex(FIGURE_KINDS, fill_value=0)
    casualty = figures[figures["is_casualty"].fillna(False).astype(bool)]["kind"].astype(str).value_counts() \
        .reindex(FIGURE_KINDS, fill_value=0)
    fig, ax = figure(figsize=(8.0, 3.4))
    x = np.arange(len(FIGURE_KINDS))
    ax.bar(x, counts.values, color="#8C8C8C", label="all figures")
    ax.bar(x, casualty.values, color="#C44E52", label="casualty counts")
    ax.set_xticks(x, FIGURE_KINDS, rotation=30, ha="right")
    ax.set_ylabel("figures (count)")
    ax.set_title(f"All {len(figures)} figures by kind")
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def claims_over_time(timeline: pd.DataFrame):
    """Quantified claims by article date (log scale), coloured by side, one marker per source."""
    fig, ax = figure(figsize=(8.0, 4.0))
    if not len(timeline):
        ax.text(0.5, 0.5, "no dated quantified claims", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    dates = pd.to_datetime(timeline["article_date"])
    markers = "osD^vP*Xh<>"
    sources = timeline["source"].fillna("(unattributed)").astype(str)
    for i, src in enumerate(dict.fromkeys(sources)):
        sel = (sources == src).to_numpy()
        colours = [SIDES.get(s, OTHER) if not pd.isna(s) else OTHER for s in timeline["side"][sel]]
        ax.scatter(dates[sel], timeline["estimate"][sel].astype(float), c=colours, marker=markers[i % len(markers)],
                   label=src, s=40)
    ax.set_yscale("log")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.yaxis.set_minor_formatter(NullFormatter())
    pad = pd.Timedelta(days=10) if dates.nunique() == 1 else (dates.max() - dates.min()) * 0.05
    ax.set_xlim(dates.min() - pad, dates.max() + pad)
    locator = mdates.AutoDateLocator(maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel("article date")
    ax.set_ylabel("people claimed (log scale)")
    ax.set_title("Casualty claims over time: colour = side, marker = source")
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    fig.tight_layout()
    return fig
