"""schema.conform: typing rows once, and leaving already-typed frames as they are."""
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
