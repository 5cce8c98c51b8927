"""Makes the `source_diversity` table: how many voices an article quotes and how evenly.

From the `sources` table: distinct sources, the named and anonymous shares, the speaker who gets
the most quoted words, and, over affiliations and over source types, Shannon entropy, Pielou
evenness and the Gini-Simpson index of the statements (Masini et al. 2018 use Simpson's index over
quoted actors; see docs/methods-sources.md). `source_shares` breaks the statements and quoted
words down by affiliation and by source type. Both work per article or over a whole corpus.
"""
from __future__ import annotations

import math

import pandas as pd

from .schema import Column, conform, declare

UNKNOWN = "(unknown)"

SOURCE_DIVERSITY = declare("source_diversity", (
    Column("scope", "category", "`article` for one article's row, `corpus` for the row over all articles.",
           "article"),
    Column("article_id", "string", "The article; missing on the corpus row.", "000_a5fb506bb93332d8"),
    Column("n_statements", "Int64", "Rows of `sources`.", "22"),
    Column("n_sources", "Int64", "Distinct speakers (sources.speaker, per article: the same name in two "
           "articles counts twice on the corpus row).", "13"),
    Column("n_named_sources", "Int64", "Distinct speakers the text names.", "11"),
    Column("named_share", "Float64", "Share of statements whose speaker is named.", "0.909"),
    Column("anonymous_share", "Float64", "Share of statements whose speaker is not named "
           "(\"a NATO official\", \"Ukrainian negotiators\").", "0.091"),
    Column("n_quoted_words", "Int64", "Words of all statements (sources.n_quote_words).", "463"),
    Column("top_speaker", "string", "The speaker with the most quoted words (ties: first in text).",
           "Alexander Fomin"),
    Column("top_speaker_word_share", "Float64", "That speaker's share of the quoted words.", "0.186"),
    Column("n_affiliations", "Int64", "Distinct known affiliations of the statements. Statements whose "
           "affiliation the text does not give are left out of this and the three affiliation indices "
           "(an unknown is not one more affiliation); `affiliation_known_share` says how many that leaves.", "6"),
    Column("affiliation_known_share", "Float64", "Share of statements with a known affiliation: the "
           "statements the affiliation indices are computed over.", "1.0"),
    Column("affiliation_entropy_bits", "Float64", "Shannon entropy of statements over affiliations, "
           "in bits: 0 when one affiliation speaks, log2(k) when k speak equally; missing when no "
           "statement has a known affiliation.", "1.965"),
    Column("affiliation_evenness", "Float64", "Pielou evenness: entropy / log2(n_affiliations), 0..1; "
           "missing with fewer than two affiliations.", "0.760"),
    Column("affiliation_gini_simpson", "Float64", "Gini-Simpson index 1 - sum(p_i^2) over affiliations: "
           "the chance that two statements drawn at random come from different affiliations.", "0.678"),
    Column("n_source_types", "Int64", "Distinct source types of the statements, `unknown` left out "
           "(as for affiliations).", "3"),
    Column("type_known_share", "Float64", "Share of statements whose source type is not `unknown`: "
           "the statements the type indices are computed over.", "1.0"),
    Column("type_entropy_bits", "Float64", "Shannon entropy of statements over source types, in bits; "
           "missing when every statement's type is unknown.", "0.866"),
    Column("type_evenness", "Float64", "Pielou evenness over source types, 0..1.", "0.546"),
    Column("type_gini_simpson", "Float64", "Gini-Simpson index over source types.", "0.314"),
), doc="One row per article (scope `article`), and one for a whole corpus from "
       "`diversity.source_diversity(sources)` (scope `corpus`).")

SOURCE_SHARES = declare("source_shares", (
    Column("scope", "category", "`article` or `corpus`.", "article"),
    Column("article_id", "string", "The article; missing for corpus rows.", "000_a5fb506bb93332d8"),
    Column("dimension", "category", "`affiliation` or `source_type`.", "affiliation"),
    Column("value", "string", "The affiliation or source type; `(unknown)` when the text gives none.", "Russia"),
    Column("n_statements", "Int64", "Statements with this value.", "7"),
    Column("statement_share", "Float64", "Share of the statements.", "0.318"),
    Column("n_quoted_words", "Int64", "Quoted words of those statements.", "193"),
    Column("word_share", "Float64", "Share of the quoted words.", "0.417"),
), doc="Statements and quoted words by affiliation and by source type, largest first.")


