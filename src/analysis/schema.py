"""Column declarations for every output table: one place for names, dtypes and meanings.

Each extractor module declares its table as a tuple of `Column`; `conform` turns rows into a
DataFrame of exactly those columns and dtypes, and docs/tables.md is generated from the
declarations (`python -m analysis docs`), so the code and the docs cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas dtype name: "string", "Int64", "Float64", "boolean", "category", "float64"
    meaning: str
    example: str = ""


TABLES: dict[str, tuple[Column, ...]] = {}
TABLE_DOCS: dict[str, str] = {}


def declare(table: str, columns: tuple[Column, ...], doc: str = "") -> tuple[Column, ...]:
    """Register a table's columns (called once at import time by the module that makes it)."""
    TABLES[table] = columns
    TABLE_DOCS[table] = doc
    return columns


def dtypes(columns: tuple[Column, ...]) -> dict[str, str]:
    return {c.name: c.dtype for c in columns}


def empty(columns: tuple[Column, ...]) -> pd.DataFrame:
    """An empty frame with the declared columns and dtypes."""
    return conform(pd.DataFrame(), columns)


def conform(frame: pd.DataFrame | list[dict], columns: tuple[Column, ...]) -> pd.DataFrame:
    """Rows (dicts or a frame) as a new frame with exactly the declared columns, in order, typed.

    Columns the rows do not have are filled with missing values; extra columns are an error,
    since an undeclared column would be undocumented.
    """
    df = pd.DataFrame(frame) if not isinstance(frame, pd.DataFrame) else frame
    names = [c.name for c in columns]
    extra = [c for c in df.columns if c not in names]
    if extra:
        raise ValueError(f"undeclared columns: {extra}")
    out = pd.DataFrame({c.name: _typed(df[c.name] if c.name in df.columns else None, c, len(df))
                        for c in columns})
    return out.reset_index(drop=True)


def _typed(values, column: Column, n: int) -> pd.Series:
    if values is None:
        values = pd.Series([pd.NA] * n, dtype="object")
    series = pd.Series(values).reset_index(drop=True)
    if column.dtype == "category":
        return series.astype("string").astype("category")
    if column.dtype in ("Float64", "float64"):
        return pd.to_numeric(series, errors="raise").astype(column.dtype)
    return series.astype(column.dtype)
