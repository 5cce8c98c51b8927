"""The corpus runner: one Doc per article aligned with the sentences, resume, parallel runs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from analysis import articles, nlp, pipeline, runner, sentences

# Small hand-written articles: quotes, figures and a casualty report, so every extractor has work.
TEXTS = [
    "Floods hit the valley\n\nAt least 12 people were killed and 40 injured when the river rose on "
    "Monday, police said.\n\n\"We have never seen water like this,\" said Mayor Ana Costa.",
    "Budget passes\n\nThe council approved a budget of $4.5 million, up 3% from last year.\n\n"
    "\"It is a fair deal,\" the finance chief told reporters.",
    "Match report\n\nThe home side won 3-1 in front of 25,000 fans. The coach said the team had "
    "worked hard all week.",
    "Quiet day\n\nNothing much happened in the town today. Shops opened late and the market was calm.",
    "Storm warning\n\nForecasters expect winds of up to 90 km/h on Friday. Two people died in a "
    "similar storm in 2019, according to officials.",
    "New library\n\nThe library opened on Saturday with 10,000 books. \"Reading matters,\" said "
    "the librarian, Tom Reed.",
]


def _corpus(folder, texts=TEXTS):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _frames(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in pipeline.table_names()}


def _assert_same_tables(left, right):
    for name in pipeline.table_names():
        pd.testing.assert_frame_equal(left[name], right[name], check_categorical=False, obj=name)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return _corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The tables of a clean single-process run."""
    out = tmp_path_factory.mktemp("reference")
    runner.run([corpus], out)
    return _frames(out)


def test_doc_sentences_start_where_the_sentences_table_starts(seed_article):
    table = sentences.table(seed_article)
    spans = list(zip(table["start"].tolist(), table["end"].tolist()))
    doc = nlp.parse(seed_article.text, spans, nlp.load())
    assert [s.start_char for s in doc.sents] == table["start"].tolist()


def test_glued_word_is_split_into_two_tokens(seed_article):
    # The seed glues two sentences: "... resumed direct talks UkraineThe government is hoping ..."
    table = sentences.table(seed_article)
    doc = nlp.parse(seed_article.text, list(zip(table["start"], table["end"])), nlp.load())
    words = [t.text for t in doc]
    i = words.index("Ukraine", words.index("resumed"))
    assert words[i + 1] == "The" and doc[i + 1].is_sent_start


def test_token_offsets_are_article_offsets(seed_article):
    table = sentences.table(seed_article)
    doc = nlp.parse(seed_article.text, list(zip(table["start"], table["end"])), nlp.load())
    assert all(seed_article.text[t.idx:t.idx + len(t.text)] == t.text for t in doc)


