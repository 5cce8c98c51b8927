"""Runs one article through every extractor, and a corpus through that, into tables.

The pipeline knows the order of the extractors, not their rules. Each extractor is a function
`extract(article, doc, tables) -> dict[str, DataFrame]`: it receives the article, its one spaCy
Doc and the tables made so far for that article, and returns new tables for that article.
Each extractor module also names the tables it returns in `MAKES`, declared with
`schema.declare`, so the list of tables is known without running anything.

The Doc: one per article over the whole `article.text` (token.idx are article offsets), made
by `nlp.parse_many` in batches; `doc.sents` start exactly where the `sentences` rows start
(tokens are split where a sentence starts inside a glued word). `build`/`run` keep every table
in memory (tests, notebooks); `analysis.runner` streams a corpus to files.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from . import articles as articles_mod
from . import config, nlp, sentences
from .articles import Article, Failure
from .schema import TABLES, conform

# Extractor modules, in the order they run; each exposes `extract(article, doc, tables)`.
EXTRACTORS: tuple[str, ...] = ("readability", "sources", "figures", "casualties")


@dataclass
class Tables:
    """All tables of a corpus, one DataFrame each, accessible as attributes."""
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        frames = self.__dict__.get("frames", {})
        if name in frames:
            return frames[name]
        raise AttributeError(f"no table {name!r}; tables: {', '.join(frames)}")

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name]

    def __iter__(self):
        return iter(self.frames)


def extractors() -> list[tuple[str, Callable]]:
    return [(name, importlib.import_module(f"analysis.{name}").extract) for name in EXTRACTORS]


def analyse(article: Article, nlp_model=None) -> dict[str, pd.DataFrame]:
    """Every table for one article: one parse, then each extractor in order."""
    return analyse_many([article], nlp_model)[0]


def analyse_many(batch: list[Article], nlp_model=None) -> list[dict[str, pd.DataFrame]]:
    """Every table for each article of a batch (parsed together); a failing article gets a
    failed `articles` row instead of its tables, and never stops the others."""
    nlp_model = nlp_model if nlp_model is not None else nlp.load()
    sents = [_sentences(article) for article in batch]
    ok = [i for i, s in enumerate(sents) if not isinstance(s, Exception)]
    items = [(batch[i].text, list(zip(sents[i]["start"].tolist(), sents[i]["end"].tolist()))) for i in ok]
    docs: list = list(sents)
    try:
        for i, doc in zip(ok, nlp.parse_many(items, nlp_model)):
            docs[i] = doc
    except Exception:  # find the article that breaks the batch: parse one by one
        for i, item in zip(ok, items):
            try:
                docs[i] = nlp.parse(*item, nlp_model)
            except Exception as exc:
                docs[i] = exc
    return [_tables(article, doc, sent) for article, doc, sent in zip(batch, docs, sents)]


def _sentences(article: Article) -> pd.DataFrame | Exception:
    try:
        return sentences.table(article)
    except Exception as exc:
        return exc


def _tables(article: Article, doc, sents: pd.DataFrame) -> dict[str, pd.DataFrame]:
    try:
        if isinstance(doc, Exception):
            raise doc
        tables = {"paragraphs": articles_mod.paragraphs_table(article), "sentences": sents}
        for _, extract in extractors():
            tables.update(extract(article, doc, dict(tables)))
    except Exception as exc:  # one bad article never stops a corpus
        error = f"{article.path or article.article_id}: processing failed ({type(exc).__name__}: {exc})"
        row = articles_mod.failure_row(Failure(article.article_id, article.path, error))
        row["sha256"] = article.sha256  # so that the next run knows which text failed
        return {"articles": articles_mod.articles_table([row])}
    n_words = int(sents["n_words"].sum()) if len(sents) else 0
    tables["articles"] = articles_mod.articles_table(
        [articles_mod.article_row(article, n_sentences=len(sents), n_words=n_words)])
    return tables


def table_names() -> list[str]:
    """Names of the tables a run writes: articles, paragraphs, sentences, then the tables the
    extractors return, in extractor order (the same in every process)."""
    return ["articles", "paragraphs", "sentences", *_extractor_tables(EXTRACTORS)]


@lru_cache(maxsize=4)
def _extractor_tables(names: tuple[str, ...]) -> tuple[str, ...]:
    """The tables the extractors make, from each module's MAKES (importing it declares them)."""
    found: list[str] = []
    for name in names:
        module = importlib.import_module(f"analysis.{name}")
        found += [t for t in module.MAKES if t not in found]
    undeclared = [t for t in found if t not in TABLES]
    if undeclared:
        raise RuntimeError(f"extractor tables without a declaration: {', '.join(undeclared)}")
    return tuple(found)


def failed(failure: Failure) -> dict[str, pd.DataFrame]:
    return {"articles": articles_mod.articles_table([articles_mod.failure_row(failure)])}


def run(items: Iterable[Article | Failure], nlp_model=None,
        on_article: Callable[[str, str | None], None] | None = None,
        batch_size: int = 32) -> Tables:
    """Analyse articles in memory and concatenate their tables (for notebooks and tests)."""
    per_table: dict[str, list[pd.DataFrame]] = {name: [] for name in table_names()}
    batch: list[Article] = []

    def flush():
        for article, result in zip(batch, analyse_many(batch, nlp_model)):
            _collect(per_table, result, article.article_id, on_article)
        batch.clear()

    for item in items:
        if isinstance(item, Failure):
            flush()
            _collect(per_table, failed(item), item.article_id, on_article, item.error)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            flush()
    flush()
    return Tables({name: concat(name, frames) for name, frames in per_table.items()})


def _collect(per_table, result, article_id, on_article, error=None) -> None:
    for name, frame in result.items():
        per_table.setdefault(name, []).append(frame)
    if on_article:
        arts = result["articles"]
        if error is None and len(arts) and arts["status"].iloc[0] == "failed":
            error = arts["error"].iloc[0]
        on_article(article_id, error)


def concat(name: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of one table as one frame with its declared columns (empty frames allowed)."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return conform(pd.DataFrame(), TABLES[name])
    return conform(pd.concat(frames, ignore_index=True), TABLES[name])



def build(paths, nlp_model=None) -> Tables:
    """Tables for every article under the paths."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return run(articles_mod.read([config.resolve(p) for p in paths]), nlp_model)


def read_tables(folder: str | Path) -> Tables:
    folder = Path(folder)
    frames = {}
    for name in table_names():
        path = folder / f"{name}.parquet"
        if path.exists():
            frames[name] = conform(pd.read_parquet(path), TABLES[name])
    return Tables(frames)


def load_or_build(corpus: str | Path = "seeds/", cache: str | Path | None = None) -> Tables:
    """The tables of a corpus, from data/tables/<corpus name>, brought up to date first.

    Up to date means: built by this pipeline version from the same article texts; the folder
    is the one `python -m analysis tables` (and `make tables`) writes, and only the articles
    that changed are processed again.
    """
    from . import runner

    corpus_path = config.resolve(corpus)
    folder = Path(cache) if cache else config.TABLES_DIR / config.corpus_name(corpus_path)
    runner.run([corpus_path], folder)
    return read_tables(folder)
