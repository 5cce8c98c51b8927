"""Makes the `sentences` table: one row per sentence, never crossing a paragraph, with text defects flagged."""
from __future__ import annotations

import re

import pandas as pd

from . import segment
from .articles import Article
from .schema import Column, conform, declare

SENTENCES = declare("sentences", (
    Column("article_id", "string", "The article.", "000_a5fb506bb93332d8"),
    Column("paragraph", "Int64", "0-based index of the paragraph holding the sentence.", ""),
    Column("sentence", "Int64", "0-based index of the sentence in the article.", ""),
    Column("start", "Int64", "Offset of the first character in the article text.", ""),
    Column("end", "Int64", "Offset after the last character; `text[start:end]` is the sentence.", ""),
    Column("text", "string", "The sentence as written.", "Ukrainian and Russian negotiators sat face to face …"),
    Column("paragraph_kind", "category", "Kind of the paragraph (see paragraphs.kind).", "body"),
    Column("n_words", "Int64", "Words: runs of letters or digits, with inner apostrophes, hyphens, "
           "commas and points kept (\"15,000\", \"Moscow-backed\", \"Putin’s\" are one word each).", ""),
    Column("defects", "string", "Comma-separated text defects found, empty when none. "
           "`glued_sentence`: the sentence starts inside a word, where two sentences were "
           "run together without space (\"talks UkraineThe government\").", "glued_sentence"),
), doc="One row per sentence of every paragraph (all kinds), in text order.")

WORD = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")


def count_words(text: str) -> int:
    """Words as the project counts them (see sentences.n_words)."""
    return len(WORD.findall(text))


def spans(article: Article) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """(paragraph, start, end, defects) of every sentence, in text order."""
    return [(p.index, s, e, defects)
            for p in article.paragraphs
            for s, e, defects in segment.split(article.text, p.start, p.end)]


def table(article: Article) -> pd.DataFrame:
    """The sentences of one article."""
    kinds = {p.index: p.kind for p in article.paragraphs}
    rows = [{"article_id": article.article_id, "paragraph": para, "sentence": i, "start": s, "end": e,
             "text": article.text[s:e], "paragraph_kind": kinds[para],
             "n_words": count_words(article.text[s:e]), "defects": ",".join(defects)}
            for i, (para, s, e, defects) in enumerate(spans(article))]
    return conform(rows, SENTENCES)
