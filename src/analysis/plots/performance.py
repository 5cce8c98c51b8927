"""Chart of the throughput benchmark (benchmarks/throughput.py): words per second per configuration."""
from __future__ import annotations

from . import figure

LABELS = {
    "a_bare_spacy": "(a) bare spaCy nlp.pipe",
    "b_peer_composite": "(b) peer composite\nspaCy + textacy + textstat",
    "c_tables": "(c) analysis tables\n(1 process, in-process)",
    "cli_jobs_1": "CLI --jobs 1\n(fresh process)",
    "cli_jobs_2": "CLI --jobs 2\n(fresh processes)",
}


def throughput_chart(figures: dict):
    """Horizontal bars: words/s of each benchmark configuration, with the value written on each bar."""
    wps = figures["words_per_s"]
    names = [n for n in LABELS if n in wps][::-1]
    fig, ax = figure(figsize=(8.0, 3.6))
    colors = ["#C44E52" if n.startswith(("c_", "cli_")) else "#4C72B0" for n in names]
    ax.barh([LABELS[n] for n in names], [wps[n] for n in names], color=colors)
    for y, n in enumerate(names):
        ax.text(wps[n], y, f" {wps[n]:,.0f}", va="center", fontsize=9)
    ax.set_title(f"Throughput on {figures['articles']:,} BBC News articles ({figures['words']:,} words), "
                 f"{figures['date'][:10]}")
    ax.set_xlabel("throughput (words per second)")
    ax.set_xlim(0, max(wps.values()) * 1.18)
    fig.tight_layout()
    return fig