def shannon_bits(counts) -> float:
    """Shannon entropy in bits of a list of counts (0 for one category or none)."""
    total = sum(counts)
    if total <= 0:
        return 0.0
    return -sum(c / total * math.log2(c / total) for c in counts if c > 0) + 0.0


def pielou(counts) -> float | None:
    """Shannon entropy divided by its maximum; None with fewer than two categories."""
    k = sum(1 for c in counts if c > 0)
    return shannon_bits(counts) / math.log2(k) if k >= 2 else None


def gini_simpson(counts) -> float | None:
    """1 - sum(p^2): chance that two draws (with replacement) differ; None without statements."""
    total = sum(counts)
    if total <= 0:
        return None
    return 1.0 - sum((c / total) ** 2 for c in counts)


def _filled(series: pd.Series) -> pd.Series:
    return series.astype("string").fillna(UNKNOWN)


def _columns(sources: pd.DataFrame | list[dict]) -> dict[str, list]:
    """The columns the indices read, as plain lists (missing ids and speakers as None), read once.

    `sources` is a `sources` table or its rows as dicts (what `sources.statements` conforms).
    """
    if not isinstance(sources, pd.DataFrame):
        def get(name):
            return [r.get(name) for r in sources]
        return {"article_id": [None if v is None else str(v) for v in get("article_id")],
                "speaker": [None if v is None else str(v) for v in get("speaker")],
                "named": [False if v is None else bool(v) for v in get("named")],
                "words": [0 if v is None else int(v) for v in get("n_quote_words")],
                "affiliation": [UNKNOWN if v is None else str(v) for v in get("affiliation")],
                "source_type": [UNKNOWN if v is None else str(v) for v in get("source_type")]}

    def text(name):
        return [None if v is pd.NA else v for v in sources[name].astype("string").tolist()]
    return {"article_id": text("article_id"), "speaker": text("speaker"),
            "named": sources["named"].fillna(False).astype(bool).tolist(),
            "words": sources["n_quote_words"].fillna(0).astype("int64").tolist(),
            "affiliation": _filled(sources["affiliation"]).tolist(),
            "source_type": _filled(sources["source_type"]).tolist()}


# What a source type or affiliation is when the text does not give it: not one more category.
_UNKNOWNS = frozenset({UNKNOWN, "unknown"})


def _counts(values: list[str], rows: list[int]) -> list[int]:
    """How often each known value occurs among the rows, in order of first occurrence."""
    counts: dict[str, int] = {}
    for i in rows:
        if values[i] not in _UNKNOWNS:
            counts[values[i]] = counts.get(values[i], 0) + 1
    return list(counts.values())


def _indices(counts: list[int], n: int, count_column: str, prefix: str) -> dict:
    """Distinct values, coverage and the three indices over the known values of one dimension."""
    known = sum(counts)
    if not known:  # nothing known: no index can be said, rather than a fake 0
        return {count_column: 0, f"{prefix}_known_share": 0.0}
    return {count_column: len(counts), f"{prefix}_known_share": known / n,
            f"{prefix}_entropy_bits": shannon_bits(counts), f"{prefix}_evenness": pielou(counts),
            f"{prefix}_gini_simpson": gini_simpson(counts)}


def _by_article(cols: dict[str, list]) -> dict[str | None, list[int]]:
    """Row numbers per article id, in order of first occurrence."""
    groups: dict[str | None, list[int]] = {}
    for i, a in enumerate(cols["article_id"]):
        groups.setdefault(a, []).append(i)
    return groups


