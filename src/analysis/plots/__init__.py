"""Matplotlib charts the notebooks call, one submodule per notebook topic.

Every chart function takes tables, draws into a new figure of fixed size and dpi, and returns
the figure; the data behind it can be saved with `save_data`.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import matplotlib

FIGSIZE = (8.0, 4.0)
DPI = 100
STYLE = {
    "figure.figsize": FIGSIZE, "figure.dpi": DPI, "savefig.dpi": DPI, "font.size": 10,
    "axes.spines.top": False, "axes.spines.right": False,
    "svg.hashsalt": "analysis", "path.simplify": True,
}


@contextmanager
def style():
    """Fixed sizes and fonts for every chart, without touching global settings."""
    with matplotlib.rc_context(STYLE):
        yield


def figure(nrows: int = 1, ncols: int = 1, figsize=FIGSIZE, **kwargs):
    """A new (figure, axes) outside pyplot's registry: shown once, by the notebook cell that returns it."""
    from matplotlib.figure import Figure

    with style():
        fig = Figure(figsize=figsize, dpi=DPI)
        axes = fig.subplots(nrows, ncols, **kwargs)
    return fig, axes


def shown(frame):
    """The table for a notebook cell to display, or None (nothing shown) when it has no rows: the
    sentence above it already says there is nothing, and an empty header row only adds noise."""
    return frame if len(frame) else None


def save_data(frame, name: str, corpus: str | Path | None = None, folder: str | Path | None = None) -> Path:
    """Save the data behind a chart as CSV: data/charts/<name>.csv for the seed corpus,
    data/charts/<corpus name>/<name>.csv for any other, or into folder."""
    from .. import config

    folder = Path(folder) if folder else config.charts_dir(corpus)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.csv"
    frame.to_csv(path, index=False)
    return path
