"""Charts and display tables of the casualty-figures notebook: claims as intervals, claims against
reference tallies, figures by kind, claims over time, and the report's tables with numbers written
for reading ("15,000", not 15000.0; blank instead of <NA>)."""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

from .. import casualties as _casualties
from . import figure

SIDES = {"Russia": "#C44E52", "Ukraine": "#4C72B0"}
OTHER = "#8C8C8C"
FIGURE_KINDS = ("count", "money", "percent", "distance", "duration", "date", "time", "age", "ordinal", "other")


def _num(v) -> float | None:
    return None if v is None or pd.isna(v) else float(v)


def _interval(row) -> tuple[float | None, float | None, str]:
    """(low, high, shape) of a claim: shape "point", "range", "up_to" (open below) or "at_least" (open above)."""
    low, high, count = _num(row["low"]), _num(row["high"]), _num(row.get("count", row.get("estimate")))
    if count is not None and (low is None or high is None) and row["qualifier"] in ("exact", "approximate"):
        return count, count, "point"
    if low is not None and high is not None:
        return low, high, "point" if low == high else "range"
    if high is not None:
        return None, high, "up_to"
    if low is not None:
        return low, None, "at_least"
    return None, None, "none"


def _side_colour(side) -> str:
    return OTHER if side is None or pd.isna(side) else SIDES.get(side, OTHER)


def _side_legend(ax, sides, **kwargs) -> None:
    """A legend of the side colours actually drawn (other sides and none share grey)."""
    present = list(dict.fromkeys(_side_colour(s) for s in sides))
    names = {c: n for n, c in SIDES.items()}
    handles = [Line2D([], [], color=c, lw=6, label=names.get(c, "other side or none")) for c in present]
    return ax.legend(handles=handles, title="side", fontsize=8, title_fontsize=8, frameon=False, **kwargs)


