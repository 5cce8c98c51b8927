"""schema.conform: typing rows once, and leaving already-typed frames as they are."""
import numpy as np
import pandas as pd
import pytest

from analysis.schema import Column, conform
from analysis.runner import BATCH_SIZE, auto_batch_size

COLUMNS = (Column("article_id", "string", "id"), Column("kind", "category", "kind"),
           Column("n_words", "Int64", "words"))


def test_conform_makes_sorted_categories_of_the_values_present():
    frame = conform([{"article_id": "a", "kind": "body", "n_words": 3},
                     {"article_id": "a", "kind": "caption", "n_words": None},
                     {"article_id": "b", "kind": "body"}], COLUMNS)
    assert list(frame["kind"].cat.categories) == ["body", "caption"]
    assert frame["n_words"].tolist() == [3, pd.NA, pd.NA]


def test_conform_of_a_conformed_frame_is_equal_to_it():
    frame = conform([{"article_id": "a", "kind": "caption", "n_words": 1},
                     {"article_id": "b", "kind": "body", "n_words": 2}], COLUMNS)
    pd.testing.assert_frame_equal(conform(frame, COLUMNS), frame)


def test_conform_recodes_categories_that_are_unsorted_or_unused():
    frame = pd.DataFrame({"article_id": pd.array(["a", "b"], dtype="string"),
                          "kind": pd.Categorical(["body", "body"], categories=["caption", "body", "zzz"])})
    out = conform(frame, COLUMNS)
    assert list(out["kind"].cat.categories) == ["body"]
    assert out["kind"].tolist() == ["body", "body"]


def test_conform_rejects_undeclared_columns():
    with pytest.raises(ValueError, match="undeclared"):
        conform([{"article_id": "a", "colour": "red"}], COLUMNS)


@pytest.mark.parametrize("total, workers, expected", [
    (10_000, 1, BATCH_SIZE),   # one process: always full batches
    (10_000, 2, BATCH_SIZE),   # a large corpus keeps full batches
    (200, 2, 13),              # 200 / (8 x 2) rounded up: about eight batches per worker
    (10, 2, 4),                # never below 4 articles
])
def test_batches_get_smaller_only_when_parallel_workers_would_wait(total, workers, expected):
    assert auto_batch_size(total, workers) == expected


WIDE = (Column("s", "string", ""), Column("c", "category", ""), Column("i", "Int64", ""),
        Column("f", "Float64", ""), Column("g", "float64", ""), Column("b", "boolean", ""))


@pytest.mark.parametrize("rows", [
    [{"s": "a", "c": "z", "i": 1, "f": 1.5, "g": 2.0, "b": True},
     {"s": None, "c": None, "i": None, "f": None, "g": None, "b": None},
     {"s": "b", "c": "y", "i": 3, "f": float("nan"), "g": 7, "b": False}],
    [{"s": "é", "c": "Ä", "i": np.int64(2), "f": 3, "g": np.float32(0.5), "b": np.bool_(True)},
     {"s": pd.NA, "c": "a", "i": pd.NA, "f": pd.NA, "b": pd.NA}],
    [{"s": 5, "c": 7, "i": 2.0, "f": "1.25", "g": "3", "b": 1}],  # not plain: the general path
    [],
])
def test_rows_of_plain_values_are_typed_as_the_general_conversion_types_them(rows):
    from analysis import schema

    general = conform(pd.DataFrame(rows, columns=[c.name for c in WIDE], dtype=object), WIDE)
    pd.testing.assert_frame_equal(conform(rows, WIDE), general)
    assert all(schema._plain([r.get(c.name) for r in rows], c.dtype) is None for c in WIDE) == (rows[:1] == [
        {"s": 5, "c": 7, "i": 2.0, "f": "1.25", "g": "3", "b": 1}])


def test_random_rows_of_the_sources_tables_are_typed_as_the_general_conversion_types_them():
    from analysis import diversity, sources
    import random

    from pandas.testing import assert_frame_equal
    rng = random.Random(7)
    make = {"string": lambda: rng.choice(["a", "b", "é", "Z", ""]), "Int64": lambda: rng.randint(-3, 500),
            "Float64": lambda: rng.choice([0.5, 1 / 3, 0.0, 2.0, float("nan")]),
            "boolean": lambda: rng.random() < 0.5, "category": lambda: rng.choice(["article", "corpus", "b", "é"])}
    for columns in (sources.SOURCES, diversity.SOURCE_DIVERSITY, diversity.SOURCE_SHARES):
        for _ in range(40):
            rows = [{c.name: (make[c.dtype]() if rng.random() < 0.8 else None) for c in columns
                     if rng.random() < 0.9} for _ in range(rng.choice([0, 1, 2, 3, 7]))]
            names = [c.name for c in columns]
            expected = conform(pd.DataFrame(rows, columns=names, dtype=object), columns)
            got = conform(rows, columns)
            assert_frame_equal(got, expected, check_exact=True)
            for c in columns:
                assert got[c.name].dtype == expected[c.name].dtype
                if c.dtype == "category":
                    assert got[c.name].cat.categories.dtype == expected[c.name].cat.categories.dtype
                    assert got[c.name].cat.codes.dtype == expected[c.name].cat.codes.dtype
    with pytest.raises(ValueError):
        conform([{"nonsense": 1}], diversity.SOURCE_SHARES)


def test_a_dict_of_numpy_columns_is_typed_as_the_frame_of_them():
    columns = {"i": np.array([1, 2, 3]), "f": np.array([0.5, np.nan, 2.0]), "s": pd.array(["a", None, "b"], dtype="string"),
               "c": pd.Categorical(["y", "z", "y"])}
    wanted = (Column("i", "Int64", ""), Column("f", "Float64", ""), Column("s", "string", ""),
              Column("c", "category", ""))
    got = conform(columns, wanted)
    pd.testing.assert_frame_equal(got, conform(pd.DataFrame(columns), wanted))
    assert got["f"].isna().tolist() == [False, True, False]
