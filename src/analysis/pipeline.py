"""Runs one article through every extractor, and a corpus through that, into tables on disk.

The pipeline knows the order of the extractors, not their rules. Each extractor is a function
`extract(article, doc, tables) -> dict[str, DataFrame]`: it receives the article, its one spaCy
Doc and the tables made so far for that article, and returns new tables for that article.
"""
from __future__ import annotations

import importlib
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
    nlp_model = nlp_model if nlp_model is not None else nlp.load()
    sents = sentences.table(article)
    doc = nlp.parse(article.text, list(zip(sents["start"].tolist(), sents["end"].tolist())), nlp_model)
    tables = {"paragraphs": articles_mod.paragraphs_table(article), "sentences": sents}
    for _, extract in extractors():
        tables.update(extract(article, doc, dict(tables)))
    n_words = int(sents["n_words"].sum()) if len(sents) else 0
    tables["articles"] = articles_mod.articles_table(
        [articles_mod.article_row(article, n_sentences=len(sents), n_words=n_words)])
    return tables


def table_names() -> list[str]:
    """Names of the tables a run writes, articles first."""
    for _ in extractors():
        pass  # importing the extractor modules declares their tables
    names = ["articles", "paragraphs", "sentences"]
    return names + [t for t in TABLES if t not in names]


def failed(failure: Failure) -> dict[str, pd.DataFrame]:
    return {"articles": articles_mod.articles_table([articles_mod.failure_row(failure)])}


def run(items: Iterable[Article | Failure], nlp_model=None,
        on_article: Callable[[str, str | None], None] | None = None) -> Tables:
    """Analyse articles in memory and concatenate their tables (for notebooks and tests)."""
    per_table: dict[str, list[pd.DataFrame]] = {name: [] for name in table_names()}
    for item in items:
        if isinstance(item, Failure):
            result, error = failed(item), item.error
        else:
            try:
                result, error = analyse(item, nlp_model), None
            except Exception as exc:  # one bad article never stops a corpus
                error = f"{item.path or item.article_id}: processing failed ({type(exc).__name__}: {exc})"
                result = failed(Failure(item.article_id, item.path, error))
        for name, frame in result.items():
            per_table.setdefault(name, []).append(frame)
        if on_article:
            on_article(item.article_id, error)
    return Tables({name: _concat(name, frames) for name, frames in per_table.items()})


def _concat(name: str, frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return conform(pd.DataFrame(), TABLES[name])
    return conform(pd.concat(frames, ignore_index=True), TABLES[name])


def build(paths, nlp_model=None) -> Tables:
    """Tables for every article under the paths."""
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    return run(articles_mod.read([config.resolve(p) for p in paths]), nlp_model)


def write(tables: Tables, out: str | Path, fmt: str = "parquet") -> list[Path]:
    """Write every table to out/<name>.parquet (or .csv), each replaced atomically."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.frames.items():
        target = out / f"{name}.{fmt}"
        tmp = target.with_name(f".{target.name}.tmp")
        if fmt == "parquet":
            frame.to_parquet(tmp, index=False)
        else:
            frame.to_csv(tmp, index=False)
        tmp.replace(target)
        written.append(target)
    return written


def read_tables(folder: str | Path) -> Tables:
    folder = Path(folder)
    frames = {}
    for name in table_names():
        path = folder / f"{name}.parquet"
        if path.exists():
            frames[name] = conform(pd.read_parquet(path), TABLES[name])
    return Tables(frames)


def load_or_build(corpus: str | Path = "seeds/", cache: str | Path | None = None) -> Tables:
    """The tables of a corpus, read from data/tables/<corpus name> when they are current, else built.

    Current means: built by this pipeline version from the same article texts.
    """
    corpus_path = config.resolve(corpus)
    folder = Path(cache) if cache else config.TABLES_DIR / corpus_path.resolve().name
    items = list(articles_mod.read([corpus_path]))
    stamp = _stamp(items)
    stamp_file = folder / "STAMP"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        tables = read_tables(folder)
        if set(table_names()) <= set(tables.frames):
            return tables
    tables = run(items)
    write(tables, folder)
    stamp_file.write_text(stamp)
    return tables


def _stamp(items) -> str:
    import hashlib

    h = hashlib.sha256(config.PIPELINE_VERSION.encode())
    h.update(",".join(table_names()).encode())
    for item in items:
        h.update(item.article_id.encode())
        h.update((item.sha256 if isinstance(item, Article) else item.error).encode())
    return h.hexdigest()
