"""Rules that hold for every table: provenance offsets, declared columns, documented columns."""
from __future__ import annotations

from analysis import schema, tabledocs

TEXT_COLUMNS = ("text", "quote")


def test_every_offset_points_at_its_text(seed_tables, seed_text):
    checked = 0
    for name in seed_tables:
        frame = seed_tables[name]
        for text_col in TEXT_COLUMNS:
            if {"start", "end", text_col} <= set(frame.columns):
                for row in frame.dropna(subset=["start", "end"]).itertuples(index=False):
                    assert seed_text[row.start:row.end] == getattr(row, text_col), (name, row)
                    checked += 1
        if {"speaker_start", "speaker_end", "speaker_text"} <= set(frame.columns):
            for row in frame.dropna(subset=["speaker_start", "speaker_end"]).itertuples(index=False):
                assert seed_text[row.speaker_start:row.speaker_end] == row.speaker_text, (name, row)
    assert checked > 0


def test_every_table_has_exactly_its_declared_columns_and_dtypes(seed_tables):
    for name in seed_tables:
        frame = seed_tables[name]
        declared = schema.TABLES[name]
        assert list(frame.columns) == [c.name for c in declared], name
        for col in declared:
            assert str(frame[col.name].dtype) == col.dtype, (name, col.name, frame[col.name].dtype)


def test_every_row_carries_article_id(seed_tables):
    for name in seed_tables:
        assert "article_id" in seed_tables[name].columns, name


def test_docs_tables_md_is_current():
    current = (tabledocs.config.DOCS / "tables.md").read_text(encoding="utf-8")
    assert current == tabledocs.render(), "docs/tables.md is stale: run `make docs`"


def _shown(value) -> str:
    import pandas as pd

    return "<NA>" if value is None or value is pd.NA or (isinstance(value, float) and value != value) else str(value)


def _matches(example: str, value) -> bool:
    """An example matches a value as written, to the example's decimals, or as a prefix when it ends in '…'."""
    shown = _shown(value)
    if example.endswith("…"):
        return shown.startswith(example[:-1].rstrip())
    if shown == example or ("/" in example and shown.endswith(example)):  # paths: as given, or absolute
        return True
    try:
        decimals = len(example.split(".")[1]) if "." in example else 0
        return round(float(shown), decimals) == float(example)
    except ValueError:
        return False


def test_every_documented_example_is_a_value_of_the_seeds_table(seed_tables):
    # docs/tables.md shows each column's example; it must be what the seed's table really holds.
    wrong = []
    for name in seed_tables:
        frame = seed_tables[name]
        for column in schema.TABLES[name]:
            if not column.example or column.name not in frame:
                continue
            values = frame[column.name].astype(object).tolist()
            if values and not any(_matches(column.example, v) for v in values):
                wrong.append(f"{name}.{column.name}: {column.example!r}")
    assert not wrong, wrong
