"""The reader: formats, encodings, ids, paragraph kinds, failures that name the file."""
from __future__ import annotations

import json

import pytest

from analysis import articles


def kinds_by_start(article):
    return {p.text.split("\n")[0][:30]: p.kind for p in article.paragraphs}


def test_seed_paragraph_kinds_are_one_of_each(seed_article):
    kinds = [(p.kind, p.text) for p in seed_article.paragraphs]
    non_body = [(k, t.split("\n")[-1][:40]) for k, t in kinds if k != "body"]
    assert non_body == [
        ("headline", "Russia says it will “drastically reduce”"),
        ("caption", "Turkey’s Foreign Minister Mevlut Cavusog"),
        ("credit", "Cem Ozdel/Anadolu Agency/Getty"),
        ("related_link", "Congressman on how Putin’s war in Ukrain"),
        ("related_link", "Ukrainian Zelenskyy is ready to discuss "),
        ("boilerplate", "Leave a Reply"),
        ("boilerplate", "Your email address will not be published"),
    ]


def test_seed_keeps_every_paragraph_and_its_offsets(seed_article):
    text = seed_article.text
    assert len(seed_article.paragraphs) == 30
    for p in seed_article.paragraphs:
        assert text[p.start:p.end] == p.text and p.text.strip() == p.text


def test_seed_title_is_the_headline(seed_article):
    assert seed_article.title.startswith("Russia says it will")


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                          ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                          ("cp1252", b"")])
def test_encodings_decode_to_the_same_text(tmp_path, encoding, bom):
    text = "Café owner said: “we’re open” — 15,000 visitors.\n\nSecond paragraph here."
    if encoding == "cp1252":
        text = text.replace("“", '"').replace("”", '"')
    path = tmp_path / "a.txt"
    path.write_bytes(bom + text.encode(encoding))
    assert articles.read_one(path).text == text


def test_undecodable_file_is_a_failure_naming_the_file(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"abc \x81\x8d\x8f\x90\x9d def")  # bytes undefined in cp1252 and invalid UTF-8
    [failure] = list(articles.read(path))
    assert isinstance(failure, articles.Failure)
    assert str(path) in failure.error and "cannot decode" in failure.error and "\n" not in failure.error


def test_multi_file_run_records_the_failure_and_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Good article.\n\nBody text here.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x81\x8d\x8f")
    (tmp_path / "c.txt").write_text("Another one.\n\nMore text.", encoding="utf-8")
    items = list(articles.read(tmp_path))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]


def test_json_fields_and_metadata(tmp_path):
    record = {"id": "x1", "title": "T", "text": "Hello world.\n\nMore.", "url": "http://e.org/1",
              "published": "2022-03-29", "outlet": "Wire", "section": "world"}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    a = articles.read_one(path)
    assert (a.article_id, a.title, a.outlet, a.published, a.url) == ("x1", "T", "Wire", "2022-03-29", "http://e.org/1")
    assert a.metadata == {"section": "world"}


def test_jsonl_bad_line_fails_alone(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text('{"id": "a", "text": "One."}\n{not json\n{"id": "b", "text": "Two."}\n', encoding="utf-8")
    items = list(articles.read(path))
    assert [getattr(i, "article_id") for i in items] == ["a", "many:2", "b"]
    assert isinstance(items[1], articles.Failure) and f"{path}:2" in items[1].error


def test_same_named_files_in_subfolders_get_distinct_ids(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "y" / "same.txt").write_text("Second.", encoding="utf-8")
    assert [a.article_id for a in articles.read(tmp_path)] == ["x/same", "y/same"]


def test_duplicate_ids_are_reported_not_merged(tmp_path):
    (tmp_path / "same.txt").write_text("First.", encoding="utf-8")
    (tmp_path / "same.md").write_text("Second.", encoding="utf-8")
    items = list(articles.read([tmp_path / "same.md", tmp_path / "same.txt"]))
    assert isinstance(items[0], articles.Article) and items[0].text == "Second."
    assert isinstance(items[1], articles.Failure) and "already used" in items[1].error
    assert items[1].article_id == "same#2"  # article_id stays unique in the articles table


def test_every_further_use_of_an_id_fails_under_its_own_id(tmp_path):
    records = [{"id": "a", "text": "One."}, {"id": "a", "text": "Two."}, {"id": "a", "text": "Three."}]
    (tmp_path / "batch.json").write_text(json.dumps(records), encoding="utf-8")
    items = list(articles.read(tmp_path / "batch.json"))
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure"]
    assert [i.article_id for i in items] == ["a", "a#2", "a#3"]


def test_html_main_text_is_extracted_without_navigation(tmp_path):
    body = " ".join(["The council approved the budget on Monday after a long debate."] * 6)
    page = f"""<html><head><title>Council approves budget</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Council approves budget</h1><p>{body}</p><p>The mayor said the vote was historic and thanked residents.</p></article>
    <footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    a = articles.read_one(path)
    assert "The mayor said the vote was historic" in a.text
    assert "Home" not in a.text.split("\n\n")[1]
    assert a.paragraphs[0].kind == "headline"


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(articles.ArticleError, match="no such file or folder"):
        list(articles.read(tmp_path / "nope"))


def test_cp1252_fallback_is_recorded(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Caf\u00e9 prices rose 5\u20ac.".encode("cp1252"))
    article = articles.read_one(path)
    assert (article.text, article.encoding) == ("Caf\u00e9 prices rose 5\u20ac.", "cp1252")


@pytest.mark.parametrize("text,kind", [
    ("Photo: Jane Doe/Reuters", "credit"),
    ("AP Photo/Evan Vucci", "credit"),
    ("Sign up for our daily newsletter", "boilerplate"),
    ("© 2022 Example Media. All rights reserved.", "boilerplate"),
    ("4. Eel ecologist", "subheading"),
    ("Typical salary: £60,000 to £90,000", "subheading"),
    ("Heavy fighting", "subheading"),
    ("Mayor on how the flood plan failed the riverside districts", "related_link"),
    ("“Over the past decade, the family have provided me with the platform to manage the club and", "body"),
])
def test_a_paragraph_between_body_paragraphs_gets_its_kind(text, kind):
    paras = ["Headline of the story here", "The first body paragraph says something. It has two sentences.", text,
             "Another body paragraph follows, as body paragraphs do."]
    assert articles.classify(paras)[2] == kind


def test_markdown_title_drops_the_heading_marker(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("# Council approves budget\n\nThe council approved the budget on Monday.", encoding="utf-8")
    assert articles.read_one(path).title == "Council approves budget"


def test_html_title_is_not_repeated_as_body(tmp_path):
    body = " ".join(["Heavy rain flooded the coast road on Sunday, officials said."] * 5)
    page = (f"<html><head><title>Storm hits coast</title></head><body><article><h1>Storm hits coast</h1>"
            f"<p>{body}</p><p>Residents were told to stay indoors until the evening.</p></article></body></html>")
    path = tmp_path / "storm.html"
    path.write_text(page, encoding="utf-8")
    a = articles.read_one(path)
    assert [p.text for p in a.paragraphs].count("Storm hits coast") == 1


def test_invalid_json_names_file_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"id": "a", "text": "unterminated', encoding="utf-8")
    [failure] = list(articles.read(path))
    assert "bad.json: invalid JSON (Unterminated string" in failure.error and "line 1, column" in failure.error