def _row(cols: dict[str, list], rows: list[int], scope: str, article_id) -> dict:
    n = len(rows)
    row = {"scope": scope, "article_id": article_id, "n_statements": n}
    if n == 0:
        return {**row, "n_sources": 0, "n_named_sources": 0, "n_quoted_words": 0,
                "n_affiliations": 0, "n_source_types": 0}
    ids, speakers, named, words = cols["article_id"], cols["speaker"], cols["named"], cols["words"]
    # a speaker is per article: the same canonical name in two articles may be two people
    totals: dict[str, list] = {}  # who -> [speaker, words], in order of first occurrence
    named_who = set()
    for i in rows:
        if ids[i] is None or speakers[i] is None:
            continue  # no speaker to count (as pandas drops missing keys)
        who = ids[i] + "\x1f" + speakers[i]
        entry = totals.setdefault(who, [speakers[i], 0])
        entry[1] += words[i]
        if named[i]:
            named_who.add(who)
    top = None
    for speaker, total in totals.values():  # the most words; ties go to the first in text
        if top is None or total > top[1]:
            top = (speaker, total)
    total_words = sum(words[i] for i in rows)
    n_named = sum(1 for i in rows if named[i])
    aff = _counts(cols["affiliation"], rows)
    typ = _counts(cols["source_type"], rows)
    return {**row, "n_sources": len(totals), "n_named_sources": len(named_who),
            "named_share": n_named / n, "anonymous_share": 1 - n_named / n,
            "n_quoted_words": total_words, "top_speaker": top[0] if top else None,
            "top_speaker_word_share": (top[1] / total_words) if total_words and top else None,
            **_indices(aff, n, "n_affiliations", "affiliation"), **_indices(typ, n, "n_source_types", "type")}


def article_diversity(sources: pd.DataFrame | list[dict], article_id: str) -> pd.DataFrame:
    """The one-row `source_diversity` table of one article's sources (a `sources` table or its row dicts)."""
    return conform([_row(_columns(sources), list(range(len(sources))), "article", article_id)], SOURCE_DIVERSITY)


def source_diversity(sources: pd.DataFrame | list[dict], per_article: bool = False) -> pd.DataFrame:
    """Diversity over all the given sources (one `corpus` row), or one row per article."""
    cols = _columns(sources)
    if not per_article:
        return conform([_row(cols, list(range(len(sources))), "corpus", None)], SOURCE_DIVERSITY)
    # a missing article id gets its row, with no statements (as a comparison with it matches nothing)
    rows = [_row(cols, part if a is not None else [], "article", a) for a, part in _by_article(cols).items()]
    return conform(rows, SOURCE_DIVERSITY)


def _share_rows(cols: dict[str, list], rows: list[int], scope: str, article_id) -> list[dict]:
    words = cols["words"]
    n, total_words = max(len(rows), 1), max(sum(words[i] for i in rows), 1)
    out = []
    for dim in ("affiliation", "source_type"):
        values = cols[dim]
        counts: dict[str, list[int]] = {}  # value -> [statements, words], in order of first occurrence
        for i in rows:
            entry = counts.setdefault(values[i], [0, 0])
            entry[0] += 1
            entry[1] += words[i]
        # most words first, then most statements; ties keep the order of first occurrence
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1][1], -kv[1][0]))
        out.extend({"scope": scope, "article_id": article_id, "dimension": dim, "value": value,
                    "n_statements": k, "statement_share": k / n, "n_quoted_words": w,
                    "word_share": w / total_words} for value, (k, w) in ranked)
    return out


def source_shares(sources: pd.DataFrame | list[dict], per_article: bool = False) -> pd.DataFrame:
    """Statements and quoted words by affiliation and by source type, largest share first."""
    cols = _columns(sources)
    if not per_article:
        rows = _share_rows(cols, list(range(len(sources))), "corpus", None)
    else:  # rows without an article id belong to no article
        rows = [r for a, part in _by_article(cols).items() if a is not None
                for r in _share_rows(cols, part, "article", a)]
    return conform(rows, SOURCE_SHARES)


