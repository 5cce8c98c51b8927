"""Chart of the throughput benchmark (benchmarks/throughput.py): words per second per configuration."""
from __future__ import annotations

import numpy as np

from . import figure

LABELS = {
    "a_bare_spacy": "(a) bare spaCy nlp.pipe",
    "b_peer_composite": "(b) peer composite\nspaCy + textacy + textstat",
    "c_tables": "(c) analysis tables\n(1 process)",
    "cli_jobs_1": "CLI --jobs 1\n(fresh process)",
    "cli_jobs_2": "CLI --jobs 2\n(fresh processes)",
}


def throughput_chart(figures: dict):
    """Grouped horizontal bars per configuration: words per wall-clock second and per CPU-second."""
    wall, cpu = figures["words_per_s"], figures.get("words_per_cpu_s", {})
    names = [n for n in LABELS if n in wall][::-1]
    y = np.arange(len(names))
    fig, ax = figure(figsize=(8.0, 4.4))
    series = [("words per wall-clock second", wall, "#4C72B0", 0.2),
              ("words per CPU-second (all processes of the run)", cpu, "#DD8452", -0.2)]
    for label, values, color, shift in series:
        if not values:
            continue
        heights = [values[n] for n in names]
        ax.barh(y + shift, heights, height=0.38, color=color, label=label)
        for yy, v in zip(y + shift, heights):
            ax.text(v, yy, f" {v:,.0f}", va="center", fontsize=8)
    ax.set_yticks(y, [LABELS[n] for n in names])
    ax.set_title(f"Throughput on {figures['articles']:,} BBC News articles ({figures['words']:,} words), "
                 f"{figures['date'][:10]}")
    ax.set_xlabel("throughput (words per second)")
    ax.set_xlim(0, max([*wall.values(), *cpu.values()]) * 1.2)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig
