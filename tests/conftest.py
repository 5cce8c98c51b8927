"""Shared fixtures: the seed article and its tables, built once per test session."""
from __future__ import annotations

import pytest

from analysis import articles, config, pipeline

SEED = config.SEEDS / "000_a5fb506bb93332d8.txt"


@pytest.fixture(scope="session")
def seed_article() -> articles.Article:
    return articles.read_one(SEED)


@pytest.fixture(scope="session")
def seed_tables(seed_article) -> pipeline.Tables:
    return pipeline.run([seed_article])


@pytest.fixture(scope="session")
def seed_text(seed_article) -> str:
    return seed_article.text


def shared_or_skip(*parts: str):
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = config.SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is only beside the project on the developers' machines)")
    return path