def quoted_words_by_speaker(sources: pd.DataFrame) -> pd.DataFrame:
    """Per speaker: statements, quoted words, affiliation and type, most words first."""
    if not len(sources):
        return pd.DataFrame({"speaker": pd.Series(dtype="string"), "n_statements": pd.Series(dtype="Int64"),
                             "n_quoted_words": pd.Series(dtype="Int64"),
                             "affiliation": pd.Series(dtype="string"), "source_type": pd.Series(dtype="string"),
                             "named": pd.Series(dtype="boolean")})
    speaker = sources["speaker"].astype("string")
    named = sources["named"].astype("boolean").fillna(False).astype(bool)
    if sources["article_id"].nunique() > 1:
        # a description ("the committee", "he") is one source in one article, not across a corpus
        speaker = speaker.where(named, speaker + " (" + sources["article_id"].astype("string") + ")")
    frame = pd.DataFrame({"speaker": speaker,
                          "words": sources["n_quote_words"].fillna(0).astype("int64"),
                          "affiliation": _filled(sources["affiliation"]),
                          "source_type": _filled(sources["source_type"]),
                          "named": sources["named"].astype("boolean")})
    out = frame.groupby("speaker", sort=False).agg(
        n_statements=("words", "size"), n_quoted_words=("words", "sum"), affiliation=("affiliation", "first"),
        source_type=("source_type", "first"), named=("named", "first")).reset_index()
    out = out.sort_values("n_quoted_words", ascending=False, kind="stable").reset_index(drop=True)
    return out.astype({"speaker": "string", "n_statements": "Int64", "n_quoted_words": "Int64",
                       "affiliation": "string", "source_type": "string", "named": "boolean"})


def named_shares(sources: pd.DataFrame) -> pd.DataFrame:
    """Statements, quoted words and their shares for named and for anonymous speakers."""
    named = sources["named"].astype("boolean").fillna(False).astype(bool)
    words = sources["n_quote_words"].fillna(0).astype("int64")
    rows = []
    for label, mask in (("named", named), ("anonymous", ~named)):
        rows.append({"speaker": label, "n_statements": int(mask.sum()), "n_quoted_words": int(words[mask].sum()),
                     "statement_share": float(mask.mean()) if len(mask) else None,
                     "word_share": float(words[mask].sum() / words.sum()) if words.sum() else None})
    return pd.DataFrame(rows).astype({"speaker": "string", "n_statements": "Int64", "n_quoted_words": "Int64",
                                      "statement_share": "Float64", "word_share": "Float64"})


STATEMENT_COLUMNS = ["article_id", "paragraph", "speaker", "affiliation", "source_type", "named",
                     "quote_kind", "cue", "n_quote_words", "quote"]


def statement_list(sources: pd.DataFrame) -> pd.DataFrame:
    """Every statement with its speaker and kind, in text order: the table a reader checks."""
    return sources.sort_values(["article_id", "start"], kind="stable")[STATEMENT_COLUMNS].reset_index(drop=True)


# --- sentences and tables for the report ------------------------------------------------------

def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def speakers_takeaway(sources: pd.DataFrame, by_speaker: pd.DataFrame) -> str:
    """One sentence: statements, speakers and who gets the most words."""
    n_articles = int(sources["article_id"].nunique())
    words = int(by_speaker["n_quoted_words"].sum()) if len(by_speaker) else 0
    if not len(sources):
        return f"No attributed statements were found in {_plural(n_articles, 'article')}."
    top = by_speaker.iloc[0]
    return (f"{_plural(len(sources), 'statement')} in {_plural(n_articles, 'article')} come from "
            f"{_plural(len(by_speaker), 'speaker')} ({_plural(words, 'quoted or reported word')}); "
            f"{top.speaker} gets the most: {_plural(int(top.n_quoted_words), 'word')} "
            f"({int(top.n_quoted_words) / max(words, 1):.0%}) in {_plural(int(top.n_statements), 'statement')}.")


def named_takeaway(named: pd.DataFrame) -> str:
    """One sentence: the share of statements and of quoted words from named speakers."""
    row = named.set_index("speaker").loc["named"]
    total = int(named["n_statements"].sum())
    if not total:
        return "No attributed statements, so no named or anonymous sources."
    return (f"{int(row.n_statements)} of {_plural(total, 'statement')} ({row.statement_share:.0%}) and "
            f"{row.word_share:.0%} of the quoted words come from named sources; "
            f"{total - int(row.n_statements)} from anonymous ones.")


