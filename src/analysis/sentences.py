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
           "run together without space (\"talks UkraineThe government\"); `mojibake`: UTF-8 "
           "text that was decoded as cp1252 (\"â€™\" for \"’\"); `replacement_character`: U+FFFD left "
           "by a lossy conversion; `control_character`: a control character inside the text.",
           "glued_sentence"),
), doc="One row per sentence of every paragraph (all kinds), in text order.")

# Text damage that is flagged, never repaired: UTF-8 read as cp1252 ("â€™"), replacement characters
# left by a lossy conversion, and control characters.
_TEXT_DEFECTS = (
    ("mojibake", re.compile(r"[âÃ][\u0080-\u00bf€™œ˜šž‚„†‡‰‹›“”•–—]")),
    ("replacement_character", re.compile("\ufffd")),
    ("control_character", re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")),
)

WORD = re.compile(r"[^\W_](?:[\w'’.,\-]*[^\W_])?")


def count_words(text: str) -> int:
    """Words as the project counts them (see sentences.n_words)."""
    return len(WORD.findall(text))


def text_defects(text: str) -> tuple[str, ...]:
    """Names of the text-damage defects found in a sentence."""
    return tuple(name for name, pattern in _TEXT_DEFECTS if pattern.search(text))


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
             "n_words": count_words(article.text[s:e]), "defects": ",".join(dict.fromkeys(defects + text_defects(article.text[s:e])))}
            for i, (para, s, e, defects) in enumerate(spans(article))]
    return conform(rows, SENTENCES)
