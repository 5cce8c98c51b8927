"""The parser reads Markdown articles without their emphasis, heading and link marks, at unchanged offsets."""
from __future__ import annotations

import pytest

from analysis import articles, nlp, pipeline


@pytest.mark.parametrize("text, view", [
    ("**Five people were killed** in the blast", "  Five people were killed   in the blast"),
    ("Two were _wounded_ today.", "Two were  wounded  today."),
    ("## Three dead\n\nText", "   Three dead\n\nText"),
    ("**a _b_ c**", "  a  b  c  "),
    ("see [the report](http://x.org/a_b) now", "see  the report" + " " * 19 + " now"),
])
def test_parser_view_blanks_markdown_marks_in_place(text, view):
    assert nlp.parser_view(text) == view and len(view) == len(text)


@pytest.mark.parametrize("text", [
    "Oh sh**, police.", "beat the **** out of me", "becoming n****rs", "snake_case_name", "5 * 3 * 2 = 30",
    "![a picture](a.png)", "No marks at all.",
])
def test_parser_view_leaves_censored_words_identifiers_arithmetic_and_pictures(text):
    assert nlp.parser_view(text) == text


def test_a_markdown_article_with_emphasis_gives_its_casualty_rows(tmp_path):
    path = tmp_path / "blast.md"
    path.write_text("# Bomb attack in the city\n\nA man was **shot dead** outside his home, police said.\n\n"
                    "A woman was _wounded_ in the attack and **Two men** were injured after the blast.\n",
                    encoding="utf-8")
    article = articles.read_one(path)
    tables = pipeline.analyse(article)
    c = tables["casualties"]
    assert sorted(zip(c["casualty_type"].astype(str), c["count"].astype(float))) == [
        ("killed", 1.0), ("wounded", 1.0), ("wounded", 2.0)]
    # the rows point into the article text as written, marks included
    text = article.text
    assert all(text[s:e] == t for s, e, t in zip(c["start"], c["end"], c["text"]))
