"""Report plumbing: where chart data goes, what each report says about its input, page titles."""
from __future__ import annotations

import nbformat
import pandas as pd

from analysis import config, pipeline, plots, report
from analysis.plots import casualties as casualty_plots


def test_chart_data_of_another_corpus_does_not_overwrite_the_seeds(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "DATA", tmp_path)
    frame = pd.DataFrame({"x": [1]})
    seed = plots.save_data(frame, "00-test", "seeds/")
    other = plots.save_data(frame, "00-test", str(tmp_path / "bbc20"))
    assert seed == tmp_path / "charts" / "00-test.csv"
    assert other == tmp_path / "charts" / "bbc20" / "00-test.csv"


def test_each_report_names_its_corpus_and_its_failures():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "status": ["ok", "failed", "ok"]})
    text = report.describe_input("my corpus/", pipeline.Tables({"articles": articles})).data
    assert text == ("**Input corpus:** `my corpus/`: 3 articles, 2 read, "
                    "1 could not be read (see `articles.error`).")


def test_html_page_title_is_the_notebook_heading():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Who is quoted\nEvery statement.")])
    assert "<title>Who is quoted</title>" in report.to_html(nb)


def test_figure_kinds_of_an_input_without_numbers():
    empty = pd.DataFrame({"kind": pd.Series([], dtype="string"), "is_casualty": pd.Series([], dtype="boolean")})
    kinds = casualty_plots.kind_counts(empty)
    assert kinds["figures"].sum() == 0
    assert casualty_plots.kinds_takeaway(empty, kinds) == "The input reports no figures."


def test_claims_over_time_never_puts_two_casualty_types_on_one_axis():
    timeline = pd.DataFrame({
        "article_date": ["2022-03-10", "2022-03-10", "2022-03-20"], "article_id": ["a", "a", "b"],
        "casualty_type": ["displaced", "killed", "killed"], "side": [None, None, "Russia"],
        "source": [None, None, None], "qualifier": ["more_than", "range", "exact"],
        "low": [2e6, 10.0, 14700.0], "high": [None, 20.0, 14700.0], "estimate": [2e6, 15.0, 14700.0],
        "statement": ["", "", ""]})
    fig = casualty_plots.claims_over_time(timeline)
    labels = [ax.get_ylabel().split("\n")[0] for ax in fig.axes]
    assert labels == ["killed", "displaced"]
    killed = fig.axes[0]
    # the range is drawn as a bar from 10 to 20, not as its midpoint
    assert any(list(line.get_ydata()) == [10.0, 20.0] for line in killed.get_lines())


def test_no_comparison_takeaway_says_what_the_references_cover():
    from analysis import reference

    refs = pd.DataFrame({"date": ["2022-03-24", "2022-07-20"], "side": ["Russia", "Russia"],
                         "type": ["deaths", "captured"]})
    assert reference.comparison_takeaway(pd.DataFrame(), refs).endswith(
        "(the references used: 2 figures on Russia (captured, deaths), dated 2022-03-24 to 2022-07-20).")


def test_a_date_deep_in_the_body_is_an_event_not_the_articles_date():
    from analysis import reference

    figures = pd.DataFrame({"kind": ["date", "date"], "date_iso": ["2022-03-29", "2001-09-11"],
                            "text": ["March 29, 2022", "September 11th 2001"], "paragraph": [4, 14]})
    assert reference.article_date(None, figures) == "2022-03-29"
    assert reference.article_date(None, figures.iloc[[1]]) is None


def test_mentions_takeaway_counts_in_words():
    one = pd.DataFrame({"article_id": ["a", "a"], "quantified": [True, False]})
    assert casualty_plots.mentions_takeaway(one) == "2 casualty mentions in 1 article, 1 with a number, stated or implied"


def test_where_it_gets_hard_shows_the_hardest_article_by_default():
    from analysis import readability

    rows = pd.DataFrame({"article_id": ["easy", "hard", "easy", "hard"], "scope": ["article", "article", "paragraph", "paragraph"],
                         "paragraph": [None, None, 1, 1], "start": [0, 0, 0, 0], "end": [9, 9, 9, 9],
                         "n_words": [20, 20, 20, 20], "n_sentences": [1, 1, 1, 1],
                         "flesch_kincaid_grade": [5.0, 14.0, 5.0, 14.0], "note": ["", "", "", ""]})
    assert readability.paragraph_profile(rows)["article_id"].unique().tolist() == ["hard"]


def test_printed_text_split_into_chunks_renders_the_same():
    one = [nbformat.v4.new_output("stream", name="stdout", text="Outliers need 4 articles.\n\n")]
    two = [nbformat.v4.new_output("stream", name="stdout", text="Outliers need 4 articles.\n"),
           nbformat.v4.new_output("stream", name="stdout", text="\n")]
    assert report._coalesced(two) == report._coalesced(one) == one


def test_an_empty_table_is_not_shown():
    assert plots.shown(pd.DataFrame({"a": []})) is None
    frame = pd.DataFrame({"a": [1]})
    assert plots.shown(frame) is frame


def test_seed_index_says_where_other_corpora_reports_go():
    entries = [("01-readability.html", "Readability", "How hard it reads.")]
    seed = report.index_html(entries, "seeds/", seed=True)
    other = report.index_html(entries, "bbc/", seed=False)
    assert "reports/&lt;corpus name&gt;/index.html" in seed
    assert "corpus name" not in other
    assert '<a href="01-readability.html">Readability</a>' in other
