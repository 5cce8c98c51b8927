"""Source diversity: counts, shares and indices on hand-built sources tables, and the seed's row."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis import diversity, sources
from analysis.schema import conform


def table(rows):
    base = {"article_id": "a", "quote_kind": "direct", "start": 0, "end": 1, "quote": "x"}
    return conform([{**base, **r} for r in rows], sources.SOURCES)


@pytest.fixture
def two_even():
    return table([
        {"speaker": "Ann Lee", "named": True, "affiliation": "Russia", "source_type": "government", "n_quote_words": 10},
        {"speaker": "Bo Kim", "named": True, "affiliation": "Ukraine", "source_type": "government", "n_quote_words": 30},
    ])


def test_two_equal_affiliations_give_one_bit_full_evenness_and_half_gini_simpson(two_even):
    row = diversity.source_diversity(two_even).iloc[0]
    assert row.affiliation_entropy_bits == pytest.approx(1.0)
    assert row.affiliation_evenness == pytest.approx(1.0)
    assert row.affiliation_gini_simpson == pytest.approx(0.5)


def test_one_source_type_has_zero_entropy_and_no_evenness(two_even):
    row = diversity.source_diversity(two_even).iloc[0]
    assert row.type_entropy_bits == 0.0 and pd.isna(row.type_evenness) and row.type_gini_simpson == 0.0


def test_top_speaker_is_who_gets_most_words(two_even):
    row = diversity.source_diversity(two_even).iloc[0]
    assert row.top_speaker == "Bo Kim" and row.top_speaker_word_share == pytest.approx(0.75)


def test_named_and_anonymous_shares_count_statements():
    t = table([
        {"speaker": "Ann Lee", "named": True, "n_quote_words": 5},
        {"speaker": "Ann Lee", "named": True, "n_quote_words": 5},
        {"speaker": "a NATO official", "named": False, "n_quote_words": 5},
        {"speaker": "officials", "named": False, "n_quote_words": 5},
    ])
    row = diversity.source_diversity(t).iloc[0]
    assert (row.n_statements, row.n_sources, row.n_named_sources) == (4, 3, 1)
    assert row.named_share == pytest.approx(0.5) and row.anonymous_share == pytest.approx(0.5)


def test_three_to_one_split_matches_the_formulas():
    t = table([{"speaker": f"s{i}", "named": True, "affiliation": aff, "n_quote_words": 1}
               for i, aff in enumerate(["A", "A", "A", "B"])])
    row = diversity.source_diversity(t).iloc[0]
    h = -(0.75 * math.log2(0.75) + 0.25 * math.log2(0.25))
    assert row.affiliation_entropy_bits == pytest.approx(h)
    assert row.affiliation_gini_simpson == pytest.approx(1 - 0.75 ** 2 - 0.25 ** 2)


def test_missing_affiliation_counts_as_its_own_unknown_category():
    t = table([{"speaker": "x", "named": False, "n_quote_words": 2}, {"speaker": "y", "named": True,
                                                                      "affiliation": "NATO", "n_quote_words": 2}])
    shares = diversity.source_shares(t)
    aff = shares[shares["dimension"] == "affiliation"]
    assert set(aff["value"]) == {diversity.UNKNOWN, "NATO"}
    assert aff["statement_share"].sum() == pytest.approx(1.0)


def test_empty_sources_give_a_row_of_zeros_not_an_error():
    row = diversity.source_diversity(table([])).iloc[0]
    assert row.n_statements == 0 and row.n_sources == 0 and pd.isna(row.named_share)


def test_per_article_rows_and_corpus_row():
    t = pd.concat([table([{"speaker": "x", "named": True, "n_quote_words": 1}]),
                   table([{"article_id": "b", "speaker": "x", "named": True, "n_quote_words": 1}])])
    per = diversity.source_diversity(t, per_article=True)
    assert per["article_id"].tolist() == ["a", "b"] and set(per["scope"]) == {"article"}
    corpus = diversity.source_diversity(t).iloc[0]
    assert corpus.scope == "corpus" and corpus.n_sources == 2  # same name in two articles: two sources


def test_word_shares_by_type_sum_to_one(two_even):
    shares = diversity.source_shares(two_even)
    by_type = shares[shares["dimension"] == "source_type"]
    assert by_type["word_share"].sum() == pytest.approx(1.0) and by_type.iloc[0].n_quoted_words == 40


def test_seed_row_comes_from_the_pipeline(seed_tables):
    d = seed_tables.source_diversity
    assert len(d) == 1 and d.iloc[0].n_statements == len(seed_tables.sources)
    assert d.iloc[0].n_sources >= 11  # the eleven sources issue 4 lists for the seed, at least


# --- report helpers: takeaways, display tables, charts -----------------------------------------

def test_anonymous_descriptions_stay_apart_across_articles_but_names_merge():
    t = pd.concat([table([{"speaker": "the committee", "named": False, "n_quote_words": 3},
                          {"speaker": "Ann Lee", "named": True, "n_quote_words": 2}]),
                   table([{"article_id": "b", "speaker": "the committee", "named": False, "n_quote_words": 4},
                          {"article_id": "b", "speaker": "Ann Lee", "named": True, "n_quote_words": 2}])])
    by = diversity.quoted_words_by_speaker(t).set_index("speaker")["n_quoted_words"]
    assert by.to_dict() == {"the committee (b)": 4, "Ann Lee": 4, "the committee (a)": 3}


def test_one_article_takeaways_use_the_singular(two_even):
    by = diversity.quoted_words_by_speaker(two_even)
    assert diversity.speakers_takeaway(two_even, by).startswith("2 statements in 1 article come from 2 speakers")
    per = diversity.source_diversity(two_even, per_article=True)
    assert diversity.per_article_takeaway(per) == (
        "1 article, 1 with sources; its Gini-Simpson index over affiliations is 0.50.")


def test_named_takeaway_gives_the_share_of_statements(two_even):
    t = pd.concat([two_even, table([{"speaker": "officials", "named": False, "n_quote_words": 40}])])
    assert diversity.named_takeaway(diversity.named_shares(t)).startswith(
        "2 of 3 statements (67%) and 50% of the quoted words come from named sources")


def test_for_display_shows_shares_as_percent_indices_two_decimals_missing_blank(two_even):
    shown = diversity.for_display(diversity.source_diversity(two_even)).iloc[0]
    assert shown.named_share == "100.0%" and shown.top_speaker_word_share == "75.0%"
    assert shown.affiliation_gini_simpson == "0.50" and shown.type_evenness == ""
    assert shown.article_id == "" and shown.n_statements == "2"


def test_histogram_of_one_article_has_integer_ticks_and_a_singular_title(two_even):
    from analysis.plots import sources as source_plots

    fig = source_plots.diversity_distribution(diversity.source_diversity(two_even, per_article=True))
    ax = fig.axes[0]
    assert ax.get_title() == "Diversity of affiliations per article (1 article with sources)"
    assert all(float(t).is_integer() for t in ax.get_yticks())


def test_named_chart_legend_sits_below_the_bars(two_even):
    from analysis.plots import sources as source_plots

    fig = source_plots.named_vs_anonymous(diversity.named_shares(two_even))
    ax = fig.axes[0]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    legend = ax.get_legend().get_window_extent(renderer)
    assert legend.y1 <= ax.get_window_extent(renderer).y0


def test_indices_takeaway_reads_missing_evenness_as_na(two_even):
    text = diversity.indices_takeaway(diversity.source_diversity(two_even))
    assert ("Affiliations (known for 100% of the statements, which the indices are computed over): 2, "
            "entropy 1.00 bits, evenness 1.00, Gini-Simpson 0.50.") in text
    assert "Source types (known for 100%): 1, entropy 0.00 bits, evenness n/a, Gini-Simpson 0.00." in text


# --- the plain-Python tables agree with pandas ------------------------------------------------

def _random_sources(rng, n):
    """A sources table with repeated speakers, missing values and a few articles."""
    return table([{"article_id": rng.choice(["a", "b", "c"]), "speaker": rng.choice(["Ann", "Bo", "Cy", "Di"]),
                   "named": rng.choice([True, False, None]),
                   "affiliation": rng.choice(["Russia", "Ukraine", "NATO", None]),
                   "source_type": rng.choice(["government", "expert", "civilian", None]),
                   "n_quote_words": rng.choice([0, 1, 2, 3, 5, 8, 13, None])} for _ in range(n)])


def _pandas_row(t, scope, article_id):
    """The diversity row computed with pandas group-bys (the earlier implementation), as a reference."""
    n = len(t)
    row = {"scope": scope, "article_id": article_id, "n_statements": n}
    if n == 0:
        return {**row, "n_sources": 0, "n_named_sources": 0, "n_quoted_words": 0, "n_affiliations": 0,
                "n_source_types": 0}
    who = t["article_id"].astype("string") + "\x1f" + t["speaker"].astype("string")
    named = t["named"].fillna(False).astype(bool)
    words = t["n_quote_words"].fillna(0).astype("int64")
    totals = pd.DataFrame({"who": who, "speaker": t["speaker"].astype("string"), "words": words}).groupby(
        "who", sort=False).agg(speaker=("speaker", "first"), words=("words", "sum"))
    top = totals.sort_values("words", ascending=False, kind="stable").iloc[0]
    # unknown affiliations and types are left out of the indices, and their share is reported
    aff_values = diversity._filled(t["affiliation"])
    typ_values = diversity._filled(t["source_type"])
    aff = aff_values[aff_values != diversity.UNKNOWN].value_counts(sort=False).tolist()
    typ = typ_values[~typ_values.isin([diversity.UNKNOWN, "unknown"])].value_counts(sort=False).tolist()
    total = int(words.sum())

    def indices(counts, count_column, prefix):
        if not counts:
            return {count_column: 0, f"{prefix}_known_share": 0.0}
        return {count_column: len(counts), f"{prefix}_known_share": sum(counts) / n,
                f"{prefix}_entropy_bits": diversity.shannon_bits(counts), f"{prefix}_evenness": diversity.pielou(counts),
                f"{prefix}_gini_simpson": diversity.gini_simpson(counts)}
    return {**row, "n_sources": int(who.nunique()), "n_named_sources": int(who[named].nunique()),
            "named_share": float(named.mean()), "anonymous_share": float(1 - named.mean()),
            "n_quoted_words": total, "top_speaker": top["speaker"],
            "top_speaker_word_share": float(top["words"]) / total if total else None,
            **indices(aff, "n_affiliations", "affiliation"), **indices(typ, "n_source_types", "type")}


def _pandas_shares(t, per_article):
    """The shares computed with pandas group-bys (the earlier implementation), as a reference."""
    frames = []
    groups = t.groupby(t["article_id"].astype("string"), sort=False) if per_article else [(None, t)]
    for article_id, part in groups:
        words = part["n_quote_words"].fillna(0).astype("int64")
        for dim in ("affiliation", "source_type"):
            tab = pd.DataFrame({"value": diversity._filled(part[dim]), "words": words}).groupby(
                "value", sort=False).agg(n_statements=("words", "size"), n_quoted_words=("words", "sum")).reset_index()
            tab["statement_share"] = tab["n_statements"] / max(len(part), 1)
            tab["word_share"] = tab["n_quoted_words"] / max(int(words.sum()), 1)
            tab = tab.sort_values(["n_quoted_words", "n_statements"], ascending=False, kind="stable")
            tab.insert(0, "dimension", dim)
            tab.insert(0, "article_id", article_id)
            tab.insert(0, "scope", "article" if per_article else "corpus")
            frames.append(tab)
    return conform(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(), diversity.SOURCE_SHARES)


def test_unknown_affiliation_is_left_out_of_the_indices_and_its_share_reported():
    t = pd.DataFrame({"article_id": ["a"] * 4, "speaker": ["A", "B", "C", "D"], "named": [True] * 4,
                      "n_quote_words": [10, 10, 10, 10], "affiliation": ["Oxfam", None, None, None],
                      "source_type": ["organization", "unknown", "unknown", "unknown"]})
    row = diversity.source_diversity(t).iloc[0]
    # one known affiliation: no spread to measure, not "two affiliations" (Oxfam and unknown)
    assert row["n_affiliations"] == 1 and row["affiliation_known_share"] == 0.25
    assert row["affiliation_gini_simpson"] == 0.0
    none_known = diversity.source_diversity(t.assign(affiliation=None)).iloc[0]
    assert none_known["n_affiliations"] == 0 and none_known["affiliation_known_share"] == 0.0
    assert pd.isna(none_known["affiliation_gini_simpson"]) and pd.isna(none_known["affiliation_entropy_bits"])


def test_diversity_and_shares_equal_the_pandas_reference_and_rows_equal_frames():
    import random

    from pandas.testing import assert_frame_equal
    rng = random.Random(6)
    for _ in range(40):
        t = _random_sources(rng, rng.choice([0, 1, 2, 3, 5, 8, 20]))
        records = [{k: (None if pd.isna(v) else v) for k, v in r.items()} for r in t.astype(object).to_dict("records")]
        for per_article in (False, True):
            shares = diversity.source_shares(t, per_article=per_article)
            assert_frame_equal(shares, _pandas_shares(t, per_article), check_exact=True)
            assert_frame_equal(diversity.source_shares(records, per_article=per_article), shares, check_exact=True)
        ids = t["article_id"].drop_duplicates().tolist()
        expected = conform([_pandas_row(t[t["article_id"] == a], "article", a) for a in ids],
                           diversity.SOURCE_DIVERSITY)
        assert_frame_equal(diversity.source_diversity(t, per_article=True), expected, check_exact=True)
        assert_frame_equal(diversity.source_diversity(t), conform([_pandas_row(t, "corpus", None)],
                                                                  diversity.SOURCE_DIVERSITY), check_exact=True)
        for a in ids:
            part = t[t["article_id"] == a]
            one = [r for r in records if r["article_id"] == a]
            assert_frame_equal(diversity.article_diversity(part, a), expected[expected["article_id"] == a]
                               .reset_index(drop=True), check_exact=True)
            assert_frame_equal(diversity.article_diversity(one, a), diversity.article_diversity(part, a),
                               check_exact=True)


def test_shares_takeaway_never_ranks_the_unknown():
    t = pd.DataFrame({"article_id": ["a"] * 4, "speaker": ["A", "B", "C", "D"], "named": [True] * 4,
                      "n_quote_words": [10, 10, 10, 10], "affiliation": ["Oxfam", None, None, None],
                      "source_type": ["organization", "unknown", "unknown", "unknown"]})
    text = diversity.shares_takeaway(diversity.source_shares(t), "affiliation")
    assert text == ("1 distinct affiliation; the most frequent is Oxfam: 25% of the statements and 25% of the "
                    "quoted words. The text gives no affiliation for 75% of the statements.")