def test_batch_parse_equals_one_by_one():
    model = nlp.load()
    items = []
    for i, text in enumerate(TEXTS):
        table = sentences.table(articles.make_article(f"a{i}", text))
        items.append((text, list(zip(table["start"], table["end"]))))
    batch = list(nlp.parse_many(items, model))
    single = [nlp.parse(*item, model) for item in items]
    for b, s in zip(batch, single):
        assert [(t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in b] == \
               [(t.dep_, t.head.i, t.ent_type_, t.lemma_) for t in s]


def test_runner_rows_equal_in_memory_build(corpus, reference):
    built = pipeline.build(corpus)
    assert list(built) == pipeline.table_names()
    _assert_same_tables(built.frames, reference)


def test_rerun_skips_unchanged_articles(corpus, tmp_path):
    first = runner.run([corpus], tmp_path)
    second = runner.run([corpus], tmp_path)
    assert (first.processed, first.skipped) == (len(TEXTS), 0)
    assert (second.processed, second.skipped) == (0, len(TEXTS))


def test_changed_article_is_redone_and_its_old_rows_dropped(tmp_path, reference):
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    runner.run([corpus], out)
    (corpus / "a03.txt").write_text("Quiet day\n\nThe town was calm.", encoding="utf-8")
    summary = runner.run([corpus], out)
    assert (summary.processed, summary.skipped) == (1, len(TEXTS) - 1)
    sents = pd.read_parquet(out / "sentences.parquet")
    assert sents.loc[sents["article_id"] == "a03", "text"].tolist() == ["Quiet day", "The town was calm."]
    assert sents["article_id"].tolist() == sorted(sents["article_id"].tolist())  # input order kept
    assert not sents.duplicated(["article_id", "sentence"]).any()


def test_removed_article_leaves_the_tables(tmp_path):
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    runner.run([corpus], out)
    (corpus / "a01.txt").unlink()
    runner.run([corpus], out)
    for name, frame in _frames(out).items():
        assert "a01" not in set(frame["article_id"]), name


def test_new_pipeline_version_redoes_everything(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", TEXTS[:2])
    runner.run([corpus], tmp_path / "out")
    monkeypatch.setattr(runner.config, "PIPELINE_VERSION", "test-next")
    assert runner.run([corpus], tmp_path / "out").processed == 2


def test_ctrl_c_mid_run_resumes_without_duplicate_or_lost_rows(corpus, reference, tmp_path, monkeypatch):
    writes = []
    real_write = runner.Store.write

    def write_then_interrupt(self, frames):
        number = real_write(self, frames)
        writes.append(number)
        if len(writes) == 2:
            raise KeyboardInterrupt
        return number

    monkeypatch.setattr(runner.Store, "write", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        runner.run([corpus], tmp_path, batch_size=2)
    assert not list(tmp_path.glob("*.parquet"))  # nothing final yet
    monkeypatch.setattr(runner.Store, "write", real_write)
    summary = runner.run([corpus], tmp_path, batch_size=2)
    assert (summary.processed, summary.skipped) == (len(TEXTS) - 4, 4)
    _assert_same_tables(_frames(tmp_path), reference)


def test_killed_run_resumes_without_duplicate_or_lost_rows(corpus, reference, tmp_path):
    # The child kills itself with SIGKILL right after its second batch is committed.
    script = textwrap.dedent(f"""
        import os, signal
        from analysis import runner
        real = runner.Store.write
        def write(self, frames):
            number = real(self, frames)
            if number == 1:
                os.kill(os.getpid(), signal.SIGKILL)
            return number
        runner.Store.write = write
        runner.run([{str(corpus)!r}], {str(tmp_path)!r}, batch_size=2)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == -9, proc.stderr
    summary = runner.run([corpus], tmp_path, batch_size=2)
    assert (summary.processed, summary.skipped) == (len(TEXTS) - 4, 4)
    _assert_same_tables(_frames(tmp_path), reference)


def test_unfinished_part_and_parts_of_other_versions_are_ignored(corpus, reference, tmp_path):
    runner.run([corpus], tmp_path)
    parts = tmp_path / runner.WORK / "parts"
    (parts / "tmp-00000009-1").mkdir()  # what a kill during a part's write leaves
    part = next(p for p in parts.iterdir() if p.name.isdigit())
    stamp = json.loads((part / "part.json").read_text())
    (part / "part.json").write_text(json.dumps({**stamp, "pipeline_version": "old"}))
    summary = runner.run([corpus], tmp_path)
    assert summary.processed == len(TEXTS)
    assert not (parts / "tmp-00000009-1").exists()
    _assert_same_tables(_frames(tmp_path), reference)


def test_no_temporary_files_are_left(corpus, tmp_path):
    runner.run([corpus], tmp_path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.name != runner.WORK] == []


def test_two_processes_give_the_same_rows(corpus, reference, tmp_path):
    runner.run([corpus], tmp_path, jobs=2, batch_size=2)
    _assert_same_tables(_frames(tmp_path), reference)


def test_dask_local_cluster_gives_the_same_rows(corpus, reference, tmp_path):
    pytest.importorskip("dask.distributed", reason="dask is an optional extra: pip install -e '.[dask]'")
    runner.run([corpus], tmp_path, jobs=2, dask="local", batch_size=2)
    _assert_same_tables(_frames(tmp_path), reference)


def test_failing_extractor_is_recorded_and_the_run_goes_on(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "corpus", TEXTS[:3])
    real = sentences.table

    def table(article):
        if article.article_id == "a01":
            raise RuntimeError("boom")
        return real(article)

    monkeypatch.setattr(pipeline.sentences, "table", table)
    failures = []
    summary = runner.run([corpus], tmp_path / "out", on_failure=failures.append)
    arts = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert arts["status"].tolist() == ["ok", "failed", "ok"]
    assert summary.failed == 1 and len(failures) == 1 and "RuntimeError: boom" in failures[0]


def test_fast_ruler_and_lemmatizer_equal_the_stock_components(seed_article):
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

    model = nlp.load()
    assert nlp._fast_rules(model) is not None  # the shortcut is in use for this pipeline
    docs = [seed_article.text, *TEXTS]
    items = []
    for i, text in enumerate(docs):
        table = sentences.table(articles.make_article(f"a{i}", text))
        items.append((text, list(zip(table["start"], table["end"]))))
    fast = list(nlp.parse_many(items, model))
    stock = list(model.pipe(nlp.prepare(text, spans, model) for text, spans in items))
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for f, s in zip(fast, stock):
        assert (f.to_array(attrs) == s.to_array(attrs)).all()
        assert [t.lemma_ for t in f] == [t.lemma_ for t in s]


def test_fast_rules_equal_the_stock_components_on_the_ruler_exceptions():
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    # Sentences written to hit the ruler's word-level exceptions: "but" as an adverb, "a"/"an",
    # negation, auxiliaries, "I"/"you"/"it" by role, "gonna", "y'all", "let's", "ain't",
    # "there is", "gets"/"got", and runs of spaces and newlines.
    text = ("But I ain't gonna stay, y'all.  Let's see whether it gets better, an idea that I "
            "had not had.\n\nThere are two of them;  you told it to me, and it got worse.  "
            "They have done what they do.   Nothin' is as it was, because you're here and I'm not.")
    model = nlp.load()
    table = sentences.table(articles.make_article("x", text))
    spans = list(zip(table["start"], table["end"]))
    fast = next(nlp.parse_many([(text, spans)], model))
    stock = model(nlp.prepare(text, spans, model))
    attrs = [TAG, POS, MORPH, LEMMA, DEP]
    assert (fast.to_array(attrs) == stock.to_array(attrs)).all()
    assert [t.lemma_ for t in fast] == [t.lemma_ for t in stock]


def test_changed_column_declaration_redoes_the_articles(tmp_path, monkeypatch):
    from analysis.schema import TABLES, Column

    corpus = _corpus(tmp_path / "corpus", TEXTS[:2])
    runner.run([corpus], tmp_path / "out")
    grown = (*TABLES["sentences"], Column("test_only", "string", "A column added after the first run."))
    monkeypatch.setitem(TABLES, "sentences", grown)
    assert runner.run([corpus], tmp_path / "out").processed == 2
    assert "test_only" in pd.read_parquet(tmp_path / "out" / "sentences.parquet").columns


def test_a_second_run_on_the_same_folder_is_refused_while_the_first_runs(corpus, tmp_path):
    first = runner.Store(tmp_path, runner.fingerprint())  # holds the folder's lock, as a run does
    try:
        with pytest.raises(runner.RunError, match="another run is writing there"):
            runner.run([corpus], tmp_path)
    finally:
        first.close()
    assert runner.run([corpus], tmp_path).processed == len(TEXTS)


def test_merge_sink_holds_few_slices_and_flushes_long_rows_early(tmp_path):
    import pyarrow.parquet as pq

    sink = runner._Sink(tmp_path / "articles.parquet", "articles", "parquet")
    one = runner.to_arrow(articles.articles_table([articles.article_row(
        articles.make_article("a", "Short text."), n_sentences=1, n_words=2)]), "articles")
    for _ in range(1000):
        sink.add(one)
        assert len(sink.pending) <= 256  # slices are compacted, not kept one per article
    assert sink.n_pending == 1000  # short rows: still one row group in the making
    long_row = runner.to_arrow(articles.articles_table([articles.article_row(
        articles.make_article("b", "word " * 4_000_000), n_sentences=1, n_words=4_000_000)]), "articles")
    sink.add(long_row)
    assert sink.n_pending == 0  # 20 MB of text: written at once, not held for 20,000 rows
    sink.close()
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == 1001