def claim_intervals(summary: pd.DataFrame):
    """Each quantified casualty claim as an interval on a log scale; "up to" and "at least" claims are
    bars open towards the unknown end (an arrow), never points."""
    rows = [(r, *_interval(r)) for r in summary.to_dict("records")]
    rows = [x for x in rows if x[3] != "none"]
    height = max(2.4, 0.45 * len(rows) + 1.6)
    fig, ax = figure(figsize=(8.0, height))
    if not rows:
        ax.text(0.5, 0.5, "no quantified casualty claims", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    values = [v for _, lo, hi, _ in rows for v in (lo, hi) if v]
    xmin, xmax = _log_limits(values)
    for y, (r, lo, hi, shape) in enumerate(rows):
        colour = _side_colour(r["side"])
        if shape == "point":
            ax.plot([max(lo, xmin * 1.3)], [y], "o", color=colour)  # a count of 0 sits at the left edge
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
    several = len({r["article_id"] for r, *_ in rows}) > 1
    labels = [(f"{r['article_id']}: " if several else "") + str(r["statement"]) for r, *_ in rows]
    ax.set_yticks(range(len(rows)), [_wrap(t) for t in labels], fontsize=8)
    _log_axis(ax, xmin, xmax)
    ax.set_ylim(len(rows) - 0.3, -0.7)  # first claim on top, as in the table
    ax.set_xlabel("people (log scale); arrows: the claim is open on that side")
    ax.set_title("Casualty claims as intervals, coloured by side")
    _side_legend(ax, [r["side"] for r, *_ in rows], loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def _log_limits(values) -> tuple[float, float]:
    """x limits around positive values, whole powers of ten, never below 1 person."""
    positive = [v for v in values if v and v > 0] or [1.0]
    lo, hi = min(positive), max(positive)
    xmin = max(10 ** np.floor(np.log10(lo)) / 2, 0.5)
    xmax = 10 ** np.ceil(np.log10(hi * 1.5))
    return float(xmin), float(xmax)


def _count_label(v: float) -> str:
    """1, 10, 1,000, 100,000, 1M, 10M: short enough not to run together."""
    if v >= 1e6:
        return f"{v / 1e6:,.0f}M" if v / 1e6 == int(v / 1e6) else f"{v / 1e6:,.1f}M"
    return f"{v:,.0f}"


def _log_axis(ax, xmin: float, xmax: float, axis: str = "x") -> None:
    """A log axis with a tick at each power of ten (every other one past six decades), plain labels."""
    getattr(ax, f"set_{axis}scale")("log")
    getattr(ax, f"set_{axis}lim")(xmin, xmax)
    powers = [10.0 ** k for k in range(int(np.ceil(np.log10(max(xmin, 1.0)))), int(np.floor(np.log10(xmax))) + 1)]
    if len(powers) > 6:
        powers = powers[::2]
    scale = ax.xaxis if axis == "x" else ax.yaxis
    scale.set_major_locator(FixedLocator(powers))
    scale.set_major_formatter(FuncFormatter(lambda v, _: _count_label(v)))
    scale.set_minor_formatter(NullFormatter())
    ax.tick_params(axis=axis, labelsize=8)


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
    xmin, xmax = _log_limits(values)
    for claim, g in comparison.groupby("claim", sort=False):
        first = g.iloc[0]
        lo, hi = _num(first["claim_low"]), _num(first["claim_high"])
        colour = _side_colour(first["side"])
        ax.plot([lo or xmin, hi or xmax], [y, y], "-", lw=7, color=colour, alpha=0.55, solid_capstyle="butt")
        for v in (lo, hi):
            if v:
                ax.plot([v], [y], "|", ms=14, mew=2, color=colour)
        if lo is None:
            ax.plot([xmin * 1.15], [y], "<", ms=9, color=colour)
        if hi is None:
            ax.plot([xmax / 1.15], [y], ">", ms=9, color=colour)
        several = comparison["article_id"].nunique() > 1
        labels.append(_wrap(f"article {first['article_id']}, {first['article_date']}: {claim}" if several
                            else f"article: {claim}", 44))
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
    ax.set_ylim(len(labels) - 0.5, -1.0)  # first row on top, room under the title for a wrapped label
    _log_axis(ax, xmin, xmax)
    ax.set_xlabel("people (log scale)")
    dates = comparison["article_date"].dropna().unique()
    when = f"as of {dates[0]}" if len(dates) == 1 else "as of each article's date"
    ax.set_title(f"Claims against reference tallies {when}")
    ax.legend(handles=[Line2D([], [], color=c, lw=6, label=n) for n, c in
                       (("article's claim (colour: side)", OTHER), ("reference figure", "#555555"))],
              fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    fig.tight_layout()
    return fig


def mentions_takeaway(casualties: pd.DataFrame) -> str:
    """How many casualty mentions, in how many articles, and how many carry a number."""
    n, k = len(casualties), int(casualties["article_id"].nunique())
    quantified = int(casualties["quantified"].fillna(False).astype(bool).sum())
    return (f"{n} casualty mention{'s' * (n != 1)} in {k} article{'s' * (k != 1)}, "
            f"{quantified} with a number, stated or implied")


def kind_counts(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures per kind, most common first (the data behind `figures_by_kind`)."""
    present = figures["kind"].astype(str)
    kinds = list(FIGURE_KINDS) + sorted(set(present) - set(FIGURE_KINDS))
    counts = present.value_counts(sort=False).reindex(kinds, fill_value=0)
    frame = pd.DataFrame({"kind": pd.array(kinds, dtype="string"),
                          "figures": pd.array(counts.to_numpy(), dtype="Int64")})
    return frame.sort_values("figures", ascending=False, kind="stable").reset_index(drop=True)


def kinds_takeaway(figures: pd.DataFrame, kinds: pd.DataFrame) -> str:
    """How many figures, how many count casualties, and the most common kind."""
    if not len(figures):
        return "The input reports no figures."
    n_casualty = int(figures["is_casualty"].fillna(False).astype(bool).sum())
    top = kinds.iloc[0]
    return (f"{len(figures)} figures, {n_casualty} of them casualty counts; "
            f"most common kind: {top['kind']} ({top['figures']})")


def figures_by_kind(figures: pd.DataFrame):
    """Bars: numeric expressions per kind, the casualty counts among them marked."""
    counts = kind_counts(figures).set_index("kind")["figures"].astype("int64").reindex(list(FIGURE_KINDS), fill_value=0)
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
    """Quantified claims by article date, one panel per casualty type (log scale), coloured by side.

    Killed, wounded and displaced are different quantities, so they never share an axis; a claim is
    drawn as what the text allows: a point, a range (a bar), or a bound open towards the unknown end
    ("at least" a triangle pointing up from its floor, "up to" one pointing down from its ceiling).
    """
    if not len(timeline):
        fig, ax = figure(figsize=(8.0, 4.0))
        ax.text(0.5, 0.5, "no dated quantified claims", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return fig
    present = set(timeline["casualty_type"].astype(str))
    types = [t for t in _casualties.CASUALTY_TYPES if t in present] + sorted(present - set(_casualties.CASUALTY_TYPES))
    fig, axes = figure(len(types), 1, figsize=(8.0, 1.2 + 2.4 * len(types)), sharex=True, squeeze=False)
    dates = pd.to_datetime(timeline["article_date"])
    rows = list(zip(dates, timeline.to_dict("records")))
    for ax, kind in zip(axes[:, 0], types):
        mine = [(d, r, *_interval(r)) for d, r in rows if str(r["casualty_type"]) == kind]
        values = [v for *_, lo, hi, _ in mine for v in (lo, hi) if v] + [_num(r["estimate"]) or 1 for _, r, *_ in mine]
        ymin, ymax = _log_limits(values)
        for d, r, lo, hi, shape in mine:
            colour = _side_colour(r["side"])
            if shape == "range":
                ax.plot([d, d], [lo, hi], "-", lw=5, color=colour, solid_capstyle="butt")
            elif shape == "at_least":
                ax.plot([d], [lo], "^", ms=8, color=colour)
            elif shape == "up_to":
                ax.plot([d], [hi], "v", ms=8, color=colour)
            else:
                ax.plot([d], [max(_num(r["estimate"]) or 1, ymin * 1.3)], "o", ms=6, color=colour)
        _log_axis(ax, ymin, ymax, axis="y")
        ax.set_ylabel(f"{kind}\n(people, log scale)", fontsize=9)
    unique = sorted(dates.unique())
    pad = pd.Timedelta(days=10) if len(unique) == 1 else (dates.max() - dates.min()) * 0.05
    bottom = axes[-1, 0]
    bottom.set_xlim(dates.min() - pad, dates.max() + pad)
    if len(unique) <= 6:  # a tick at each date there is, written out ("29 Mar 2022")
        bottom.set_xticks(unique, [pd.Timestamp(d).strftime("%-d %b %Y") for d in unique])
    else:
        bottom.xaxis.set_major_locator(mdates.AutoDateLocator(maxticks=8))
        bottom.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    bottom.set_xlabel("article date")
    axes[0, 0].set_title("Casualty claims over time, one panel per type: colour = side")
    top = axes[0, 0]
    sides = _side_legend(top, timeline["side"], loc="upper left", bbox_to_anchor=(1.0, 1.0))
    top.add_artist(sides)
    top.legend(handles=[Line2D([], [], ls="", marker="o", color="#333333", label="a count"),
                        Line2D([], [], lw=5, color="#333333", label="a range"),
                        Line2D([], [], ls="", marker="^", color="#333333", label="at least / more than"),
                        Line2D([], [], ls="", marker="v", color="#333333", label="up to / at most")],
               title="claim", fontsize=7, title_fontsize=8, frameon=False, loc="upper left",
               bbox_to_anchor=(1.0, 0.45))
    fig.tight_layout()
    return fig


# --- tables for reading -----------------------------------------------------------------------

MISSING = "–"


def number(v) -> str:
    """A number for reading: "15,000", "6.5", "0.667"; "–" when missing."""
    if v is None or pd.isna(v):
        return MISSING
    v = float(v)
    if v == int(v):
        return f"{v:,.0f}"
    return f"{v:,.3f}".rstrip("0").rstrip(".")


def interval(low, high, estimate=None) -> str:
    """A claim's number as a reader says it: "2", "up to 15,000", "at least 143", "7,000 to 15,000"."""
    low = None if low is None or pd.isna(low) else float(low)
    high = None if high is None or pd.isna(high) else float(high)
    if low is not None and high is not None:
        return number(low) if low == high else f"{number(low)} to {number(high)}"
    if high is not None:
        return f"up to {number(high)}"
    if low is not None:
        return f"at least {number(low)}"
    return MISSING if estimate is None or pd.isna(estimate) else f"about {number(estimate)}"


def _text(frame: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text, missing as "–", without the row index's meaningless numbers."""
    out = pd.DataFrame({c: [MISSING if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
                            else str(v) for v in frame[c].astype(object)] for c in frame.columns})
    out.index = range(1, len(out) + 1)
    return out


def _drop_empty(frame: pd.DataFrame, keep=()) -> pd.DataFrame:
    return frame[[c for c in frame.columns if c in keep or frame[c].notna().any()]]


def claims_table(casualties: pd.DataFrame) -> pd.DataFrame:
    """The casualty mentions to read: how many (as an interval), of whom, who says so; empty columns dropped."""
    how_many = [interval(lo, hi, c) for lo, hi, c in zip(casualties["low"], casualties["high"], casualties["count"])]
    t = casualties.assign(how_many=[h if h != MISSING else "unstated" for h in how_many])
    t = t[["article_id", "text", "casualty_type", "how_many", "qualifier", "victims", "side", "period", "source"]]
    return _text(_drop_empty(t, keep=("article_id", "text", "casualty_type", "how_many", "source")))


def totals_table(totals: pd.DataFrame) -> pd.DataFrame:
    """casualty_totals to read: rows reporting something, each state as its estimate and interval."""
    from ..casualties import STATES

    reported = totals[totals[list(STATES)].notna().any(axis=1)]
    rows = []
    for r in reported.to_dict("records"):
        row = {"article_id": r["article_id"], "side": r["side"]}
        for state in STATES:
            est, lo, hi = r[state], r[f"{state}_low"], r[f"{state}_high"]
            if pd.isna(est):
                row[state] = None
            elif not pd.isna(lo) and not pd.isna(hi) and lo != hi:
                row[state] = f"{number(est)} (middle of {number(lo)} to {number(hi)})"
            else:
                text = interval(lo, hi, est)
                row[state] = number(est) if text == number(est) else f"{number(est)} ({text})"
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["article_id", "side", *STATES])
    return _text(_drop_empty(frame, keep=("article_id", "side", "killed")))


def comparison_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """Claims beside reference figures, numbers written as intervals."""
    t = pd.DataFrame({
        "article_date": comparison["article_date"], "claim": comparison["claim"],
        "claim_number": [interval(lo, hi) for lo, hi in zip(comparison["claim_low"], comparison["claim_high"])],
        "claimant": comparison["claimant"], "reference_date": comparison["reference_date"],
        "reference_number": [interval(lo, hi) for lo, hi in
                             zip(comparison["reference_low"], comparison["reference_high"])],
        "reference_type": comparison["reference_type"]})
    return _text(t)


def figures_table(figures: pd.DataFrame, limit: int = 40) -> pd.DataFrame:
    """The first `limit` figures to read: value, bounds, hedge, kind, unit, what is counted, claimant."""
    t = figures.head(limit)
    t = pd.DataFrame({"article_id": t["article_id"], "text": t["text"], "kind": t["kind"],
                      "value": [number(v) for v in t["value"]], "low": [number(v) for v in t["low"]],
                      "high": [number(v) for v in t["high"]], "qualifier": t["qualifier"], "unit": t["unit"],
                      "counted": t["counted"], "source": t["source"]})
    return _text(_drop_empty(t, keep=("article_id", "text", "kind", "value")))
