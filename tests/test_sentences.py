"""The sentences table: paragraphs never crossed, offsets exact, defects flagged not repaired."""
from __future__ import annotations

from analysis import articles, sentences


def test_glued_sentence_in_the_seed_is_split_and_flagged(seed_tables):
    s = seed_tables.sentences
    glued = s[s["text"].str.startswith("The government is hoping for a ceasefire")]
    assert len(glued) == 1 and "glued_sentence" in glued.iloc[0]["defects"]
    before = s[s["sentence"] == glued.iloc[0]["sentence"] - 1].iloc[0]
    assert before["text"].endswith("resumed direct talks Ukraine")


def test_sentences_never_cross_paragraphs(seed_article, seed_tables):
    paras = {p.index: p for p in seed_article.paragraphs}
    for row in seed_tables.sentences.itertuples():
        p = paras[row.paragraph]
        assert p.start <= row.start < row.end <= p.end


def test_sentence_rows_carry_their_paragraph_kind(seed_tables):
    s = seed_tables.sentences
    assert s.loc[s["text"] == "Leave a Reply", "paragraph_kind"].tolist() == ["boilerplate"]
    assert s.loc[s["text"] == "Cem Ozdel/Anadolu Agency/Getty", "paragraph_kind"].tolist() == ["credit"]


def test_numbers_and_titles_stay_in_one_sentence(seed_tables):
    s = seed_tables.sentences["text"]
    assert s.str.contains("up to 15,000 Russian soldiers were killed in just over a month of fighting.",
                          regex=False).sum() == 1
    assert s.str.contains("Dr. Olexander Scherba, the BBC after", regex=False).sum() == 1


def test_word_count_keeps_numbers_hyphens_and_possessives_whole():
    assert sentences.count_words("Moscow-backed fighters lost 15,000 of Putin’s 2.5 million men.") == 9


def test_mojibake_is_flagged_not_repaired():
    article = articles.make_article("m", "Headline here now\n\nThe minister said itâ€™s over. Then he left.")
    table = sentences.table(article)
    flagged = table[table["defects"].str.contains("mojibake")]
    assert flagged["text"].tolist() == ["The minister said itâ€™s over."]