def shares_takeaway(shares: pd.DataFrame, dimension: str = "source_type") -> str:
    """One sentence: the largest value of one dimension and its share of statements and words."""
    part = shares[shares["dimension"] == dimension]
    label = dimension.replace("_", " ")
    if not len(part):
        return f"No statements, so no {label}s."
    # an unknown is not one more value: it is counted apart, as the indices do
    unknown = part[part["value"].astype(str).isin(_UNKNOWNS)]
    known = part[~part.index.isin(unknown.index)]
    share = float(unknown["statement_share"].sum()) if len(unknown) else 0.0
    tail = f" The text gives no {label} for {share:.0%} of the statements." if share else ""
    if not len(known):
        return f"The text gives no {label} for any statement."
    top = known.sort_values(["n_statements", "n_quoted_words"], ascending=False, kind="stable").iloc[0]
    return (f"{_plural(len(known), 'distinct ' + label)}; the most frequent is {top.value}: "
            f"{top.statement_share:.0%} of the statements and {top.word_share:.0%} of the quoted words.{tail}")


def indices_takeaway(overall: pd.DataFrame) -> str:
    """The diversity indices of one `source_diversity` row, in words; a missing index reads n/a."""
    row = overall.iloc[0]
    if not row.n_statements:
        return "No statements, so no diversity indices."

    def fmt(x):
        return "n/a" if pd.isna(x) else f"{x:.2f}"
    return (f"Affiliations (known for {row.affiliation_known_share:.0%} of the statements, which the "
            f"indices are computed over): {row.n_affiliations}, entropy {fmt(row.affiliation_entropy_bits)} bits, "
            f"evenness {fmt(row.affiliation_evenness)}, Gini-Simpson {fmt(row.affiliation_gini_simpson)}. "
            f"Source types (known for {row.type_known_share:.0%}): {row.n_source_types}, "
            f"entropy {fmt(row.type_entropy_bits)} bits, "
            f"evenness {fmt(row.type_evenness)}, Gini-Simpson {fmt(row.type_gini_simpson)}. "
            + (f"Most words: {row.top_speaker} ({row.top_speaker_word_share:.0%} of quoted words)."
               if row.scope == "article" else
               # the corpus row counts a speaker per article (see n_sources), so say so
               f"Most words from one speaker in one article: {row.top_speaker} "
               f"({row.top_speaker_word_share:.0%} of all quoted words)."))


def per_article_takeaway(per_article: pd.DataFrame) -> str:
    """One sentence: articles with sources and the spread of their Gini-Simpson over affiliations."""
    n = len(per_article)
    values = per_article["affiliation_gini_simpson"].astype("Float64").dropna()
    with_sources = int((per_article["n_statements"].fillna(0) > 0).sum())
    head = f"{_plural(n, 'article')}, {with_sources} with sources"
    unknown = int(((per_article["n_statements"].fillna(0) > 0) & (per_article["n_affiliations"].fillna(0) == 0)).sum())
    if unknown:
        head += f" ({unknown} of them with no known affiliation, so no index)"
    if not len(values):
        return head + "."
    if len(values) == 1:
        return head + f"; its Gini-Simpson index over affiliations is {float(values.iloc[0]):.2f}."
    return (head + f"; Gini-Simpson over affiliations has median {float(values.median()):.2f} "
            f"(range {float(values.min()):.2f} to {float(values.max()):.2f}); "
            f"{_plural(int((values == 0).sum()), 'article')} quote one known affiliation only.")


def for_display(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy as text for the report: shares as percentages, other floats to 2 decimals, missing blank."""
    out = pd.DataFrame(index=frame.index)
    for col in frame.columns:
        values = frame[col]
        if pd.api.types.is_float_dtype(values.dtype):
            share = col.endswith("share")
            out[col] = [("" if pd.isna(v) else f"{v:.1%}" if share else f"{v:.2f}") for v in values]
        else:
            out[col] = ["" if pd.isna(v) else str(v) for v in values.astype(object)]
    return out.astype("string")
