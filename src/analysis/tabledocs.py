"""Writes docs/tables.md from the table declarations, so the docs and the code cannot drift apart.

`python -m analysis.tabledocs --write` regenerates the file; `--check` exits 1 when it is stale.
"""
from __future__ import annotations

import argparse
import sys

from . import config, pipeline
from .schema import TABLE_DOCS, TABLES

HEADER = """# Tables

Every table written by `python -m analysis tables PATH --out DIR` (one Parquet or CSV file per
table), and returned by `analysis.pipeline.build` / `load_or_build`. This page is generated from
the column declarations in the code (`python -m analysis.tabledocs --write`); a test fails when it
is out of date.

Conventions: every row carries `article_id`; `start`/`end` are character offsets into the article
text exactly as decoded from its file, and `text[start:end]` equals the row's text column (a test
checks this on every table). Rows are in text order. Examples are from the seed article
`seeds/000_a5fb506bb93332d8.txt`; `<NA>` marks a missing value.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _seed_examples() -> dict[str, dict[str, str]]:
    """The first non-missing value of each column in the seed's tables, for undeclared examples."""
    tables = pipeline.build(config.SEEDS)
    out: dict[str, dict[str, str]] = {}
    for name in tables:
        frame = tables[name]
        out[name] = {}
        for col in frame.columns:
            values = frame[col].dropna()
            if len(values):
                text = str(values.iloc[0])
                out[name][col] = text if len(text) <= 80 else text[:77] + "…"
    return out


def render() -> str:
    seed = _seed_examples()
    parts = [HEADER]
    for name in pipeline.table_names():
        parts.append(f"\n## {name}\n\n{TABLE_DOCS.get(name, '')}\n\n"
                     "| column | dtype | meaning | example (seed) |\n|---|---|---|---|")
        for col in TABLES[name]:
            parts.append(f"| `{col.name}` | {col.dtype} | {_cell(col.meaning)} | {_cell(col.example or seed.get(name, {}).get(col.name, '<NA>'))} |")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.tabledocs")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--write", action="store_true", help="rewrite docs/tables.md")
    group.add_argument("--check", action="store_true", help="exit 1 when docs/tables.md is stale")
    args = parser.parse_args(argv)
    target = config.DOCS / "tables.md"
    text = render()
    if args.write:
        target.write_text(text, encoding="utf-8")
        return 0
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("analysis: docs/tables.md is stale; run `make docs`", file=sys.stderr)
            return 1
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
