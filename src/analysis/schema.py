"""Column declarations for every output table: one place for names, dtypes and meanings.

Each extractor module declares its table as a tuple of `Column`; `conform` turns rows into a
DataFrame of exactly those columns and dtypes, and docs/tables.md is generated from the
declarations (`python -m analysis docs`), so the code and the docs cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
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
    """Rows (dicts, a frame, or a dict of columns) as a new frame with exactly the declared columns,
    in order, typed.

    Columns the rows do not have are filled with missing values; extra columns are an error,
    since an undeclared column would be undocumented.
    """
    names = [c.name for c in columns]
    if isinstance(frame, pd.DataFrame):
        present, n = list(frame.columns), len(frame)
        values = {name: frame[name] for name in present if name in names}
    elif isinstance(frame, dict):
        # Columns already made (arrays, lists): no frame is built before typing them.
        present, n = list(frame), len(next(iter(frame.values()))) if frame else 0
        values = {name: (list(v) if isinstance(v, (tuple, range)) else v)
                  for name, v in frame.items() if name in names}
    elif isinstance(frame, (list, tuple)) and all(isinstance(r, dict) for r in frame):
        # Row dicts are read column by column: building an intermediate frame costs more than typing.
        present, n = list(dict.fromkeys(k for r in frame for k in r)), len(frame)
        values = {name: [r.get(name) for r in frame] for name in present if name in names}
    else:
        df = pd.DataFrame(frame)
        present, n = list(df.columns), len(df)
        values = {name: df[name] for name in present if name in names}
    extra = [c for c in present if c not in names]
    if extra:
        raise ValueError(f"undeclared columns: {extra}")
    typed = (_typed(values.get(c.name), c, n) for c in columns)
    # The arrays are new or typed already (and pandas copies on write): no need to copy them.
    return pd.DataFrame({c.name: getattr(t, "array", t) for c, t in zip(columns, typed)},
                        index=pd.RangeIndex(n), copy=False)


def _typed(values, column: Column, n: int):
    """The values as a Series or array of the column's dtype."""
    dtype = column.dtype
    if values is None:
        values = [None] * n
    if isinstance(values, pd.api.extensions.ExtensionArray):
        values = pd.Series(values, copy=False)
    if isinstance(values, pd.Series) and _already(values, dtype):
        return values.array  # typed by an earlier conform: converting again would only copy
    if isinstance(values, list):
        plain = _plain(values, dtype)
        if plain is not None:
            return plain
    if isinstance(values, np.ndarray) and len(values) == n:
        # Numbers computed with numpy (readability's counts and scores): NaN is read as missing.
        if dtype == "Int64" and values.dtype.kind in "iu":
            return pd.arrays.IntegerArray(values.astype("int64"), np.zeros(n, dtype=bool))
        if dtype == "Float64" and values.dtype.kind in "fiu":
            data = values.astype("float64")
            return pd.arrays.FloatingArray(data, np.isnan(data))
    if isinstance(values, list) and dtype in ("string", "Int64", "boolean", "category"):
        try:
            # The quick way for plain rows; categories are built from their strings below.
            values = pd.array(values, dtype="string" if dtype == "category" else dtype)
        except (TypeError, ValueError):
            pass  # e.g. numbers for a string column: the general path below converts them
        else:
            if dtype != "category":
                return values
    series = pd.Series(values).reset_index(drop=True)
    if dtype == "category":
        if isinstance(series.dtype, pd.CategoricalDtype) or str(series.dtype) != "string":
            series = series.astype("string")
        codes, uniques = pd.factorize(series, sort=True)
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype="string")))
    if str(series.dtype) == dtype:
        return series  # already typed: converting again would only copy
    if dtype in ("Float64", "float64"):
        return pd.to_numeric(series, errors="raise").astype(dtype)
    return series.astype(dtype)


def _already(series: pd.Series, dtype: str) -> bool:
    """Whether the series already is what `_typed` would make of it."""
    if dtype != "category":
        return str(series.dtype) == dtype
    # Categories as made below: the sorted strings that occur, each at least once, unordered.
    kind = series.dtype
    if not isinstance(kind, pd.CategoricalDtype) or kind.ordered or kind.categories.dtype != pd.StringDtype():
        return False
    codes = series.cat.codes.to_numpy()
    used = np.bincount(codes[codes >= 0], minlength=len(kind.categories))
    return bool(used.all()) and kind.categories.is_monotonic_increasing


# Rows of plain Python values are the common case (every extractor builds dicts), and going through
# pandas' general conversion costs more than the extraction itself on a short article. These build
# the same arrays directly; anything else (strings in a number column, numpy scalars of another
# kind, NaN in a string column) returns None and takes the general path.
_INT = (int, np.integer)
_FLOAT = (int, float, np.integer, np.floating)


def _plain(values: list, dtype: str):
    """The array `_typed` makes of a list of plain values, or None when the values are not plain."""
    values = [None if v is pd.NA else v for v in values]
    given = [v for v in values if v is not None]
    if dtype in ("string", "category"):
        if not all(type(v) is str for v in given):
            return None
        if dtype == "string":
            return pd.array(values, dtype="string")
        kind = _categories(tuple(sorted(set(given))))
        code = {v: i for i, v in enumerate(kind.categories)}
        return pd.Categorical.from_codes([-1 if v is None else code[v] for v in values], dtype=kind)
    if any(isinstance(v, (bool, np.bool_)) for v in given) != (dtype == "boolean") and given:
        return None
    missing = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    if dtype == "Int64" and all(isinstance(v, _INT) for v in given):
        return pd.arrays.IntegerArray(np.array([0 if v is None else v for v in values], dtype="int64"), missing)
    if dtype in ("Float64", "float64") and all(isinstance(v, _FLOAT) for v in given):
        data = np.array([np.nan if v is None else v for v in values], dtype="float64")
        # NaN is read as missing, as pandas' conversion to Float64 does.
        return pd.arrays.FloatingArray(data, np.isnan(data)) if dtype == "Float64" else data
    if dtype == "boolean" and all(isinstance(v, (bool, np.bool_)) for v in given):
        return pd.arrays.BooleanArray(np.array([bool(v) for v in values], dtype=bool), missing)
    return None


@lru_cache(maxsize=1024)
def _categories(values: tuple[str, ...]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(pd.Index(list(values), dtype="string"), ordered=False)
